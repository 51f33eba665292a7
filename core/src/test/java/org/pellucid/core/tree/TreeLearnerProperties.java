package org.pellucid.core.tree;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.data.Numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeLearnerProperties {

    @Property(tries = 500)
    void thresholdsSeparateNeighboursWithFewDigits(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
                                                   @ForAll @IntRange(min = 1, max = 999) int mantissa,
                                                   @ForAll @IntRange(min = -9, max = 4) int exponent) {
        double b = a + mantissa * Math.pow(10, exponent);
        if (!(a < b)) {
            return;
        }
        double t = Numbers.roundest(a, b);
        assertTrue(a <= t && t < b, a + " <= " + t + " < " + b);
        // the printed threshold parses back to the same double
        assertEquals(t, Double.parseDouble(BigDecimal.valueOf(t).toPlainString()));
    }

    private static double[][] onehot(int[] y, int k) {
        double[][] s = new double[y.length][k];
        for (int i = 0; i < y.length; i++) {
            s[i][y[i]] = 1;
        }
        return s;
    }

    @Property(tries = 60)
    void moreLeavesNeverLowerTrainingAccuracyAndTheBudgetHolds(@ForAll @IntRange(min = 20, max = 300) int n,
                                                              @ForAll @IntRange(min = 1, max = 30) int leaves,
                                                              @ForAll long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian(), r.nextInt(5), r.nextDouble()};
            y[i] = (x[i][0] > 0.3) ^ (x[i][1] >= 3) ? 1 : 0;
            if (r.nextDouble() < 0.1) {
                y[i] = 1 - y[i];
            }
        }
        SplitCriterion g = new SplitCriterion.Gini(2);
        DecisionTree small = TreeLearner.fit(x, onehot(y, 2), g, TreeLearner.Options.leaves(leaves), new Random(1));
        DecisionTree big = TreeLearner.fit(x, onehot(y, 2), g, TreeLearner.Options.leaves(leaves + 5), new Random(1));
        assertTrue(small.leaves() <= leaves);
        assertTrue(accuracy(big, x, y) >= accuracy(small, x, y) - 1e-12, "more budget lowered training accuracy");
    }

    static double accuracy(DecisionTree t, double[][] x, int[] y) {
        int ok = 0;
        for (int i = 0; i < x.length; i++) {
            double[] p = t.predict(x[i]);
            if ((p[1] > p[0] ? 1 : 0) == y[i]) {
                ok++;
            }
        }
        return (double) ok / x.length;
    }

    @Property(tries = 40)
    void theAugmenterOnlyFillsShortNodesAndItsRowsLieInTheirRegion(@ForAll @IntRange(min = 10, max = 80) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextDouble() * 10, r.nextDouble()};
            y[i] = x[i][0] + 5 * x[i][1] > 6 ? 1 : 0;
        }
        List<Region> asked = new ArrayList<>();
        TreeLearner.Augmenter aug = new TreeLearner.Augmenter() {
            @Override
            public int minSamples() {
                return 40;
            }

            @Override
            public List<double[]> sample(Region region, int count, Random rnd) {
                asked.add(region);
                List<double[]> out = new ArrayList<>();
                while (out.size() < count) {
                    double[] p = {rnd.nextDouble() * 10, rnd.nextDouble()};
                    if (region.contains(p)) {
                        out.add(p);
                    }
                    if (out.isEmpty() && rnd.nextInt(100000) == 0) {
                        break;
                    }
                }
                return out;
            }

            @Override
            public double[] stats(double[] row) {
                return row[0] + 5 * row[1] > 6 ? new double[] {0, 1} : new double[] {1, 0};
            }
        };
        TreeLearner.Result res = TreeLearner.fit(x, onehot(y, 2), new SplitCriterion.Gini(2), TreeLearner.Options.leaves(12),
                new Random(seed), aug);
        assertTrue(res.augmentedRows() > 0 || n >= 40);
        assertTrue(res.tree().leaves() <= 12);
    }
}
