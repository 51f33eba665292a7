package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Simplification that may cost a little accuracy, for readability: conditions and whole rules are
 * removed one at a time, each time the candidate that changes the fewest predictions on the
 * training and validation rows (ties: the one that changes the scores of the fewest rows, the
 * higher validation macro-F1, the higher training macro-F1, the bigger removal), for as long as
 * both the validation and the training macro-F1 stay within {@code tolerance} of the rule set's
 * before this step. The budget is against the starting rule set, not the last step, so the total loss is
 * bounded by the tolerance. This is reduced-error pruning (Quinlan, "Simplifying decision trees",
 * 1987) on a weighted rule list, judged on held-out rows, with the training rows as a second
 * guard against fitting the pruning to the validation rows. {@link RuleSetPruning} runs first and
 * removes only what costs nothing on the training rows; this step removes what costs at most the
 * tolerance. Injected rules are never touched. Fewest changed predictions first, rather than best
 * validation F1 first, because F1 on a few hundred rows rarely tells candidates apart: on the demo
 * it dropped {@code income <= 50.71} from {@code income <= 50.71 AND age <= 70} (changing ~45% of
 * the rows the rule fires on) where dropping {@code age <= 70} changes almost none.
 *
 * <p>Each candidate is judged by updating only the rows whose firing it changes: removing a rule
 * changes the rows where it fires; dropping a condition from a conjunction adds the rows where the
 * shorter rule fires and the longer one did not.
 */
final class ToleranceSimplifier {
    private ToleranceSimplifier() {}

    /** One table of rows: their class scores under the current rules, the predictions, the counts. */
    private static final class Rows {
        final double[][] x;
        final int[] labels;
        final double[][] score;
        final int[] pred;
        Confusion conf;

        Rows(double[][] x, int[] labels, List<Rule> rules, double[] bias) {
            this.x = x;
            this.labels = labels;
            score = new double[x.length][];
            pred = new int[x.length];
            conf = new Confusion(bias.length);
            for (int i = 0; i < x.length; i++) {
                score[i] = RuleModel.scores(rules, bias, x[i]);
                pred[i] = ThresholdRefiner.argmax(score[i]);
                conf.add(labels[i], pred[i]);
            }
        }

        /** Macro-F1 and changed predictions if the rows in {@code changed} get {@code sign × w} added to their scores. */
        Trial trial(boolean[] changed, double[] w, double sign) {
            Confusion c = conf.copy();
            int flips = 0;
            double[] s = new double[w.length];
            for (int i = 0; i < x.length; i++) {
                if (changed[i]) {
                    for (int k = 0; k < s.length; k++) {
                        s[k] = score[i][k] + sign * w[k];
                    }
                    int p = ThresholdRefiner.argmax(s);
                    if (p != pred[i]) {
                        c.remove(labels[i], pred[i]);
                        c.add(labels[i], p);
                        flips++;
                    }
                }
            }
            return new Trial(c.macroF1(), flips);
        }

        void apply(boolean[] changed, double[] w, double sign) {
            for (int i = 0; i < x.length; i++) {
                if (changed[i]) {
                    for (int k = 0; k < w.length; k++) {
                        score[i][k] += sign * w[k];
                    }
                    int p = ThresholdRefiner.argmax(score[i]);
                    if (p != pred[i]) {
                        conf.remove(labels[i], pred[i]);
                        conf.add(labels[i], p);
                        pred[i] = p;
                    }
                }
            }
        }

        /** Rows where {@code now} fires and {@code was} did not (a condition dropped), or where {@code was} fires (now null: removed). */
        boolean[] changed(Rule was, Rule now) {
            boolean[] c = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                c[i] = now == null ? was.fires(x[i]) : now.fires(x[i]) && !was.fires(x[i]);
            }
            return c;
        }
    }

    private record Trial(double f1, int flips) {}

    /**
     * One removal tried: rule {@code at} replaced by {@code now} (null: removed), the rows whose
     * scores it moves on each table, and what it does there.
     */
    private record Candidate(int at, Rule now, boolean[] changedTrain, boolean[] changedValid, Trial train, Trial valid,
                             int moved, int removed) {
        int flips() {
            return train.flips() + valid.flips();
        }
    }

    /** The order of preference: fewest changed predictions, fewest moved rows, higher validation and training F1, bigger removal. */
    private static final Comparator<Candidate> PREFERENCE = Comparator
            .comparingInt((Candidate c) -> -c.flips())
            .thenComparingInt(c -> -c.moved())
            .thenComparingDouble(c -> c.valid().f1())
            .thenComparingDouble(c -> c.train().f1())
            .thenComparingInt(Candidate::removed);

    /** What was removed, for the training summary. */
    record Result(List<Rule> rules, int rulesRemoved, int conditionsRemoved, double trainF1Before, double trainF1After,
                  double validF1Before, double validF1After) {}

    static Result simplify(List<Rule> rules, double[] bias, double[][] train, int[] trainLabels, double[][] valid,
                           int[] validLabels, Set<Rule> injected, double tolerance) {
        List<Rule> current = new ArrayList<>(rules);
        Rows tr = new Rows(train, trainLabels, current, bias);
        Rows va = new Rows(valid, validLabels, current, bias);
        double trainFloor = tr.conf.macroF1() - tolerance - 1e-12;
        double validFloor = va.conf.macroF1() - tolerance - 1e-12;
        double trainBefore = tr.conf.macroF1();
        double validBefore = va.conf.macroF1();
        int rulesRemoved = 0;
        int conditionsRemoved = 0;
        while (true) {
            Candidate best = bestCandidate(current, injected, tr, va, trainFloor, validFloor);
            if (best == null) {
                break;
            }
            Rule was = current.get(best.at());
            double sign = best.now() == null ? -1 : 1;
            tr.apply(best.changedTrain(), was.weights(), sign);
            va.apply(best.changedValid(), was.weights(), sign);
            if (best.now() == null) {
                current.remove(best.at());
                rulesRemoved++;
            } else {
                conditionsRemoved++;
                current.set(best.at(), best.now());
                mergeEqual(current, best.at(), injected);
            }
        }
        return new Result(current, rulesRemoved, conditionsRemoved, trainBefore, tr.conf.macroF1(), validBefore,
                va.conf.macroF1());
    }

    /**
     * The most preferred removal that keeps both macro-F1s above their floors: of a whole rule, or of
     * one condition of a conjunction; injected rules are never touched. Null when none does.
     */
    private static Candidate bestCandidate(List<Rule> current, Set<Rule> injected, Rows tr, Rows va, double trainFloor,
                                           double validFloor) {
        Candidate best = null;
        for (int r = 0; r < current.size(); r++) {
            Rule rule = current.get(r);
            if (injected.contains(rule)) {
                continue;
            }
            for (Rule now : shorter(rule)) {
                double sign = now == null ? -1 : 1;
                boolean[] changedValid = va.changed(rule, now);
                Trial fv = va.trial(changedValid, rule.weights(), sign);
                if (fv.f1() < validFloor) {
                    continue;
                }
                boolean[] changedTrain = tr.changed(rule, now);
                Trial ft = tr.trial(changedTrain, rule.weights(), sign);
                if (ft.f1() < trainFloor) {
                    continue;
                }
                Candidate c = new Candidate(r, now, changedTrain, changedValid, ft, fv,
                        count(changedTrain) + count(changedValid), now == null ? rule.literals().size() : 1);
                if (best == null || PREFERENCE.compare(c, best) > 0) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** The rule's simpler versions: null (the rule removed), then, for a conjunction, each one with a condition dropped. */
    private static List<Rule> shorter(Rule rule) {
        List<Rule> shorter = new ArrayList<>();
        shorter.add(null); // the whole rule
        if (rule.conjunction() && rule.literals().size() > 1) {
            for (int l = 0; l < rule.literals().size(); l++) {
                List<Literal> fewer = new ArrayList<>(rule.literals());
                fewer.remove(l);
                shorter.add(new Rule(fewer, true, rule.weights()));
            }
        }
        return shorter;
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        return n;
    }

    /** A rule that became equal to another merges into it, their votes added (the scores do not change). */
    private static void mergeEqual(List<Rule> rules, int at, Set<Rule> injected) {
        Rule r = rules.get(at);
        for (int o = 0; o < rules.size(); o++) {
            Rule other = rules.get(o);
            if (o != at && other.key().equals(r.key())) {
                double[] w = other.weights().clone();
                for (int c = 0; c < w.length; c++) {
                    w[c] += r.weight(c);
                }
                Rule merged = new Rule(other.literals(), other.conjunction(), w);
                if (injected.contains(other)) {
                    injected.add(merged);
                }
                rules.set(o, merged);
                rules.remove(at);
                return;
            }
        }
    }
}
