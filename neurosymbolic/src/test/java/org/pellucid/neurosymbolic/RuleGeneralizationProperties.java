package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.pellucid.core.model.Scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleGeneralizationProperties {

    /** Macro-F1 of the weighted rule set on the rows, computed independently of the pruning under test. */
    static double macroF1(List<Rule> rules, double[] bias, double[][] rows, int[] labels) {
        int[] pred = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] s = RuleModel.scores(rules, bias, rows[i]);
            int best = 0;
            for (int c = 1; c < s.length; c++) {
                if (s[c] > s[best]) {
                    best = c;
                }
            }
            pred[i] = best;
        }
        double f = Scores.macroF1(labels, pred, bias.length);
        return Double.isNaN(f) ? 0 : f;
    }

    @Test
    void conditionsTheDataDoNotNeedAreDropped() {
        double[][] rows = new double[8][];
        int[] labels = new int[8];
        for (int i = 0; i < 8; i++) {
            rows[i] = new double[] {i & 1, (i >> 1) & 1, (i >> 2) & 1};
            labels[i] = i & 1; // the class is column 0
        }
        Literal a = new Literal(0, "=", 1);
        List<Rule> rules = List.of(
                new Rule(List.of(a, new Literal(1, "=", 1)), true, new double[] {-1, 1}),
                new Rule(List.of(a, new Literal(1, "=", 0), new Literal(2, "=", 1)), true, new double[] {-1, 1}),
                new Rule(List.of(a, new Literal(1, "=", 0), new Literal(2, "=", 0)), true, new double[] {-1, 1}));
        double[] bias = {0.5, -0.5};
        assertEquals(1.0, macroF1(rules, bias, rows, labels), 1e-12);
        List<Rule> g = RuleSetPruning.generalized(rules, bias, rows, labels, Set.of());
        for (Rule r : g) {
            assertEquals(List.of(a), r.literals(), "every rule needs only column 0 = 1");
        }
        assertEquals(1.0, macroF1(g, bias, rows, labels), 1e-12);
    }

    @Test
    void injectedRulesAreLeftAlone() {
        double[][] rows = {{1, 1}, {1, 0}, {0, 1}, {0, 0}};
        int[] labels = {1, 1, 0, 0};
        Rule injected = new Rule(List.of(new Literal(0, "=", 1), new Literal(1, "=", 1)), true, new double[] {-1, 1});
        Rule free = new Rule(List.of(new Literal(0, "=", 1), new Literal(1, "=", 0)), true, new double[] {-1, 1});
        List<Rule> g = RuleSetPruning.generalized(List.of(injected, free), new double[] {0.5, -0.5}, rows, labels, Set.of(injected));
        assertEquals(injected, g.get(0));
        assertEquals(List.of(new Literal(0, "=", 1)), g.get(1).literals());
    }

    @Property(tries = 60)
    void macroF1NeverFallsAndRulesOnlyLoseConditions(@ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Random r = new Random(seed);
        int n = 40 + r.nextInt(60);
        int p = 2 + r.nextInt(4);
        LabelledRows data = LabelledRows.random(r, n, p, 3, 2);
        double[][] rows = data.rows();
        int[] labels = data.labels();
        List<Rule> rules = new ArrayList<>();
        for (int k = 0; k < 1 + r.nextInt(5); k++) {
            List<Literal> lits = new ArrayList<>();
            Set<Integer> used = new HashSet<>();
            for (int m = 0; m < 1 + r.nextInt(p); m++) {
                int col = r.nextInt(p);
                if (used.add(col)) {
                    lits.add(new Literal(col, r.nextBoolean() ? "=" : "!=", r.nextInt(3)));
                }
            }
            double w = r.nextGaussian();
            rules.add(new Rule(lits, true, new double[] {-w, w}));
        }
        double[] bias = {r.nextGaussian() * 0.1, 0};
        List<Rule> g = RuleSetPruning.generalized(rules, bias, rows, labels, Set.of());
        assertTrue(macroF1(g, bias, rows, labels) >= macroF1(rules, bias, rows, labels) - 1e-12);
        assertEquals(rules.size(), g.size());
        for (int k = 0; k < rules.size(); k++) {
            assertTrue(rules.get(k).literals().containsAll(g.get(k).literals()), "conditions are only dropped");
            assertTrue(!g.get(k).literals().isEmpty());
        }
    }
}
