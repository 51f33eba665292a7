package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Simplifies a crisp, weighted rule set on its training rows without lowering its training
 * accuracy: redundant rules go, and conditions a rule does not need are dropped. Injected rules
 * are never touched here — what happens to them is decided by training and reported as their fate.
 */
final class RuleSetPruning {
    private RuleSetPruning() {}

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
        double base = correct(current, alive, fires, bias, labels);
        for (int r : order) {
            if (injected.contains(current.get(r))) {
                continue;
            }
            alive[r] = false;
            double without = correct(current, alive, fires, bias, labels);
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
        double base = correct(current, alive, fires, bias, labels);
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
                double without = correct(current, alive, fires, bias, labels);
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
    private static double correct(List<Rule> rules, boolean[] alive, boolean[][] fires, double[] bias, int[] labels) {
        Confusion conf = new Confusion(bias.length);
        double[] s = new double[bias.length];
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(bias, 0, s, 0, bias.length);
            for (int r = 0; r < rules.size(); r++) {
                if (alive[r] && fires[r][i]) {
                    double[] w = rules.get(r).weights();
                    for (int c = 0; c < s.length; c++) {
                        s[c] += w[c];
                    }
                }
            }
            conf.add(labels[i], ThresholdRefiner.argmax(s));
        }
        return conf.macroF1();
    }
}
