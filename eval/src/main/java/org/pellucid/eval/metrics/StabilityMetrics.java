package org.pellucid.eval.metrics;

import java.util.Random;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.eval.explainers.Explainer;

/**
 * Max-sensitivity (Yeh et al., NeurIPS 2019): the largest relative change of an explanation when
 * the numeric inputs move by a small uniform step (±{@code radius} standard deviations), over a few
 * perturbations per row: {@code max ‖φ(x') − φ(x)‖ / ‖φ(x)‖}. Categories are left as they are.
 */
public final class StabilityMetrics {
    private StabilityMetrics() {}

    public static MetricResult maxSensitivity(EvalContext ctx, Explainer explainer, Dataset train, int rows,
                                              int perturbations, double radius) {
        Dataset d = ctx.rows();
        int n = Math.min(rows, d.size());
        int p = d.schema().featureCount();
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            if (d.schema().feature(j).isNumeric()) {
                double m = ctx.baseline()[j];
                double s = 0;
                int c = 0;
                for (int i = 0; i < train.size(); i++) {
                    double v = train.value(i, j);
                    if (!Double.isNaN(v)) {
                        s += (v - m) * (v - m);
                        c++;
                    }
                }
                sd[j] = c > 1 ? Math.sqrt(s / (c - 1)) : 0;
            }
        }
        Random r = new Random(ctx.seed());
        double[] sens = new double[n];
        for (int i = 0; i < n; i++) {
            Instance x = d.row(i);
            double[] phi = explainer.explain(ctx.model(), x, ctx.targets()[i]).values();
            double norm = norm(phi);
            double worst = 0;
            for (int t = 0; t < perturbations; t++) {
                double[] v = x.values();
                for (int j = 0; j < p; j++) {
                    if (sd[j] > 0 && !Double.isNaN(v[j])) {
                        v[j] += (2 * r.nextDouble() - 1) * radius * sd[j];
                    }
                }
                FeatureAttribution a = explainer.explain(ctx.model(), new Instance(d.schema(), v), ctx.targets()[i]);
                double[] q = a.values();
                double diff = 0;
                for (int j = 0; j < p; j++) {
                    diff += (q[j] - phi[j]) * (q[j] - phi[j]);
                }
                worst = Math.max(worst, Math.sqrt(diff) / Math.max(norm, 1e-12));
            }
            sens[i] = worst;
        }
        return MetricResult.ofExamples("max_sensitivity", Category.STABILITY, Direction.LOWER_IS_BETTER, sens, ctx.seed());
    }

    static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
