package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdRefinerProperties {

    @Test
    void aThresholdMovesToTheCutTheDataNeed() {
        double[][] rows = new double[100][];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            rows[i] = new double[] {i, i % 3};
            labels[i] = i > 37 ? 1 : 0;
        }
        Rule r = new Rule(List.of(new Literal(0, ">", 50)), true, new double[] {-1, 1});
        double[] bias = {0.5, -0.5};
        List<Rule> out = ThresholdRefiner.refine(List.of(r), bias, rows, labels, Set.of());
        assertEquals(List.of(new Literal(0, ">", 37)), out.get(0).literals());
        assertEquals(1.0, RuleGeneralizationProperties.macroF1(out, bias, rows, labels), 1e-12);
        assertEquals(List.of(r), ThresholdRefiner.refine(List.of(r), bias, rows, labels, Set.of(r)), "injected rules stay");
    }

    @Property(tries = 60)
    void macroF1NeverFallsAndOnlyThresholdsMove(@ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Random r = new Random(seed);
        int n = 30 + r.nextInt(80);
        int p = 2 + r.nextInt(3);
        double[][] rows = new double[n][p];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                rows[i][j] = r.nextInt(10) == 0 ? Double.NaN : Math.round(r.nextGaussian() * 100) / 10.0;
            }
            labels[i] = rows[i][0] + 0.5 * r.nextGaussian() > 0 ? 1 : 0;
        }
        List<Rule> rules = new ArrayList<>();
        for (int k = 0; k < 1 + r.nextInt(4); k++) {
            List<Literal> lits = new ArrayList<>();
            for (int m = 0; m < 1 + r.nextInt(3); m++) {
                lits.add(new Literal(r.nextInt(p), r.nextBoolean() ? ">" : "<=", Math.round(r.nextGaussian() * 10) / 10.0));
            }
            double w = r.nextGaussian();
            rules.add(new Rule(lits, true, new double[] {-w, w}));
        }
        double[] bias = {0.1 * r.nextGaussian(), 0};
        List<Rule> out = ThresholdRefiner.refine(rules, bias, rows, labels, Set.of());
        assertTrue(RuleGeneralizationProperties.macroF1(out, bias, rows, labels) >= RuleGeneralizationProperties.macroF1(rules, bias, rows, labels) - 1e-12);
        for (int k = 0; k < rules.size(); k++) {
            List<Literal> a = rules.get(k).literals();
            List<Literal> b = out.get(k).literals();
            assertEquals(a.size(), b.size());
            for (int m = 0; m < a.size(); m++) {
                assertEquals(a.get(m).column(), b.get(m).column());
                assertEquals(a.get(m).op(), b.get(m).op());
            }
        }
    }

    @Property(tries = 300)
    void theRoundestNumberLiesBetween(@ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(6) double lo, @ForAll @DoubleRange(min = 1e-6, max = 1e3) @Scale(9) double gap) {
        double hi = lo + gap;
        if (!(hi > lo)) {
            return;
        }
        double t = Numbers.roundest(lo, hi);
        assertTrue(t >= lo && t < hi, lo + " ≤ " + t + " < " + hi);
    }
}
