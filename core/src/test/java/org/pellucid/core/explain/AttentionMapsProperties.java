package org.pellucid.core.explain;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rollout, flow and gradient rollout against their definitions and a textbook max-flow. */
class AttentionMapsProperties {

    /** Random attention [layers][heads][t][t], rows softmax-distributed, some near-zero entries. */
    static double[][][][] randomAttention(int layers, int heads, int t, long seed) {
        Random r = new Random(seed);
        double[][][][] a = new double[layers][heads][t][t];
        for (double[][][] l : a) {
            for (double[][] h : l) {
                for (double[] row : h) {
                    double s = 0;
                    for (int j = 0; j < t; j++) {
                        row[j] = r.nextDouble() < 0.3 ? 0 : Math.exp(2 * r.nextGaussian());
                        s += row[j];
                    }
                    if (s == 0) {
                        row[r.nextInt(t)] = s = 1;
                    }
                    for (int j = 0; j < t; j++) {
                        row[j] /= s;
                    }
                }
            }
        }
        return a;
    }

    @Property(tries = 60)
    void everyRolloutRowIsADistribution(@ForAll @IntRange(min = 1, max = 6) int layers, @ForAll @IntRange(min = 1, max = 4) int heads,
                                        @ForAll @IntRange(min = 1, max = 12) int t, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        for (AttentionMaps.HeadFusion f : AttentionMaps.HeadFusion.values()) {
            double[][] r = AttentionMaps.rollout(randomAttention(layers, heads, t, seed), f);
            for (double[] row : r) {
                assertEquals(1.0, Arrays.stream(row).sum(), 1e-9);
                assertTrue(Arrays.stream(row).allMatch(v -> v >= 0));
            }
        }
    }

    @Property(tries = 60)
    void oneRowOfTheRolloutIsThatRowOfTheFullRollout(@ForAll @IntRange(min = 1, max = 6) int layers,
                                                      @ForAll @IntRange(min = 1, max = 12) int t, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        double[][][][] a = randomAttention(layers, 3, t, seed);
        for (AttentionMaps.HeadFusion f : AttentionMaps.HeadFusion.values()) {
            double[][] full = AttentionMaps.rollout(a, f);
            int o = (int) (seed % t);
            double[] row = AttentionMaps.rolloutRow(a, f, o);
            for (int j = 0; j < t; j++) {
                assertEquals(full[o][j], row[j], 1e-12);
            }
        }
    }

    @Property(tries = 20)
    void identityAttentionRollsOutToTheIdentity(@ForAll @IntRange(min = 1, max = 6) int layers, @ForAll @IntRange(min = 1, max = 10) int t) {
        double[][][][] a = new double[layers][2][t][t];
        for (double[][][] l : a) {
            for (double[][] h : l) {
                for (int i = 0; i < t; i++) {
                    h[i][i] = 1;
                }
            }
        }
        double[][] r = AttentionMaps.rollout(a, AttentionMaps.HeadFusion.MEAN);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                assertEquals(i == j ? 1 : 0, r[i][j], 1e-12);
            }
        }
    }

    @Property(tries = 30)
    void oneLayersRolloutIsItsResidualAdjustedAttention(@ForAll @IntRange(min = 1, max = 10) int t, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        double[][][][] a = randomAttention(1, 3, t, seed);
        double[][] r = AttentionMaps.rollout(a, AttentionMaps.HeadFusion.MEAN);
        for (int i = 0; i < t; i++) {
            double s = 0;
            for (int j = 0; j < t; j++) {
                double mean = (a[0][0][i][j] + a[0][1][i][j] + a[0][2][i][j]) / 3;
                s += 0.5 * mean + (i == j ? 0.5 : 0);
            }
            for (int j = 0; j < t; j++) {
                double mean = (a[0][0][i][j] + a[0][1][i][j] + a[0][2][i][j]) / 3;
                assertEquals((0.5 * mean + (i == j ? 0.5 : 0)) / s, r[i][j], 1e-12);
            }
        }
    }

    /** Edmonds–Karp on the full graph as an adjacency matrix: the textbook reference. */
    static double edmondsKarp(double[][][] cap, int source, int sink) {
        int layers = cap.length;
        int t = cap[0].length;
        int n = (layers + 1) * t;
        double[][] c = new double[n][n];
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    c[l * t + j][(l + 1) * t + i] = cap[l][i][j];
                }
            }
        }
        int s = source;
        int k = layers * t + sink;
        double total = 0;
        while (true) {
            int[] prev = new int[n];
            Arrays.fill(prev, -1);
            prev[s] = s;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(s);
            while (!q.isEmpty() && prev[k] < 0) {
                int u = q.poll();
                for (int v = 0; v < n; v++) {
                    if (prev[v] < 0 && c[u][v] > 1e-12) {
                        prev[v] = u;
                        q.add(v);
                    }
                }
            }
            if (prev[k] < 0) {
                return total;
            }
            double b = Double.POSITIVE_INFINITY;
            for (int v = k; v != s; v = prev[v]) {
                b = Math.min(b, c[prev[v]][v]);
            }
            for (int v = k; v != s; v = prev[v]) {
                c[prev[v]][v] -= b;
                c[v][prev[v]] += b;
            }
            total += b;
        }
    }

    @Property(tries = 200)
    void flowEqualsATextbookMaxFlow(@ForAll @IntRange(min = 1, max = 6) int layers, @ForAll @IntRange(min = 1, max = 12) int t,
                                    @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        double[][][][] a = randomAttention(layers, 2, t, seed);
        double[][][] adj = AttentionMaps.adjusted(a, AttentionMaps.HeadFusion.MEAN);
        int sink = (int) (seed % t);
        double[] flow = AttentionMaps.flow(a, AttentionMaps.HeadFusion.MEAN, sink);
        for (int s = 0; s < t; s++) {
            assertEquals(edmondsKarp(adj, s, sink), flow[s], 1e-9, "source " + s);
            double leaving = 0;
            for (int i = 0; i < t; i++) {
                leaving += adj[0][i][s];
            }
            assertTrue(flow[s] <= leaving + 1e-9, "flow is bounded by the capacity leaving the input");
            assertTrue(flow[s] <= 1 + 1e-9, "and by what the output row can take in");
        }
    }

    @Test
    void flowThatNeedsToSendFlowBackIsFound() {
        // s → a, s → b; a → c, a → d; b → c; c → out, d → out. A first search sends s → a → c → out and
        // blocks b; the second unit needs the path s → b → c ⇢ a → d → out, which cancels flow on a → c.
        double[][][] c = new double[3][2][2];
        c[0][0][0] = 1; // s → a
        c[0][1][0] = 1; // s → b
        c[1][0][0] = 1; // a → c
        c[1][1][0] = 1; // a → d
        c[1][0][1] = 1; // b → c
        c[2][0][0] = 1; // c → out
        c[2][0][1] = 1; // d → out
        AttentionMaps.LayeredFlow g = new AttentionMaps.LayeredFlow(c);
        assertEquals(2.0, g.maxFlow(0, 0), 1e-12);
        assertEquals(0.0, g.maxFlow(1, 0), 1e-12);
        assertEquals(0.0, g.maxFlow(0, 1), 1e-12);
        assertEquals(2.0, edmondsKarp(c, 0, 0), 1e-12);
    }

    @Test
    void gradientRolloutOfZeroGradientsIsTheIdentityAndOfPositiveOnesAddsPaths() {
        double[][][][] a = randomAttention(3, 2, 5, 7);
        double[][][][] zero = new double[3][2][5][5];
        double[][] r = AttentionMaps.gradRollout(a, zero);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(i == j ? 1 : 0, r[i][j], 0);
            }
        }
        double[][][][] ones = new double[3][2][5][5];
        for (double[][][] l : ones) {
            for (double[][] h : l) {
                for (double[] row : h) {
                    Arrays.fill(row, 1);
                }
            }
        }
        // with unit gradients every layer adds its mean attention: R = Π (I + Ā_l)
        double[][] expect = new double[5][5];
        for (int i = 0; i < 5; i++) {
            expect[i][i] = 1;
        }
        for (int l = 0; l < 3; l++) {
            double[][] m = AttentionMaps.fuse(a[l], AttentionMaps.HeadFusion.MEAN);
            for (int i = 0; i < 5; i++) {
                m[i][i] += 1;
            }
            expect = AttentionMaps.multiply(m, expect);
        }
        double[][] g = AttentionMaps.gradRollout(a, ones);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(expect[i][j], g[i][j], 1e-12);
            }
        }
    }
}
