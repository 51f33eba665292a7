package org.pellucid.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ProximalProperties {

    static Groups groups(int columns, int seedWidth) {
        int[][] g = new int[columns][];
        int k = 0;
        Random r = new Random(seedWidth);
        for (int c = 0; c < columns; c++) {
            g[c] = new int[1 + r.nextInt(3)];
            for (int i = 0; i < g[c].length; i++) {
                g[c][i] = k++;
            }
        }
        return new Groups(g, k);
    }

    @Property(tries = 300)
    void afterTheGroupStepAGroupIsZeroOrAboveTheThreshold(@ForAll @IntRange(min = 1, max = 8) int columns,
                                                          @ForAll @IntRange(min = 1, max = 6) int hidden,
                                                          @ForAll @DoubleRange(min = 0, max = 2) double t, @ForAll long seed) {
        Groups g = groups(columns, (int) seed);
        Random r = new Random(seed);
        float[] w = new float[hidden * g.width()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        float[] before = w.clone();
        GroupSoftThreshold.apply(w, g, t);
        for (int[] grp : g.inputs()) {
            double sq = 0;
            double sqBefore = 0;
            for (int row = 0; row < hidden; row++) {
                for (int j : grp) {
                    sq += w[row * g.width() + j] * w[row * g.width() + j];
                    sqBefore += before[row * g.width() + j] * before[row * g.width() + j];
                }
            }
            double n = Math.sqrt(sq);
            assertTrue(n == 0 || Math.sqrt(sqBefore) > t, "group kept although its norm was below the threshold");
            if (n > 0) {
                assertEquals(Math.sqrt(sqBefore) - t, n, 1e-4, "the norm shrinks by exactly t");
            }
        }
    }

    @Property(tries = 500)
    void hierProxKeepsEveryFirstLayerWeightWithinMTimesTheSkipNorm(@ForAll @IntRange(min = 1, max = 4) int outputs,
                                                                  @ForAll @IntRange(min = 1, max = 10) int hidden,
                                                                  @ForAll @DoubleRange(min = 0, max = 3) double lambda,
                                                                  @ForAll @DoubleRange(min = 0.1, max = 20) double m,
                                                                  @ForAll long seed) {
        Random r = new Random(seed);
        double[] theta = new double[outputs];
        double[] w = new double[hidden];
        for (int i = 0; i < outputs; i++) {
            theta[i] = r.nextGaussian() * 2;
        }
        for (int i = 0; i < hidden; i++) {
            w[i] = r.nextGaussian() * 3;
        }
        HierProx.apply(theta, w, lambda, m);
        double tn = 0;
        for (double t : theta) {
            tn += t * t;
        }
        tn = Math.sqrt(tn);
        for (double v : w) {
            assertTrue(Math.abs(v) <= m * tn + 1e-9, "|W| = " + Math.abs(v) + " > M‖θ‖ = " + m * tn);
        }
    }

    @Property(tries = 200)
    void hierProxIsTheIdentityWhenNothingBindsAndZeroWhenTheSkipWeightDies(@ForAll @DoubleRange(min = 0.5, max = 5) double theta) {
        double[] t = {theta};
        double[] w = {0.01, -0.02};
        HierProx.apply(t, w, 0, 10);
        assertEquals(theta, t[0], 1e-12);
        assertEquals(0.01, w[0], 1e-12);
        double[] t2 = {0.1};
        double[] w2 = {0.001};
        HierProx.apply(t2, w2, 5, 1);
        assertEquals(0, t2[0]);
        assertEquals(0, w2[0]);
    }
}
