package org.pellucid.neurosymbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Stages trained one after another are one rule set: the stacked network scores their sum. */
class RuleStagesProperties {

    @Property(tries = 40)
    void stackedStagesScoreTheSumOfTheStages(@ForAll @LongRange(min = 0, max = 100_000) long seed,
                                            @ForAll @IntRange(min = 1, max = 4) int stages,
                                            @ForAll @IntRange(min = 0, max = 2) int injected,
                                            @ForAll @IntRange(min = 0, max = 2) int disj) {
        Random r = new Random(seed);
        int k = 2 + r.nextInt(6);
        int free = 1 + r.nextInt(4);
        int classes = 2 + r.nextInt(2);
        List<float[]> params = new ArrayList<>();
        for (int t = 0; t < stages; t++) {
            RuleNetwork net = new RuleNetwork(k, free + (t == 0 ? injected : 0), disj, classes, null);
            float[] p = net.initialize(new Random(r.nextLong()));
            for (int i = 0; i < p.length; i++) {
                p[i] = i < k * (free + injected + disj) ? (r.nextBoolean() ? 0.9f : 0.1f) : (float) r.nextGaussian();
            }
            params.add(p);
        }
        int n = 25;
        float[] rows = new float[n * k];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = r.nextInt(2);
        }
        float[] sum = new float[n * classes];
        for (int t = 0; t < stages; t++) {
            RuleNetwork net = new RuleNetwork(k, free + (t == 0 ? injected : 0), disj, classes, null);
            float[] s = RulesFamily.crispScores(net, params.get(t), rows, n, k, classes);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += s[i];
            }
        }
        RuleNetwork big = new RuleNetwork(k, stages * free + injected, stages * disj, classes, null);
        float[] stacked = RulesFamily.crispScores(big, RulesFamily.stack(params, k, free, injected, disj, classes), rows, n, k, classes);
        for (int i = 0; i < sum.length; i++) {
            assertEquals(sum[i], stacked[i], 1e-4, "row " + i / classes + ", class " + i % classes);
        }
    }
}
