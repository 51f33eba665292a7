package org.pellucid.neurosymbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pellucid.neurosymbolic.RuleGeneralizationProperties.macroF1;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link ToleranceSimplifier} against its definition: the loss is bounded on both tables, injected rules stay. */
class ToleranceSimplifierProperties {

    private static int conditions(List<Rule> rules) {
        return rules.stream().mapToInt(r -> r.literals().size()).sum();
    }

    private static List<Rule> randomRules(Random r, int p, int classes) {
        List<Rule> rules = new ArrayList<>();
        for (int k = 0; k < 1 + r.nextInt(6); k++) {
            List<Literal> lits = new ArrayList<>();
            Set<Integer> used = new HashSet<>();
            for (int m = 0; m < 1 + r.nextInt(p); m++) {
                int col = r.nextInt(p);
                if (used.add(col)) {
                    lits.add(new Literal(col, r.nextBoolean() ? "=" : "!=", r.nextInt(3)));
                }
            }
            double[] w = new double[classes];
            for (int c = 0; c < classes; c++) {
                w[c] = r.nextGaussian();
            }
            rules.add(new Rule(lits, true, w));
        }
        return rules;
    }

    @Property(tries = 80)
    void bothMacroF1sStayWithinTheToleranceOfTheStartAndInjectedRulesStay(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        int p = 2 + r.nextInt(4);
        int classes = 2 + r.nextInt(2);
        LabelledRows train = LabelledRows.random(r, 30 + r.nextInt(60), p, 3, classes);
        LabelledRows valid = LabelledRows.random(r, 20 + r.nextInt(40), p, 3, classes);
        List<Rule> rules = randomRules(r, p, classes);
        double[] bias = new double[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = r.nextGaussian() * 0.1;
        }
        Set<Rule> injected = new HashSet<>();
        Rule pinned = r.nextBoolean() ? rules.get(0) : null;
        if (pinned != null) {
            injected.add(pinned);
        }
        double tolerance = r.nextInt(4) * 0.02;
        double trainBefore = macroF1(rules, bias, train.rows(), train.labels());
        double validBefore = macroF1(rules, bias, valid.rows(), valid.labels());

        ToleranceSimplifier.Result s = ToleranceSimplifier.simplify(rules, bias, train.rows(), train.labels(),
                valid.rows(), valid.labels(), injected, tolerance);

        double trainAfter = macroF1(s.rules(), bias, train.rows(), train.labels());
        double validAfter = macroF1(s.rules(), bias, valid.rows(), valid.labels());
        assertTrue(trainAfter >= trainBefore - tolerance - 1e-9, "train " + trainBefore + " -> " + trainAfter);
        assertTrue(validAfter >= validBefore - tolerance - 1e-9, "valid " + validBefore + " -> " + validAfter);
        assertEquals(trainAfter, s.trainF1After(), 1e-9, "the reported F1 is the rule set's");
        assertEquals(validAfter, s.validF1After(), 1e-9);
        assertEquals(trainBefore, s.trainF1Before(), 1e-9);
        assertTrue(conditions(s.rules()) <= conditions(rules));
        assertEquals(conditions(rules) - conditions(s.rules()) >= s.conditionsRemoved(), true);
        if (pinned != null) {
            assertTrue(s.rules().stream().anyMatch(x -> x.key().equals(pinned.key())), "the injected rule is kept");
        }
        if (tolerance == 0) {
            assertTrue(trainAfter >= trainBefore - 1e-12 && validAfter >= validBefore - 1e-12);
        }
    }

    @Test
    void aToleranceOfOneRemovesEveryRuleButTheInjected() {
        Random r = new Random(3);
        LabelledRows train = LabelledRows.random(r, 60, 3, 3, 2);
        LabelledRows valid = LabelledRows.random(r, 40, 3, 3, 2);
        List<Rule> rules = randomRules(r, 3, 2);
        rules.add(new Rule(List.of(new Literal(0, "=", 1), new Literal(1, "!=", 2)), true, new double[] {-1, 1}));
        Rule pinned = rules.get(rules.size() - 1);
        ToleranceSimplifier.Result s = ToleranceSimplifier.simplify(rules, new double[] {0.1, 0}, train.rows(),
                train.labels(), valid.rows(), valid.labels(), new HashSet<>(Set.of(pinned)), 1.0);
        assertEquals(List.of(pinned), s.rules());
        assertEquals(rules.size() - 1, s.rulesRemoved());
    }

    /**
     * Class = column 0 with one row in ten flipped; the rule {@code x0 = 1 AND x1 = 0} has a noise
     * condition, and a weak rule on the other rows. At tolerance 0.05 the noise conditions go and
     * the signal stays: dropping {@code x0 = 1} or the strong rule costs far more than the tolerance.
     */
    @Test
    void theNoiseConditionGoesAndTheSignalStays() {
        Random r = new Random(11);
        double[][] train = new double[300][];
        int[] trainLabels = new int[300];
        for (int i = 0; i < train.length; i++) {
            train[i] = new double[] {r.nextInt(2), r.nextInt(3)};
            trainLabels[i] = r.nextInt(10) == 0 ? 1 - (int) train[i][0] : (int) train[i][0];
        }
        Rule noisy = new Rule(List.of(new Literal(0, "=", 1), new Literal(1, "=", 0)), true, new double[] {-1, 1});
        Rule signal = new Rule(List.of(new Literal(0, "=", 1), new Literal(1, "!=", 0)), true, new double[] {-0.2, 0.2});
        double[] bias = {0.5, -0.5};
        // the second rule is too weak to predict class 1 alone, so the start misses the x0 = 1, x1 != 0 rows
        ToleranceSimplifier.Result s = ToleranceSimplifier.simplify(List.of(noisy, signal), bias, train, trainLabels,
                train, trainLabels, new HashSet<>(), 0.05);
        assertTrue(s.rules().stream().allMatch(x -> x.literals().equals(List.of(new Literal(0, "=", 1)))),
                "only x0 = 1 is left: " + s.rules());
        assertTrue(s.trainF1After() >= s.trainF1Before(), s.trainF1Before() + " -> " + s.trainF1After());
    }
}
