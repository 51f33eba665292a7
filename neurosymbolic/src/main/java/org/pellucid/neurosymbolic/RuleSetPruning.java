package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simplifies a crisp, weighted rule set on its training rows without lowering its training
 * accuracy: redundant rules go, and conditions a rule does not need are dropped. Injected rules
 * are never touched here — what happens to them is decided by training and reported as their fate.
 */
final class RuleSetPruning {
    private RuleSetPruning() {}

    /**
     * The simplification every rule set goes through on its training rows, each step kept only when
     * the training macro-F1 does not fall: redundant rules go; thresholds are fitted to the crisp rule
     * set; conditions the rows do not need are dropped; rules that became equal merge; redundancy
     * pruning runs again; backward elimination down to {@code maxRules}. Merged injected rules stay
     * in {@code injected}.
     */
    static List<Rule> simplified(List<Rule> rules, double[] bias, double[][] rows, int[] labels, Set<Rule> injected,
                                 boolean refine, int maxRules) {
        int classes = bias.length;
        List<Rule> kept = redundancyPruned(rules, bias, rows, labels, injected);
        List<Rule> refined = refine ? ThresholdRefiner.refine(kept, bias, rows, labels, injected) : kept;
        Map<String, Rule> general = new LinkedHashMap<>();
        for (Rule r : generalized(refined, bias, rows, labels, injected)) {
            Rule prev = general.get(r.key());
            if (prev != null) {
                double[] sum = prev.weights();
                for (int c = 0; c < classes; c++) {
                    sum[c] += r.weight(c);
                }
                r = new Rule(r.literals(), r.conjunction(), sum);
                if (injected.contains(prev)) {
                    injected.add(r);
                }
            }
            general.put(r.key(), r);
        }
        kept = redundancyPruned(new ArrayList<>(general.values()), bias, rows, labels, injected);
        return capped(kept, bias, rows, labels, injected, maxRules);
    }

    /**
     * Redundant rules: weakest first, a rule is removed when the training accuracy without it is no
     * lower than with it. Injected rules are never removed here (their fate is decided by training).
     * "Accuracy" here and below is the macro-F1 of the rule set on the training rows: the measure
     * rule models are selected and compared on, which plain accuracy would bend towards the
     * majority class (and class-weighted accuracy towards the minority: on adult both lost
     * against it).
     */
    static List<Rule> redundancyPruned(List<Rule> rules, double[] bias, double[][] rows, int[] labels, Set<Rule> injected) {
        List<Rule> current = new ArrayList<>(rules);
        boolean[][] fires = firing(current, rows);
        boolean[] alive = new boolean[current.size()];
        Arrays.fill(alive, true);
        Integer[] order = new Integer[current.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(current.get(a).strength()), Math.abs(current.get(b).strength())));
        double base = macroF1Of(current, alive, fires, bias, labels);
        for (int r : order) {
            if (injected.contains(current.get(r))) {
                continue;
            }
            alive[r] = false;
            double without = macroF1Of(current, alive, fires, bias, labels);
            if (without >= base - 1e-9) {
                base = without;
            } else {
                alive[r] = true;
            }
        }
        List<Rule> out = new ArrayList<>();
        for (int r = 0; r < current.size(); r++) {
            if (alive[r]) {
                out.add(current.get(r));
            }
        }
        return out;
    }

    /**
     * Rule generalisation, as rule learners since C4.5rules have pruned conditions: for each learned
     * conjunction, each condition is dropped in turn and stays dropped when the training accuracy of
     * the whole rule set is no lower without it. Injected rules are left as they are.
     */
    static List<Rule> generalized(List<Rule> rules, double[] bias, double[][] rows, int[] labels, Set<Rule> injected) {
        List<Rule> current = new ArrayList<>(rules);
        boolean[][] fires = firing(current, rows);
        boolean[] alive = new boolean[current.size()];
        Arrays.fill(alive, true);
        double base = macroF1Of(current, alive, fires, bias, labels);
        for (int r = 0; r < current.size(); r++) {
            Rule rule = current.get(r);
            if (!rule.conjunction() || injected.contains(rule)) {
                continue;
            }
            for (int l = 0; l < rule.literals().size() && rule.literals().size() > 1; ) {
                List<Literal> fewer = new ArrayList<>(rule.literals());
                fewer.remove(l);
                Rule candidate = new Rule(fewer, true, rule.weights());
                boolean[] was = fires[r];
                boolean[] now = new boolean[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    now[i] = was[i] || candidate.fires(rows[i]); // fewer conditions: fires wherever it did
                }
                fires[r] = now;
                current.set(r, candidate);
                double without = macroF1Of(current, alive, fires, bias, labels);
                if (without >= base - 1e-9) {
                    base = without;
                    rule = candidate;
                } else {
                    fires[r] = was;
                    current.set(r, rule);
                    l++;
                }
            }
        }
        return current;
    }

    /**
     * At most {@code max} rules: while there are more, the learned rule whose removal leaves the
     * highest training macro-F1 goes (the weaker on a tie) — backward elimination, one rule at a time,
     * each candidate judged by updating only the rows where it fires. Injected rules are kept, so the
     * result can exceed {@code max} only by them.
     */
    static List<Rule> capped(List<Rule> rules, double[] bias, double[][] rows, int[] labels, Set<Rule> injected, int max) {
        List<Rule> current = new ArrayList<>(rules);
        int classes = bias.length;
        while (current.size() > max) {
            boolean[][] fires = firing(current, rows);
            double[][] score = new double[rows.length][];
            int[] pred = new int[rows.length];
            Confusion base = new Confusion(classes);
            for (int i = 0; i < rows.length; i++) {
                score[i] = bias.clone();
                for (int r = 0; r < current.size(); r++) {
                    if (fires[r][i]) {
                        Rule rule = current.get(r);
                        for (int c = 0; c < classes; c++) {
                            score[i][c] += rule.weight(c);
                        }
                    }
                }
                pred[i] = ThresholdRefiner.argmax(score[i]);
                base.add(labels[i], pred[i]);
            }
            int worst = -1;
            double bestF1 = Double.NEGATIVE_INFINITY;
            double[] s = new double[classes];
            for (int r = 0; r < current.size(); r++) {
                Rule rule = current.get(r);
                if (injected.contains(rule)) {
                    continue;
                }
                Confusion without = base.copy();
                for (int i = 0; i < rows.length; i++) {
                    if (fires[r][i]) {
                        for (int c = 0; c < classes; c++) {
                            s[c] = score[i][c] - rule.weight(c);
                        }
                        int p = ThresholdRefiner.argmax(s);
                        if (p != pred[i]) {
                            without.remove(labels[i], pred[i]);
                            without.add(labels[i], p);
                        }
                    }
                }
                double f1 = without.macroF1();
                if (worst < 0 || f1 > bestF1 + 1e-12
                        || (f1 > bestF1 - 1e-12 && Math.abs(rule.strength()) < Math.abs(current.get(worst).strength()))) {
                    worst = r;
                    bestF1 = f1;
                }
            }
            if (worst < 0) {
                break; // only injected rules are left
            }
            current.remove(worst);
        }
        return current;
    }

    /** {@code fires[r][i]}: whether rule r fires on row i. */
    static boolean[][] firing(List<Rule> rules, double[][] rows) {
        boolean[][] fires = new boolean[rules.size()][rows.length];
        for (int r = 0; r < rules.size(); r++) {
            for (int i = 0; i < rows.length; i++) {
                fires[r][i] = rules.get(r).fires(rows[i]);
            }
        }
        return fires;
    }

    /** Macro-F1 of the rule set's predictions on the rows (rules with {@code alive} false left out). */
    private static double macroF1Of(List<Rule> rules, boolean[] alive, boolean[][] fires, double[] bias, int[] labels) {
        Confusion conf = new Confusion(bias.length);
        double[] s = new double[bias.length];
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(bias, 0, s, 0, bias.length);
            for (int r = 0; r < rules.size(); r++) {
                if (alive[r] && fires[r][i]) {
                    Rule rule = rules.get(r);
                    for (int c = 0; c < s.length; c++) {
                        s[c] += rule.weight(c);
                    }
                }
            }
            conf.add(labels[i], ThresholdRefiner.argmax(s));
        }
        return conf.macroF1();
    }
}
