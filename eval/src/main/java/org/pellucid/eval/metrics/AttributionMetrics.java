package org.pellucid.eval.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Prediction;
import org.pellucid.eval.explainers.Batches;

/**
 * Fidelity metrics of feature attributions, computed for the predicted class's probability with
 * removed columns replaced by the {@link EvalContext#baseline()}. Every curve step and every
 * perturbation is one batched pass over all explained rows, not one model call per row.
 *
 * <ul>
 *   <li>deletion / insertion AUC: remove (insert) columns in the explanation's order, most
 *       positive first, and average the probability over the steps (Petsiuk et al., BMVC 2018):
 *       a faithful explanation makes deletion fall fast (low) and insertion rise fast (high);</li>
 *   <li>comprehensiveness and sufficiency (DeYoung et al., ACL 2020, ERASER): the probability lost
 *       when the top-k columns are removed (high is good) and when only they are kept (low is good),
 *       averaged over k = 1, 2, 3;</li>
 *   <li>faithfulness correlation (Bhatt et al., IJCAI 2020): the Pearson correlation, over random
 *       subsets of a quarter of the columns, between the attributions' sum and the probability lost
 *       when the subset is removed.</li>
 * </ul>
 */
public final class AttributionMetrics {
    private static final int[] TOP_K = {1, 2, 3};
    private static final int SUBSETS = 24;

    private AttributionMetrics() {}

    /** Column order by attribution, most positive first. */
    static int[] order(FeatureAttribution a) {
        double[] v = a.values();
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(v[y], v[x]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** Probability of each row's target after replacing the columns marked by {@code removed[i]}. */
    static double[] probabilities(EvalContext ctx, boolean[][] removed) {
        int n = ctx.rows().size();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] r = ctx.rows().rowValues(i);
            for (int j = 0; j < r.length; j++) {
                if (removed[i][j]) {
                    r[j] = ctx.baseline()[j];
                }
            }
            rows[i] = r;
        }
        List<Prediction> p = Batches.predict(ctx.model(), rows);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = p.get(i).probability(ctx.targets()[i]);
        }
        return out;
    }

    /** Deletion (insertion=false) or insertion (true) curve per row, averaged over p+1 steps. */
    static double[] curveAuc(EvalContext ctx, List<FeatureAttribution> expl, boolean insertion) {
        int n = ctx.rows().size();
        int p = ctx.rows().schema().featureCount();
        int[][] orders = expl.stream().map(AttributionMetrics::order).toArray(int[][]::new);
        double[] auc = new double[n];
        double[] prev = null;
        for (int step = 0; step <= p; step++) {
            boolean[][] removed = new boolean[n][p];
            for (int i = 0; i < n; i++) {
                if (insertion) {
                    Arrays.fill(removed[i], true);
                    for (int s = 0; s < step; s++) {
                        removed[i][orders[i][s]] = false;
                    }
                } else {
                    for (int s = 0; s < step; s++) {
                        removed[i][orders[i][s]] = true;
                    }
                }
            }
            double[] prob = probabilities(ctx, removed);
            if (prev != null) {
                for (int i = 0; i < n; i++) {
                    auc[i] += (prev[i] + prob[i]) / 2 / p; // trapezoid over x = step / p
                }
            }
            prev = prob;
        }
        return auc;
    }

    public static MetricResult deletionAuc(EvalContext ctx, List<FeatureAttribution> expl) {
        return MetricResult.ofExamples("deletion_auc", Category.FIDELITY, Direction.LOWER_IS_BETTER, curveAuc(ctx, expl, false), ctx.seed());
    }

    public static MetricResult insertionAuc(EvalContext ctx, List<FeatureAttribution> expl) {
        return MetricResult.ofExamples("insertion_auc", Category.FIDELITY, Direction.HIGHER_IS_BETTER, curveAuc(ctx, expl, true), ctx.seed());
    }

    /** ERASER's comprehensiveness (keepOnly=false) or sufficiency (true), averaged over k. */
    static double[] eraser(EvalContext ctx, List<FeatureAttribution> expl, boolean keepOnly) {
        int n = ctx.rows().size();
        int p = ctx.rows().schema().featureCount();
        double[] full = probabilities(ctx, new boolean[n][p]);
        int[][] orders = expl.stream().map(AttributionMetrics::order).toArray(int[][]::new);
        double[] score = new double[n];
        int used = 0;
        for (int k : TOP_K) {
            if (k > p) {
                continue;
            }
            used++;
            boolean[][] removed = new boolean[n][p];
            for (int i = 0; i < n; i++) {
                if (keepOnly) {
                    Arrays.fill(removed[i], true);
                }
                for (int s = 0; s < k; s++) {
                    removed[i][orders[i][s]] = !keepOnly;
                }
            }
            double[] prob = probabilities(ctx, removed);
            for (int i = 0; i < n; i++) {
                score[i] += full[i] - prob[i];
            }
        }
        for (int i = 0; i < n; i++) {
            score[i] /= Math.max(1, used);
        }
        return score;
    }

    public static MetricResult comprehensiveness(EvalContext ctx, List<FeatureAttribution> expl) {
        return MetricResult.ofExamples("comprehensiveness", Category.FIDELITY, Direction.HIGHER_IS_BETTER, eraser(ctx, expl, false), ctx.seed());
    }

    public static MetricResult sufficiency(EvalContext ctx, List<FeatureAttribution> expl) {
        return MetricResult.ofExamples("sufficiency", Category.FIDELITY, Direction.LOWER_IS_BETTER, eraser(ctx, expl, true), ctx.seed());
    }

    /** Attribution sums over random column subsets and the probability lost removing each subset. */
    private static double[][][] subsetDrops(EvalContext ctx, List<FeatureAttribution> expl) {
        int n = ctx.rows().size();
        int p = ctx.rows().schema().featureCount();
        int size = Math.max(1, p / 4);
        Random rnd = new Random(ctx.seed());
        double[] full = probabilities(ctx, new boolean[n][p]);
        double[][] sums = new double[n][SUBSETS];
        double[][] drops = new double[n][SUBSETS];
        for (int t = 0; t < SUBSETS; t++) {
            boolean[][] removed = new boolean[n][p];
            for (int i = 0; i < n; i++) {
                double[] a = expl.get(i).values();
                for (int j : rnd.ints(0, p).distinct().limit(size).toArray()) {
                    removed[i][j] = true;
                    sums[i][t] += a[j];
                }
            }
            double[] prob = probabilities(ctx, removed);
            for (int i = 0; i < n; i++) {
                drops[i][t] = full[i] - prob[i];
            }
        }
        return new double[][][] {sums, drops};
    }

    public static MetricResult faithfulnessCorrelation(EvalContext ctx, List<FeatureAttribution> expl) {
        double[][][] sd = subsetDrops(ctx, expl);
        int n = ctx.rows().size();
        double[] corr = new double[n];
        for (int i = 0; i < n; i++) {
            corr[i] = pearson(sd[0][i], sd[1][i]);
        }
        return MetricResult.ofExamples("faithfulness_correlation", Category.FIDELITY, Direction.HIGHER_IS_BETTER, corr, ctx.seed());
    }

    /**
     * Infidelity (Yeh et al., NeurIPS 2019) with the paper's removal perturbations — a random quarter
     * of the columns set to the baseline — and its optimal scaling: {@code min_β E[(β·Σ_{j∈S} φ_j −
     * (f(x) − f(x_S←baseline)))²]}. The scaling makes explanations in log-odds and in probability
     * comparable; an explanation that predicts the effect of removals perfectly scores 0.
     */
    public static MetricResult infidelity(EvalContext ctx, List<FeatureAttribution> expl) {
        double[][][] sd = subsetDrops(ctx, expl);
        int n = ctx.rows().size();
        double[] inf = new double[n];
        for (int i = 0; i < n; i++) {
            double[] s = sd[0][i];
            double[] d = sd[1][i];
            double ss = 0;
            double sdd = 0;
            for (int t = 0; t < s.length; t++) {
                ss += s[t] * s[t];
                sdd += s[t] * d[t];
            }
            double beta = ss == 0 ? 0 : sdd / ss;
            double e = 0;
            for (int t = 0; t < s.length; t++) {
                e += (beta * s[t] - d[t]) * (beta * s[t] - d[t]);
            }
            inf[i] = e / s.length;
        }
        return MetricResult.ofExamples("infidelity", Category.FIDELITY, Direction.LOWER_IS_BETTER, inf, ctx.seed());
    }

    /**
     * |output − (baseline + Σ attributions)| in the explanation's own units: 0 for additive methods
     * (exact contributions, KernelSHAP), the completeness gap for Integrated Gradients, the local
     * surrogate's error for LIME.
     */
    public static MetricResult completenessGap(List<FeatureAttribution> expl, long seed) {
        double[] g = expl.stream().mapToDouble(a -> Math.abs(a.completenessGap())).toArray();
        return MetricResult.ofExamples("completeness_gap", Category.FIDELITY, Direction.LOWER_IS_BETTER, g, seed);
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /**
     * Local explanation size: the fewest columns whose |attribution| covers 90% of the total — what
     * a reader must take in to follow most of the explanation.
     */
    public static MetricResult size(List<FeatureAttribution> expl, long seed) {
        double[] sizes = new double[expl.size()];
        for (int i = 0; i < expl.size(); i++) {
            double[] v = Arrays.stream(expl.get(i).values()).map(Math::abs).sorted().toArray();
            double total = Arrays.stream(v).sum();
            double acc = 0;
            int k = 0;
            for (int j = v.length - 1; j >= 0 && acc < 0.9 * total - 1e-12; j--) {
                acc += v[j];
                k++;
            }
            sizes[i] = k;
        }
        return MetricResult.ofExamples("size", Category.SIMULABILITY, Direction.LOWER_IS_BETTER, sizes, seed);
    }
}
