package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.pellucid.core.data.Numbers;

/**
 * Learns the numeric thresholds of crisp rules. The rule layer trains on literals whose thresholds
 * are quantiles of the training data; once the rules are crisp, each threshold literal
 * ({@code x > t}, {@code x <= t}) of a learned conjunction is moved, one at a time, to the cut
 * between two neighbouring training values that makes the whole weighted rule set most accurate on
 * the training rows — macro-F1, the measure rule models are compared on — with every other rule
 * and weight as it is. For one literal this is exact and
 * costs a sort: the rows on which the rest of its rule holds are the only ones whose prediction can
 * change, and a sweep over their sorted values updates the confusion counts one row per cut. A
 * threshold moves only when the score strictly rises, to the roundest number between the two
 * values, so printed rules keep short numbers. The same idea — fit a rule's conditions to the data
 * after the rule is found — is how RIPPER (Cohen, ICML 1995) refines rules; the rule layer itself
 * follows RRL (Wang et al., NeurIPS 2021), whose binarisation layer has its bounds trained too.
 */
final class ThresholdRefiner {
    private ThresholdRefiner() {}

    /** The rules with refined thresholds, same order; injected rules and disjunctions are left as they are. */
    static List<Rule> refine(List<Rule> rules, double[] bias, double[][] rows, int[] labels, Set<Rule> injected) {
        int n = rows.length;
        List<Rule> current = new ArrayList<>(rules);
        boolean[][] fires = RuleSetPruning.firing(current, rows);
        double[][] score = scores(current, fires, bias, n);
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            pred[i] = argmax(score[i]);
        }
        for (int r = 0; r < current.size(); r++) {
            Rule rule = current.get(r);
            if (!rule.conjunction() || injected.contains(rule)) {
                continue;
            }
            double[] w = rule.weights();
            for (int l = 0; l < rule.literals().size(); l++) {
                Literal lit = rule.literals().get(l);
                boolean above = lit.op().equals(">");
                if (!above && !lit.op().equals("<=")) {
                    continue;
                }
                List<Literal> others = new ArrayList<>(rule.literals());
                others.remove(l);
                // rows where the rest of the rule holds and the column has a value: only their prediction can change
                int[] cand = new int[n];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(rows[i][lit.column()]) && holdsAll(others, rows[i])) {
                        cand[m++] = i;
                    }
                }
                if (m < 2) {
                    continue;
                }
                Integer[] order = new Integer[m];
                for (int a = 0; a < m; a++) {
                    order[a] = cand[a];
                }
                int col = lit.column();
                Arrays.sort(order, (a, b) -> Double.compare(rows[a][col], rows[b][col]));
                int bestCut = bestCut(order, col, above, w, fires[r], score, pred, rows, labels);
                if (bestCut < 0) {
                    continue;
                }
                double t = Numbers.roundest(rows[order[bestCut]][col], rows[order[bestCut + 1]][col]);
                List<Literal> lits = new ArrayList<>(rule.literals());
                lits.set(l, new Literal(col, lit.op(), t));
                Rule moved = new Rule(lits, true, w);
                move(moved, w, fires[r], score, pred, rows);
                rule = moved;
                current.set(r, moved);
            }
        }
        return current;
    }

    /** Every row's class scores: the bias plus the weights of the rules that fire on it. */
    private static double[][] scores(List<Rule> rules, boolean[][] fires, double[] bias, int n) {
        double[][] score = new double[n][];
        for (int i = 0; i < n; i++) {
            score[i] = bias.clone();
        }
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            for (int i = 0; i < n; i++) {
                if (fires[r][i]) {
                    for (int c = 0; c < bias.length; c++) {
                        score[i][c] += rule.weight(c);
                    }
                }
            }
        }
        return score;
    }

    /**
     * The best place for one threshold: the position in {@code order} (candidate rows sorted by the
     * column) after which the cut gives the highest macro-F1 over all rows, or -1 when no cut beats the
     * current one. The cut starts below every candidate (all fire for {@code x > t}, none for
     * {@code x <= t}) and rises one row at a time, that row changing sides.
     */
    private static int bestCut(Integer[] order, int col, boolean above, double[] w, boolean[] fires, double[][] score, int[] pred,
                               double[][] rows, int[] labels) {
        int m = order.length;
        int k = w.length;
        double[] s = new double[k];
        // each candidate row's prediction when the rule does not fire (p0) and when it does (p1)
        int[] p0 = new int[m];
        int[] p1 = new int[m];
        for (int a = 0; a < m; a++) {
            int i = order[a];
            for (int c = 0; c < k; c++) {
                s[c] = score[i][c] - (fires[i] ? w[c] : 0);
            }
            p0[a] = argmax(s);
            for (int c = 0; c < k; c++) {
                s[c] += w[c];
            }
            p1[a] = argmax(s);
        }
        Confusion conf = new Confusion(k);
        for (int i = 0; i < labels.length; i++) {
            conf.add(labels[i], pred[i]);
        }
        double best = conf.macroF1();
        for (int a = 0; a < m; a++) {
            int i = order[a];
            conf.remove(labels[i], pred[i]);
            conf.add(labels[i], above ? p1[a] : p0[a]);
        }
        int bestCut = -1;
        for (int a = 0; a < m - 1; a++) {
            int i = order[a];
            conf.remove(labels[i], above ? p1[a] : p0[a]);
            conf.add(labels[i], above ? p0[a] : p1[a]);
            if (rows[order[a]][col] == rows[order[a + 1]][col]) {
                continue;
            }
            double f = conf.macroF1();
            if (f > best + 1e-12) {
                best = f;
                bestCut = a;
            }
        }
        return bestCut;
    }

    /** Updates the rows' firing, scores and predictions for a rule that now reads {@code moved}. */
    private static void move(Rule moved, double[] w, boolean[] fires, double[][] score, int[] pred, double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            boolean f = moved.fires(rows[i]);
            if (f != fires[i]) {
                for (int c = 0; c < w.length; c++) {
                    score[i][c] += f ? w[c] : -w[c];
                }
                fires[i] = f;
                pred[i] = argmax(score[i]);
            }
        }
    }

    private static boolean holdsAll(List<Literal> lits, double[] row) {
        for (Literal l : lits) {
            if (!l.holds(row)) {
                return false;
            }
        }
        return true;
    }

    static int argmax(double[] s) {
        int b = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] > s[b]) {
                b = c;
            }
        }
        return b;
    }
}
