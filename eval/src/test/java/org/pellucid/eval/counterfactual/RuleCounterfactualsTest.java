package org.pellucid.eval.counterfactual;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.RuleListForm;
import org.pellucid.core.explain.StatedForm;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Simulatable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule list's exact counterfactual against brute force: every combination of values on a fine
 * grid of each column (plus each threshold and the steps either side of it), the cheapest that the
 * rule list gives the target class.
 */
class RuleCounterfactualsTest {
    static final Schema SCHEMA = new Schema(List.of(Column.numeric("a"), Column.numeric("b"),
            Column.categorical("c", List.of("x", "y", "z"))), Column.categorical("k", List.of("p", "q", "r")), List.of());

    /** A rule list run by code of the test's own: AND rules, a missing value satisfies nothing, argmax of the sums. */
    record Rules(RuleListForm form) implements Predictor, Simulatable {
        @Override
        public Schema schema() {
            return SCHEMA;
        }

        int classOf(double[] v) {
            double[] s = form.bias().clone();
            for (RuleListForm.StatedRule r : form.rules()) {
                boolean fires = true;
                for (Condition c : r.conditions()) {
                    int j = SCHEMA.indexOf(c.feature());
                    double t = SCHEMA.feature(j).isNumeric() ? Double.parseDouble(c.value()) : SCHEMA.feature(j).categoryIndex(c.value());
                    double u = v[j];
                    boolean h = !Double.isNaN(u) && switch (c.operator()) {
                        case "<=" -> u <= t;
                        case ">" -> u > t;
                        case "=" -> u == t;
                        default -> u != t;
                    };
                    fires &= h;
                }
                if (fires) {
                    for (int k = 0; k < s.length; k++) {
                        s[k] += r.weights()[k];
                    }
                }
            }
            int best = 0;
            for (int k = 1; k < s.length; k++) {
                if (s[k] > s[best]) {
                    best = k;
                }
            }
            return best;
        }

        @Override
        public Prediction predict(Instance x) {
            double[] p = new double[3];
            p[classOf(x.values())] = 1;
            return Prediction.ofProbabilities(p, SCHEMA.classes());
        }

        @Override
        public Predictor asExecutable() {
            return this;
        }

        @Override
        public Optional<StatedForm> statedForm() {
            return Optional.of(form);
        }
    }

    static Dataset train(Random r) {
        double[][] x = new double[60][];
        int[] y = new int[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {Math.round(r.nextDouble() * 100) / 10.0, Math.round(r.nextGaussian() * 30) / 10.0, r.nextInt(3)};
            y[i] = r.nextInt(3);
        }
        return Dataset.builder(SCHEMA).name("t").features(x).labels(y).build();
    }

    static RuleListForm randomRules(Random r) {
        List<RuleListForm.StatedRule> rules = new ArrayList<>();
        for (int q = 0; q < 1 + r.nextInt(4); q++) {
            List<Condition> cs = new ArrayList<>();
            for (int m = 0; m < 1 + r.nextInt(2); m++) {
                int j = r.nextInt(3);
                if (j == 2) {
                    cs.add(new Condition("c", r.nextBoolean() ? "=" : "!=", List.of("x", "y", "z").get(r.nextInt(3))));
                } else {
                    double t = j == 0 ? Math.round(r.nextDouble() * 100) / 10.0 : Math.round(r.nextGaussian() * 30) / 10.0;
                    cs.add(new Condition(j == 0 ? "a" : "b", r.nextBoolean() ? "<=" : ">", Double.toString(t)));
                }
            }
            double[] w = {r.nextGaussian() * 2, r.nextGaussian() * 2, r.nextGaussian() * 2};
            rules.add(new RuleListForm.StatedRule(cs, true, "p", w));
        }
        return new RuleListForm(rules, new double[] {r.nextGaussian() * 0.5, r.nextGaussian() * 0.5, r.nextGaussian() * 0.5},
                SCHEMA.classes(), StatedForm.Missing.NO_CONDITION_HOLDS);
    }

    /** Each column's values to try: its own, a grid over the training range, and every threshold with its steps. */
    static double[][] grid(RuleListForm form, double[] v, CounterfactualCost cost, Set<Integer> frozen) {
        double[][] g = new double[3][];
        for (int j = 0; j < 3; j++) {
            List<Double> vals = new ArrayList<>(List.of(v[j]));
            if (!frozen.contains(j)) {
                if (j == 2) {
                    vals.addAll(List.of(0.0, 1.0, 2.0));
                } else {
                    for (int s = 0; s <= 200; s++) {
                        vals.add(cost.min(j) + (cost.max(j) - cost.min(j)) * s / 200);
                    }
                    for (RuleListForm.StatedRule r : form.rules()) {
                        for (Condition c : r.conditions()) {
                            if (c.feature().equals(SCHEMA.feature(j).name())) {
                                double t = Double.parseDouble(c.value());
                                for (double u : new double[] {t, t + Counterfactuals.step(t), t - Counterfactuals.step(t)}) {
                                    if (u >= cost.min(j) && u <= cost.max(j)) {
                                        vals.add(u);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            g[j] = vals.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return g;
    }

    /** What moving each numeric column one search step (at its largest threshold) costs, summed, plus rounding. */
    static double stepCost(RuleListForm form, double[] v, CounterfactualCost cost) {
        double tol = 1e-9;
        for (int j = 0; j < 2; j++) {
            double t = 0;
            for (RuleListForm.StatedRule r : form.rules()) {
                for (Condition c : r.conditions()) {
                    if (c.feature().equals(SCHEMA.feature(j).name())) {
                        t = Math.max(t, Math.abs(Double.parseDouble(c.value())));
                    }
                }
            }
            double[] w = v.clone();
            w[j] += Counterfactuals.step(t);
            tol += cost.cost(v, w);
        }
        return tol;
    }

    /** The case a run found: b must rise past 3.3 and the grid had a point one rounding error above it. */
    @Example
    void aGridPointARoundingErrorPastAThresholdCountsAsTheSameAnswer() {
        theExactAnswerIsTheBruteForceCheapestAndRespectsImmutableColumns(5467);
    }

    @Property(tries = 60)
    void theExactAnswerIsTheBruteForceCheapestAndRespectsImmutableColumns(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        Dataset train = train(r);
        Rules model = new Rules(randomRules(r));
        double[] v = train.rowValues(r.nextInt(train.size()));
        Instance x = new Instance(SCHEMA, v);
        int target = (model.classOf(v) + 1 + r.nextInt(2)) % 3;
        Set<Integer> frozen = r.nextInt(3) == 0 ? Set.of(r.nextInt(3)) : Set.of();
        CounterfactualCost cost = new CounterfactualCost(train,
                frozen.stream().map(j -> SCHEMA.feature(j).name()).collect(Collectors.toSet()));
        double[][] g = grid(model.form(), v, cost, frozen);
        double brute = Double.POSITIVE_INFINITY;
        double[] u = new double[3];
        for (double a : g[0]) {
            for (double b : g[1]) {
                for (double c : g[2]) {
                    u[0] = a;
                    u[1] = b;
                    u[2] = c;
                    if (model.classOf(u) == target) {
                        brute = Math.min(brute, cost.cost(v, u));
                    }
                }
            }
        }
        List<Counterfactual> found = Counterfactuals.find(model, x, target, cost, Counterfactuals.Settings.defaults(1), train);
        if (Double.isInfinite(brute)) {
            assertTrue(found.isEmpty() || !found.get(0).exact(), "nothing on the grid is valid, so nothing exact: " + found);
            return;
        }
        assertFalse(found.isEmpty(), "brute force finds one at " + brute);
        Counterfactual best = found.get(0);
        assertTrue(best.exact(), best.method());
        // a strict bound is crossed one step past its threshold (Counterfactuals.step), by the search's contract,
        // while the grid's own rounding can put a point an ulp past it (3.3000000000000007 past 3.3): the two
        // may differ by at most one step's cost per numeric column, far below what a wrong relaxation costs
        assertEquals(brute, best.cost(), stepCost(model.form(), v, cost), best.toText());
        for (Counterfactual c : found) {
            assertEquals(target, model.classOf(c.row().values()), "valid: " + c.toText());
            for (int j : frozen) {
                assertEquals(v[j], c.row().values()[j], 0.0, "immutable " + SCHEMA.feature(j).name());
            }
        }
    }

    @Property(tries = 20)
    void aSearchCutShortIsNotCalledExactAndStaysValid(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        Dataset train = train(r);
        Rules model = new Rules(randomRules(r));
        double[] v = train.rowValues(r.nextInt(train.size()));
        int target = (model.classOf(v) + 1) % 3;
        CounterfactualCost cost = new CounterfactualCost(train, Set.of());
        List<Counterfactual> found = RuleCounterfactuals.find(model, model.form(), new Instance(SCHEMA, v), target, cost,
                Counterfactuals.Settings.defaults(1), train, 2);
        for (Counterfactual c : found) {
            assertFalse(c.exact(), "two nodes prove nothing: " + c.method());
            assertEquals(target, model.classOf(c.row().values()));
        }
    }
}
