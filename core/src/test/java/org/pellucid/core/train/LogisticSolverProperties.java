package org.pellucid.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The solver reaches the minimum of the objective it states, for two classes and for more. */
class LogisticSolverProperties {

    private static double objective(double[][] x, int[] y, int k, double c, double[][] w, double[] b) {
        int n = x.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            if (k == 2) {
                double z = b[0];
                for (int j = 0; j < x[i].length; j++) {
                    z += w[0][j] * x[i][j];
                }
                loss += y[i] == 1 ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            } else {
                double[] z = new double[k];
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < k; r++) {
                    z[r] = b[r];
                    for (int j = 0; j < x[i].length; j++) {
                        z[r] += w[r][j] * x[i][j];
                    }
                    max = Math.max(max, z[r]);
                }
                double s = 0;
                for (double v : z) {
                    s += Math.exp(v - max);
                }
                loss += -(z[y[i]] - max - Math.log(s));
            }
        }
        double reg = 0;
        for (double[] row : w) {
            for (double v : row) {
                reg += v * v;
            }
        }
        return loss / n + reg / (2 * c * n);
    }

    @Property(tries = 40)
    void noNearbyPointIsLower(@ForAll @IntRange(min = 2, max = 4) int k, @ForAll @LongRange(min = 0, max = 1000) long seed,
                              @ForAll @IntRange(min = -3, max = 3) int logC) {
        Random r = new Random(seed);
        int n = 60 + r.nextInt(60);
        int w = 1 + r.nextInt(5);
        double[][] x = new double[n][w];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = i < k ? i : r.nextInt(k); // every class present
        }
        double c = Math.pow(10, logC);
        LogisticSolver.Fit f = LogisticSolver.fit(x, y, k, c, 2000, 1e-9, null);
        assertTrue(f.converged(), "converged in " + f.iterations());
        double best = objective(x, y, k, c, f.weights(), f.intercepts());
        assertEquals(f.objective(), best, 1e-9, "the objective it reports is the one it minimises");
        for (int t = 0; t < 20; t++) {
            double[][] pw = new double[f.weights().length][];
            for (int q = 0; q < pw.length; q++) {
                pw[q] = f.weights()[q].clone();
                for (int j = 0; j < w; j++) {
                    pw[q][j] += 1e-3 * r.nextGaussian();
                }
            }
            double[] pb = f.intercepts().clone();
            pb[0] += 1e-3 * r.nextGaussian();
            assertTrue(objective(x, y, k, c, pw, pb) >= best - 1e-12, "a nearby point is lower: not a minimum");
        }
    }

    @Example
    void aWarmStartReachesTheSameMinimum() {
        Random r = new Random(5);
        double[][] x = new double[200][3];
        int[] y = new int[200];
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = x[i][0] + 0.5 * r.nextGaussian() > 0 ? 1 : 0;
        }
        LogisticSolver.Fit cold = LogisticSolver.fit(x, y, 2, 1.0, 2000, 1e-10, null);
        LogisticSolver.Fit warm = LogisticSolver.fit(x, y, 2, 1.0, 2000, 1e-10, LogisticSolver.fit(x, y, 2, 0.01, 2000, 1e-10, null));
        assertArrayEquals(cold.weights()[0], warm.weights()[0], 1e-5);
        assertTrue(cold.weights()[0][0] > 1, "the informative column gets the weight: " + cold.weights()[0][0]);
    }
}
