package org.pellucid.neurosymbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Averaging restarts' rule sets, capping the rule count, and the balance option. */
class RuleCombinationProperties {

    private static List<Rule> randomRules(Random r, int p, int classes, int count) {
        List<Rule> rules = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<Literal> lits = new ArrayList<>();
            int col = r.nextInt(p);
            lits.add(new Literal(col, r.nextBoolean() ? "=" : "!=", r.nextInt(2))); // few distinct rules: duplicates occur
            if (r.nextBoolean()) {
                lits.add(new Literal((col + 1) % p, "=", r.nextInt(2)));
            }
            double[] w = new double[classes];
            for (int c = 0; c < classes; c++) {
                w[c] = r.nextGaussian();
            }
            rules.add(new Rule(lits, true, w));
        }
        return rules;
    }

    @Property(tries = 100)
    void averagedRulesScoreTheMeanOfTheSets(@ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Random r = new Random(seed);
        int p = 2 + r.nextInt(3);
        int classes = 2 + r.nextInt(3);
        int sets = 2 + r.nextInt(4);
        List<List<Rule>> all = new ArrayList<>();
        for (int m = 0; m < sets; m++) {
            all.add(randomRules(r, p, classes, 1 + r.nextInt(6)));
        }
        List<Rule> avg = RestartAveraging.averaged(all, classes);
        double[] zero = new double[classes];
        for (int t = 0; t < 20; t++) {
            double[] row = new double[p];
            for (int j = 0; j < p; j++) {
                row[j] = r.nextInt(2);
            }
            double[] mean = new double[classes];
            for (List<Rule> set : all) {
                double[] s = RuleModel.scores(set, zero, row);
                for (int c = 0; c < classes; c++) {
                    mean[c] += s[c] / sets;
                }
            }
            assertArrayEquals(mean, RuleModel.scores(avg, zero, row), 1e-9);
        }
        long distinct = all.stream().flatMap(List::stream).map(x -> x.literals().toString()).distinct().count();
        assertEquals(distinct, avg.size(), "equal rules merge");
    }

    @Property(tries = 60)
    void cappedKeepsAtMostMaxRulesFromTheInputAndEveryInjectedOne(@ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Random r = new Random(seed);
        int p = 3;
        int n = 30 + r.nextInt(40);
        LabelledRows data = LabelledRows.random(r, n, p, 2, 2);
        double[][] rows = data.rows();
        int[] labels = data.labels();
        List<Rule> rules = randomRules(r, p, 2, 2 + r.nextInt(10));
        Rule injected = rules.get(0);
        int max = 1 + r.nextInt(rules.size());
        List<Rule> capped = RuleSetPruning.capped(rules, new double[] {0, 0}, rows, labels, Set.of(injected), max);
        assertTrue(capped.size() <= Math.max(max, 1), "at most max rules (the injected one counts among them)");
        assertTrue(capped.contains(injected));
        assertTrue(rules.containsAll(capped));
    }

    @Test
    void cappingDropsTheRuleTheDataNeedLeast() {
        // column 0 decides the class; the rule on column 1 is noise
        double[][] rows = {{1, 1}, {1, 0}, {0, 1}, {0, 0}};
        int[] labels = {1, 1, 0, 0};
        Rule needed = new Rule(List.of(new Literal(0, "=", 1)), true, new double[] {-1, 1});
        Rule noise = new Rule(List.of(new Literal(1, "=", 1)), true, new double[] {-2, 2});
        List<Rule> capped = RuleSetPruning.capped(List.of(needed, noise), new double[] {0.5, -0.5}, rows, labels, Set.of(), 1);
        assertEquals(List.of(needed), capped);
    }

    @Test
    void balanceIsTrueFalseOrAPowerInTheUnitInterval() {
        assertEquals(1, RulesFamily.balancePower("true"));
        assertEquals(0, RulesFamily.balancePower("false"));
        assertEquals(0.5, RulesFamily.balancePower("0.5"));
        assertThrows(IllegalArgumentException.class, () -> RulesFamily.balancePower("2"));
        assertThrows(IllegalArgumentException.class, () -> RulesFamily.balancePower("yes"));
        assertThrows(IllegalArgumentException.class, () -> RulesFamily.balancePower("NaN"));
    }
}
