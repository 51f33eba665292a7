package org.pellucid.attention;

import java.util.Arrays;

/**
 * Maps from a transformer's attention to its input tokens, computed from attention weights laid out
 * as {@code [layer][head][query][key]}, each row a probability distribution.
 *
 * <ul>
 *   <li><b>Rollout</b> (Abnar &amp; Zuidema, "Quantifying Attention Flow in Transformers", ACL 2020):
 *       heads fused (mean, or max), the residual connection added as {@code Â = (A + I) / 2} and the
 *       rows re-normalised, then {@code R = Â_L · … · Â_1}; {@code R[q][k]} is how much of token
 *       k's input reaches token q's output along all paths.</li>
 *   <li><b>Flow</b> (same paper): the layered graph with one node per token per layer and an edge of
 *       capacity {@code Â_l[i][j]} from token j at layer l − 1 to token i at layer l; the value of
 *       token k is the maximum flow from k at the input layer to the output token at the last layer.
 *       Computed exactly with Dinic's algorithm written for this graph: dense per-layer capacity
 *       matrices, BFS levels over the layers, blocking flows by depth-first search with current-arc
 *       pointers, buffers reused across the input tokens — not a general graph max-flow per pair.</li>
 *   <li><b>Gradient-weighted rollout</b> (Chefer, Gur &amp; Wolf, "Generic Attention-model
 *       Explainability", ICCV 2021): {@code Ā_l = mean_h (∇A_l ⊙ A_l)⁺} for the predicted class,
 *       {@code R ← R + Ā_l R} from the first layer to the last, starting from the identity.</li>
 * </ul>
 */
public final class AttentionMaps {
    public enum HeadFusion { MEAN, MAX }

    private AttentionMaps() {}

    /** One layer's heads fused into one matrix. */
    public static double[][] fuse(double[][][] heads, HeadFusion f) {
        int t = heads[0].length;
        double[][] a = new double[t][t];
        for (double[][] h : heads) {
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    a[i][j] = f == HeadFusion.MEAN ? a[i][j] + h[i][j] / heads.length : Math.max(a[i][j], h[i][j]);
                }
            }
        }
        return a;
    }

    /** Residual-adjusted, head-fused attention of every layer: (A + I) / 2, rows re-normalised. */
    public static double[][][] adjusted(double[][][][] layers, HeadFusion f) {
        int t = layers[0][0].length;
        double[][][] out = new double[layers.length][t][t];
        for (int l = 0; l < layers.length; l++) {
            double[] a = flatAdjusted(layers[l], f, t);
            for (int i = 0; i < t; i++) {
                System.arraycopy(a, i * t, out[l][i], 0, t);
            }
        }
        return out;
    }

    public static double[][] rollout(double[][][][] layers, HeadFusion f) {
        int t = layers[0][0].length;
        double[] r = flatAdjusted(layers[0], f, t);
        double[] next = new double[t * t];
        double[] a = new double[t * t];
        for (int l = 1; l < layers.length; l++) {
            fillAdjusted(layers[l], f, t, a);
            java.util.Arrays.fill(next, 0);
            for (int i = 0; i < t; i++) {
                int ri = i * t;
                for (int p = 0; p < t; p++) {
                    double v = a[ri + p];
                    int rp = p * t;
                    for (int j = 0; j < t; j++) {
                        next[ri + j] += v * r[rp + j];
                    }
                }
            }
            double[] swap = r;
            r = next;
            next = swap;
        }
        double[][] out = new double[t][t];
        for (int i = 0; i < t; i++) {
            System.arraycopy(r, i * t, out[i], 0, t);
        }
        return out;
    }

    /**
     * One row of the rollout — what reaches token {@code output} at the top — as a chain of
     * vector-matrix products from the last layer down: {@code e_o · Â_L · … · Â_1}, t² work per layer
     * instead of t³.
     */
    public static double[] rolloutRow(double[][][][] layers, HeadFusion f, int output) {
        int t = layers[0][0].length;
        double[] v = new double[t];
        v[output] = 1;
        double[] a = new double[t * t];
        double[] next = new double[t];
        for (int l = layers.length - 1; l >= 0; l--) {
            fillAdjusted(layers[l], f, t, a);
            java.util.Arrays.fill(next, 0);
            for (int i = 0; i < t; i++) {
                double vi = v[i];
                if (vi == 0) {
                    continue;
                }
                int ri = i * t;
                for (int j = 0; j < t; j++) {
                    next[j] += vi * a[ri + j];
                }
            }
            double[] swap = v;
            v = next;
            next = swap;
        }
        return v;
    }

    private static double[] flatAdjusted(double[][][] heads, HeadFusion f, int t) {
        double[] a = new double[t * t];
        fillAdjusted(heads, f, t, a);
        return a;
    }

    /** Head-fused, residual-adjusted attention of one layer into a flat row-major buffer. */
    private static void fillAdjusted(double[][][] heads, HeadFusion f, int t, double[] a) {
        if (f == HeadFusion.MEAN) {
            java.util.Arrays.fill(a, 0);
            double inv = 0.5 / heads.length; // the mean, already halved for (A + I) / 2
            for (double[][] h : heads) {
                for (int i = 0; i < t; i++) {
                    double[] hi = h[i];
                    int ri = i * t;
                    for (int j = 0; j < t; j++) {
                        a[ri + j] += hi[j] * inv;
                    }
                }
            }
        } else {
            java.util.Arrays.fill(a, Double.NEGATIVE_INFINITY);
            for (double[][] h : heads) {
                for (int i = 0; i < t; i++) {
                    double[] hi = h[i];
                    int ri = i * t;
                    for (int j = 0; j < t; j++) {
                        a[ri + j] = Math.max(a[ri + j], hi[j]);
                    }
                }
            }
            for (int k = 0; k < a.length; k++) {
                a[k] *= 0.5;
            }
        }
        for (int i = 0; i < t; i++) {
            int ri = i * t;
            a[ri + i] += 0.5;
            double sum = 0;
            for (int j = 0; j < t; j++) {
                sum += a[ri + j];
            }
            double norm = sum > 0 ? 1 / sum : 0;
            for (int j = 0; j < t; j++) {
                a[ri + j] *= norm;
            }
        }
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int p = 0; p < k; p++) {
                double v = a[i][p];
                if (v == 0) {
                    continue;
                }
                double[] bp = b[p];
                for (int j = 0; j < m; j++) {
                    ci[j] += v * bp[j];
                }
            }
        }
        return c;
    }

    /** Attention flow from every input token to {@code output} at the last layer. */
    public static double[] flow(double[][][][] layers, HeadFusion f, int output) {
        return new LayeredFlow(adjusted(layers, f)).allSources(output);
    }

    /**
     * Gradient-weighted rollout from attention and the gradient of the explained output with respect
     * to it, both [layer][head][query][key].
     */
    public static double[][] gradRollout(double[][][][] attention, double[][][][] gradients) {
        int t = attention[0][0].length;
        double[][] r = new double[t][t];
        for (int i = 0; i < t; i++) {
            r[i][i] = 1;
        }
        for (int l = 0; l < attention.length; l++) {
            int heads = attention[l].length;
            double[][] a = new double[t][t];
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < t; j++) {
                        a[i][j] += Math.max(0, gradients[l][h][i][j] * attention[l][h][i][j]) / heads;
                    }
                }
            }
            double[][] ar = multiply(a, r);
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    r[i][j] += ar[i][j];
                }
            }
        }
        return r;
    }

    /**
     * The full flow matrix: {@code F[o][k]} is the maximum flow from input token k to token o at the
     * last layer — what the reference implementation computes, one max-flow per token pair. The
     * output tokens are spread over the available cores.
     */
    public static double[][] flowMatrix(double[][][][] layers, HeadFusion f) {
        double[][][] adj = adjusted(layers, f);
        int t = adj[0].length;
        double[][] out = new double[t][];
        java.util.stream.IntStream.range(0, t).parallel().forEach(o -> out[o] = new LayeredFlow(adj).allSources(o));
        return out;
    }

    /**
     * Max-flow on the layered attention graph. Nodes are (layer, token), layers 0..L; capacity
     * {@code cap[l][i·t + j]} on the edge (l, j) → (l + 1, i). Only the source among the input
     * tokens and only the sink among the last layer's tokens can carry flow, so the others are
     * never visited.
     */
    static final class LayeredFlow {
        private static final double EPS = 1e-12;
        private final double[][] cap;
        private final double[][] flow;
        private final int layers;
        private final int t;
        private final int[] level;
        private final int[] arc;
        private final int[] queue;
        private int source;
        private int sink;

        LayeredFlow(double[][][] c) {
            this.layers = c.length;
            this.t = c[0].length;
            this.cap = new double[layers][t * t];
            for (int l = 0; l < layers; l++) {
                for (int i = 0; i < t; i++) {
                    System.arraycopy(c[l][i], 0, cap[l], i * t, t);
                }
            }
            this.flow = new double[layers][t * t];
            this.level = new int[(layers + 1) * t];
            this.arc = new int[(layers + 1) * t];
            this.queue = new int[(layers + 1) * t];
        }

        double[] allSources(int sinkToken) {
            double[] out = new double[t];
            for (int s = 0; s < t; s++) {
                out[s] = maxFlow(s, sinkToken);
            }
            return out;
        }

        private boolean usable(int l, int v) {
            return (l > 0 || v == source) && (l < layers || v == sink);
        }

        double maxFlow(int src, int snk) {
            this.source = src;
            this.sink = snk;
            for (double[] f : flow) {
                Arrays.fill(f, 0);
            }
            double total = 0;
            while (bfs()) {
                Arrays.fill(arc, 0);
                double pushed;
                while ((pushed = dfs(0, source, Double.POSITIVE_INFINITY)) > EPS) {
                    total += pushed;
                }
            }
            return total;
        }

        private boolean bfs() {
            Arrays.fill(level, -1);
            int head = 0;
            int tail = 0;
            level[source] = 0;
            queue[tail++] = source;
            while (head < tail) {
                int node = queue[head++];
                int l = node / t;
                int u = node % t;
                int next = level[node] + 1;
                if (l < layers) {
                    double[] c = cap[l];
                    double[] f = flow[l];
                    int base = (l + 1) * t;
                    for (int v = 0; v < t; v++) {
                        if (level[base + v] < 0 && c[v * t + u] - f[v * t + u] > EPS && usable(l + 1, v)) {
                            level[base + v] = next;
                            queue[tail++] = base + v;
                        }
                    }
                }
                if (l > 0) {
                    double[] f = flow[l - 1];
                    int base = (l - 1) * t;
                    for (int v = 0; v < t; v++) {
                        if (level[base + v] < 0 && f[u * t + v] > EPS && usable(l - 1, v)) {
                            level[base + v] = next;
                            queue[tail++] = base + v;
                        }
                    }
                }
            }
            return level[layers * t + sink] >= 0;
        }

        /** Arcs of (l, u) are numbered 0..2t−1: forward to token a for a &lt; t, backward to a − t. */
        private double dfs(int l, int u, double limit) {
            if (l == layers) {
                return u == sink ? limit : 0;
            }
            int node = l * t + u;
            int want = level[node] + 1;
            for (; arc[node] < 2 * t; arc[node]++) {
                int a = arc[node];
                if (a < t) {
                    int v = a;
                    if (level[(l + 1) * t + v] != want) {
                        continue;
                    }
                    double r = cap[l][v * t + u] - flow[l][v * t + u];
                    if (r <= EPS) {
                        continue;
                    }
                    double got = dfs(l + 1, v, Math.min(limit, r));
                    if (got > EPS) {
                        flow[l][v * t + u] += got;
                        return got;
                    }
                } else {
                    int v = a - t;
                    if (l == 0 || level[(l - 1) * t + v] != want) {
                        continue;
                    }
                    double r = flow[l - 1][u * t + v];
                    if (r <= EPS) {
                        continue;
                    }
                    double got = dfs(l - 1, v, Math.min(limit, r));
                    if (got > EPS) {
                        flow[l - 1][u * t + v] -= got;
                        return got;
                    }
                }
            }
            return 0;
        }
    }
}
