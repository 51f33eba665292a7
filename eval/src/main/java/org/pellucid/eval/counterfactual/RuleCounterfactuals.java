package org.pellucid.eval.counterfactual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.RuleListForm;
import org.pellucid.core.model.Predictor;

/**
 * Exact counterfactuals of a weighted rule list (every class starts at its bias, each rule that fires
 * adds its weights, the highest score wins; a missing value satisfies no condition).
 *
 * <p>Which rules fire depends on each column only through the truth values of the conditions on
 * it, so the thresholds cut every column into cells, and inside a cell the cheapest value is the
 * row's own or the cell's edge nearest to it. The search is a depth-first branch-and-bound over the
 * columns the rules test, each taking one of its cells (its own value first, then by cost): a branch
 * is cut when its cost so far is no better than the candidates already kept, or when even the most
 * favourable firing of the rules still undecided cannot make the target class win against some
 * other class — a relaxation, so no cheaper valid change is ever cut. When the search finishes
 * within {@code nodeBudget} nodes, its cheapest answer is the cheapest change under the cost (up
 * to the one-millionth step past a strict threshold, as for trees); otherwise it is the best found
 * and not called exact.
 */
final class RuleCounterfactuals {
    static final long NODE_BUDGET = 2_000_000;

    private RuleCounterfactuals() {}

    /** One way a column can be: a value, its cost, and which conditions on the column then hold. */
    private record Option(double value, double cost, boolean[] holds) {}

    static List<Counterfactual> find(Predictor model, RuleListForm form, Instance x, int target, CounterfactualCost cost,
                                     Counterfactuals.Settings st, Dataset train) {
        return find(model, form, x, target, cost, st, train, NODE_BUDGET);
    }

    static List<Counterfactual> find(Predictor model, RuleListForm form, Instance x, int target, CounterfactualCost cost,
                                     Counterfactuals.Settings st, Dataset train, long nodeBudget) {
        Search s = new Search(form, x, target, cost, Math.max(20, 8 * st.count()), nodeBudget);
        s.run();
        List<double[]> candidates = new ArrayList<>(s.kept.stream().map(k -> k.row).toList());
        if (!s.exhausted) {
            return Counterfactuals.pick(model, x, target, cost, candidates, st.count(), true,
                    "exact: cheapest change of which rules fire (branch and bound over the rules' thresholds)");
        }
        for (Counterfactual c : Counterfactuals.search(model, x, target, cost, st, train)) {
            candidates.add(c.row().values());
        }
        return Counterfactuals.pick(model, x, target, cost, candidates, st.count(), false,
                "branch and bound stopped at " + nodeBudget + " nodes, with the search's answers");
    }

    static boolean holds(Condition c, Column col, double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        double t = col.isNumeric() ? Double.parseDouble(c.value()) : col.categoryIndex(c.value());
        return switch (c.operator()) {
            case "<=" -> v <= t;
            case "<" -> v < t;
            case ">" -> v > t;
            case ">=" -> v >= t;
            case "=" -> v == t;
            case "!=" -> v != t;
            default -> throw new IllegalArgumentException("unknown operator " + c.operator());
        };
    }

    /** The branch-and-bound state. */
    private static final class Search {
        record Kept(double cost, double[] row) {}

        final List<RuleListForm.StatedRule> rules;
        final double[] bias;
        final int target;
        final int classes;
        final double[] v;
        final int[] columns; // the columns the rules test, in search order
        final List<List<Option>> options;
        final int[][][] where; // where[c][q] = {rule, condition} of the q-th condition on columns[c]
        final int[] satisfied;
        final int[] decided;
        final double[] row;
        final int keep;
        final long budget;
        final PriorityQueue<Kept> kept = new PriorityQueue<>(Comparator.comparingDouble(Kept::cost).reversed());
        long nodes;
        boolean exhausted;

        Search(RuleListForm form, Instance x, int target, CounterfactualCost cost, int keep, long budget) {
            Schema s = x.schema();
            this.rules = form.rules();
            this.bias = form.bias();
            this.target = target;
            this.classes = bias.length;
            this.v = x.values();
            this.row = v.clone();
            this.keep = keep;
            this.budget = budget;
            Map<Integer, List<int[]>> byColumn = new HashMap<>();
            for (int r = 0; r < rules.size(); r++) {
                List<Condition> cs = rules.get(r).conditions();
                for (int q = 0; q < cs.size(); q++) {
                    int j = s.indexOf(cs.get(q).feature());
                    byColumn.computeIfAbsent(j, k -> new ArrayList<>()).add(new int[] {r, q});
                }
            }
            columns = byColumn.keySet().stream().sorted().mapToInt(Integer::intValue).toArray();
            where = new int[columns.length][][];
            options = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                where[c] = byColumn.get(columns[c]).toArray(new int[0][]);
                options.add(options(s.feature(columns[c]), columns[c], where[c], cost));
            }
            satisfied = new int[rules.size()];
            decided = new int[rules.size()];
        }

        /** The column's cells, each at its cheapest value, its own value first. */
        List<Option> options(Column col, int j, int[][] conds, CounterfactualCost cost) {
            List<Double> values = new ArrayList<>();
            values.add(v[j]);
            if (!cost.immutable(j)) {
                if (col.isNumeric()) {
                    for (int[] rq : conds) {
                        double t = Double.parseDouble(rules.get(rq[0]).conditions().get(rq[1]).value());
                        for (double u : new double[] {t, t + Counterfactuals.step(t), t - Counterfactuals.step(t)}) {
                            if (u >= cost.min(j) - 1e-12 && u <= cost.max(j) + 1e-12) {
                                values.add(u);
                            }
                        }
                    }
                } else {
                    for (int k = 0; k < col.categories().size(); k++) {
                        values.add((double) k);
                    }
                }
            }
            Map<String, Option> bySignature = new HashMap<>();
            for (double u : values) {
                boolean[] h = new boolean[conds.length];
                StringBuilder sig = new StringBuilder();
                for (int q = 0; q < conds.length; q++) {
                    h[q] = holds(rules.get(conds[q][0]).conditions().get(conds[q][1]), col, u);
                    sig.append(h[q] ? '1' : '0');
                }
                double c = cost.cost(j, v[j], u);
                Option o = new Option(u, c, h);
                bySignature.merge(sig.toString(), o, (a, b) -> b.cost() < a.cost() ? b : a);
            }
            List<Option> out = new ArrayList<>(bySignature.values());
            out.sort(Comparator.comparingDouble(Option::cost));
            return out;
        }

        void run() {
            dfs(0, 0);
        }

        private double bound() {
            return kept.size() < keep ? Double.POSITIVE_INFINITY : kept.peek().cost();
        }

        private void dfs(int c, double costSoFar) {
            if (exhausted) {
                return;
            }
            if (++nodes > budget) {
                exhausted = true;
                return;
            }
            if (costSoFar >= bound() || !canWin()) {
                return;
            }
            if (c == columns.length) {
                if (wins()) {
                    kept.add(new Kept(costSoFar, row.clone()));
                    if (kept.size() > keep) {
                        kept.poll();
                    }
                }
                return;
            }
            int j = columns[c];
            for (Option o : options.get(c)) {
                if (costSoFar + o.cost() >= bound()) {
                    break; // options are sorted by cost
                }
                row[j] = o.value();
                for (int q = 0; q < where[c].length; q++) {
                    int r = where[c][q][0];
                    decided[r]++;
                    satisfied[r] += o.holds()[q] ? 1 : 0;
                }
                dfs(c + 1, costSoFar + o.cost());
                for (int q = 0; q < where[c].length; q++) {
                    int r = where[c][q][0];
                    decided[r]--;
                    satisfied[r] -= o.holds()[q] ? 1 : 0;
                }
            }
            row[j] = v[j];
        }

        /** 1: fires, 0: does not, -1: not decided yet. */
        private int fate(int r) {
            RuleListForm.StatedRule rule = rules.get(r);
            int n = rule.conditions().size();
            if (rule.all()) {
                return satisfied[r] == n ? 1 : decided[r] > satisfied[r] ? 0 : -1;
            }
            return satisfied[r] > 0 ? 1 : decided[r] == n ? 0 : -1;
        }

        /** Whether, with the undecided rules firing as favourably as can be for each rival, the target can still win. */
        private boolean canWin() {
            for (int k = 0; k < classes; k++) {
                if (k == target) {
                    continue;
                }
                double margin = bias[target] - bias[k];
                for (int r = 0; r < rules.size(); r++) {
                    double d = rules.get(r).weights()[target] - rules.get(r).weights()[k];
                    int f = fate(r);
                    margin += f == 1 ? d : f == 0 ? 0 : Math.max(0, d);
                }
                if (margin < 0) {
                    return false;
                }
            }
            return true;
        }

        /** With every column decided: the target has the highest score (ties to the lower class index, as argmax). */
        private boolean wins() {
            double[] score = bias.clone();
            for (int r = 0; r < rules.size(); r++) {
                if (fate(r) == 1) {
                    for (int k = 0; k < classes; k++) {
                        score[k] += rules.get(r).weights()[k];
                    }
                }
            }
            for (int k = 0; k < classes; k++) {
                if (k != target && (score[k] > score[target] || (score[k] == score[target] && k < target))) {
                    return false;
                }
            }
            return true;
        }
    }
}
