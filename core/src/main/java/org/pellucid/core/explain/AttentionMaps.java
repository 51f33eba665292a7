package org.pellucid.core.explain;

import java.util.Arrays;
import java.util.stream.IntStream;

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
 *       Computed exactly with Dinic's algorithm written for this graph: dense per-layer residual
 *       matrices, no BFS for the first phase (levels are the layers), one multi-arc depth-first search
 *       per phase with current-arc pointers and dead-node marking, and a stop as soon as the flow
 *       meets the source's or the sink's capacity — not a general graph max-flow per pair.</li>
 *   <li><b>Gradient-weighted rollout</b> (Chefer, Gur &amp; Wolf, "Generic Attention-model
 *       Explainability", ICCV 2021): {@code Ā_l = mean_h (∇A_l ⊙ A_l)⁺} for the predicted class,
 *       {@code R ← R + Ā_l R} from the first layer to the last, starting from the identity.</li>
 * </ul>
 */
public final class AttentionMaps {
    /** How the heads of a layer are combined into one map: their mean or their maximum. */
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
            Arrays.fill(next, 0);
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
            Arrays.fill(next, 0);
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
            Arrays.fill(a, 0);
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
            Arrays.fill(a, Double.NEGATIVE_INFINITY);
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
        LayeredFlow graph = new LayeredFlow(adj);
        int chunks = Math.min(t, Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(c -> {
            LayeredFlow mine = c == 0 ? graph : graph.copy(); // the shared capacities, own buffers
            for (int o = c; o < t; o += chunks) {
                out[o] = mine.allSources(o);
            }
        });
        return out;
    }

    /**
     * Max-flow on the layered attention graph. Nodes are (layer, token), layers 0..L; {@code res[l][u·t + v]}
     * is the residual capacity of the edge (l, u) → (l + 1, v) and {@code back[l][u·t + v]} the flow on it
     * (the residual of its reverse arc), so a node's forward arcs are contiguous. Only the source among
     * the input tokens and only the sink among the last layer's tokens can carry flow, so the others
     * are never visited. Three things make it fast on this graph: the first phase needs no BFS (with
     * no flow yet every path runs straight up the layers, so a node's level is its layer); each
     * depth-first search pushes as much as it can through all of a node's arcs before returning
     * (one search per phase) and marks blocked nodes dead; and it stops as soon as the flow reaches the
     * smaller of the source's outgoing and the sink's incoming capacity, which no cut can be below
     * — often after the first phase.
     */
    static final class LayeredFlow {
        private static final double EPS = 1e-12;
        private final double[][] cap;
        private final double[][] res;
        private final double[][] back;
        private final double[] sourceOut;
        private final double[] sinkIn;
        private final int layers;
        private final int t;
        private final int[] level;
        private final int[] layerLevel;
        private final int[] arc;
        private final int[] queue;
        private final int[][] order;
        private int source;
        private int sink;
        private int arcs;

        /** {@code c[l][i][j]}: capacity of the edge from token j at layer l to token i at layer l + 1. */
        LayeredFlow(double[][][] c) {
            this.layers = c.length;
            this.t = c[0].length;
            this.cap = new double[layers][t * t];
            for (int l = 0; l < layers; l++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < t; j++) {
                        cap[l][j * t + i] = c[l][i][j];
                    }
                }
            }
            this.res = new double[layers][t * t];
            this.back = new double[layers][t * t];
            this.sourceOut = new double[t];
            this.sinkIn = new double[t];
            for (int u = 0; u < t; u++) {
                for (int v = 0; v < t; v++) {
                    sourceOut[u] += cap[0][u * t + v];
                    sinkIn[v] += cap[layers - 1][u * t + v];
                }
            }
            int nodes = (layers + 1) * t;
            this.level = new int[nodes];
            this.layerLevel = new int[nodes];
            for (int n = 0; n < nodes; n++) {
                layerLevel[n] = n / t;
            }
            this.arc = new int[nodes];
            this.queue = new int[nodes];
            this.order = new int[layers][t * t];
            for (int l = 0; l < layers; l++) {
                for (int u = 0; u < t; u++) {
                    double[] row = Arrays.copyOfRange(cap[l], u * t, u * t + t);
                    Integer[] idx = new Integer[t];
                    for (int v = 0; v < t; v++) {
                        idx[v] = v;
                    }
                    Arrays.sort(idx, (x, y) -> Double.compare(row[y], row[x]));
                    for (int v = 0; v < t; v++) {
                        order[l][u * t + v] = idx[v];
                    }
                }
            }
        }

        private LayeredFlow(LayeredFlow g) {
            this.layers = g.layers;
            this.t = g.t;
            this.cap = g.cap;
            this.order = g.order;
            this.sourceOut = g.sourceOut;
            this.sinkIn = g.sinkIn;
            this.layerLevel = g.layerLevel;
            this.res = new double[layers][t * t];
            this.back = new double[layers][t * t];
            this.level = new int[layerLevel.length];
            this.arc = new int[layerLevel.length];
            this.queue = new int[layerLevel.length];
        }

        /** The same graph with its own working buffers, for another thread. */
        LayeredFlow copy() {
            return new LayeredFlow(this);
        }

        double[] allSources(int sinkToken) {
            double[] out = new double[t];
            for (int s = 0; s < t; s++) {
                out[s] = maxFlow(s, sinkToken);
            }
            return out;
        }

        double maxFlow(int src, int snk) {
            this.source = src;
            this.sink = snk;
            for (int l = 0; l < layers; l++) {
                System.arraycopy(cap[l], 0, res[l], 0, t * t);
                Arrays.fill(back[l], 0);
            }
            double bound = Math.min(sourceOut[src], sinkIn[snk]);
            System.arraycopy(layerLevel, 0, level, 0, level.length);
            double total = 0;
            arcs = t; // first phase: no flow yet, so no backward arcs
            do {
                Arrays.fill(arc, 0);
                total += dfs(0, source, bound - total); // no cut is below the bound: stop the search when it is met
                if (total >= bound - EPS) {
                    break;
                }
                arcs = 2 * t; // from now on flow can be sent back
            } while (bfs());
            return total;
        }

        private boolean bfs() {
            Arrays.fill(level, -1);
            int head = 0;
            int tail = 0;
            level[source] = 0;
            queue[tail++] = source;
            int target = layers * t + sink;
            while (head < tail) {
                int node = queue[head++];
                int l = node / t;
                int u = node - l * t;
                int next = level[node] + 1;
                if (l < layers - 1) {
                    double[] r = res[l];
                    int base = (l + 1) * t;
                    int row = u * t;
                    for (int v = 0; v < t; v++) {
                        if (level[base + v] < 0 && r[row + v] > EPS) {
                            level[base + v] = next;
                            queue[tail++] = base + v;
                        }
                    }
                } else if (l == layers - 1 && level[target] < 0 && res[l][u * t + sink] > EPS) {
                    level[target] = next;
                    return true; // the sink is reached: nothing further away can be on a shortest path
                }
                if (l > 1) {
                    double[] b = back[l - 1];
                    int base = (l - 1) * t;
                    for (int v = 0; v < t; v++) {
                        if (level[base + v] < 0 && b[v * t + u] > EPS) {
                            level[base + v] = next;
                            queue[tail++] = base + v;
                        }
                    }
                }
            }
            return false;
        }

        /**
         * Pushes up to {@code limit} from (l, u) towards the sink along level-increasing residual arcs
         * and returns how much went. A node's arcs are numbered: first its forward arcs — the sink
         * alone from the last hidden layer, otherwise the next layer's tokens widest first (the order
         * of the capacities, which every pair starts from), so a search spends its limit on few arcs
         * — then, after the first phase, its backward arcs to the previous layer's tokens.
         */
        private double dfs(int l, int u, double limit) {
            if (l == layers) {
                return limit;
            }
            int node = l * t + u;
            int want = level[node] + 1;
            boolean last = l == layers - 1;
            int forward = last ? 1 : t;
            int end = arcs == t ? forward : forward + t;
            double pushed = 0;
            for (; arc[node] < end; arc[node]++) {
                int a = arc[node];
                double got;
                if (a < forward) {
                    int v = last ? sink : order[l][u * t + a];
                    if (level[(l + 1) * t + v] != want) {
                        continue;
                    }
                    int e = u * t + v;
                    double r = res[l][e];
                    if (r <= EPS) {
                        continue;
                    }
                    got = dfs(l + 1, v, Math.min(limit - pushed, r));
                    if (got > 0) {
                        res[l][e] -= got;
                        back[l][e] += got;
                    }
                } else {
                    int v = a - forward;
                    if (l < 2 || level[(l - 1) * t + v] != want) {
                        continue; // layer 0 holds only the source, which never needs flow sent back to it
                    }
                    int e = v * t + u;
                    double r = back[l - 1][e];
                    if (r <= EPS) {
                        continue;
                    }
                    got = dfs(l - 1, v, Math.min(limit - pushed, r));
                    if (got > 0) {
                        back[l - 1][e] -= got;
                        res[l - 1][e] += got;
                    }
                }
                pushed += got;
                if (limit - pushed <= EPS) {
                    return pushed; // the arc may still have room: keep the pointer on it
                }
            }
            level[node] = -1; // blocked: no further search enters it this phase
            return pushed;
        }
    }
}
