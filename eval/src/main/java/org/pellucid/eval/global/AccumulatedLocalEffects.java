package org.pellucid.eval.global;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.Predictor;
import org.pellucid.eval.explainers.Output;

/**
 * First-order accumulated local effects of a numeric column (Apley &amp; Zhu, "Visualizing the effects
 * of predictor variables in black box supervised learning models", JRSS-B 2020): the column's range
 * is cut at quantiles z_0 &lt; … &lt; z_K; for the rows whose value lies in (z_{k−1}, z_k] the model's
 * output is differenced between z_k and z_{k−1}, those local effects are averaged per interval and
 * accumulated, and the curve is centred so that its mean over the data is 0. Unlike partial
 * dependence it only asks the model about values near each row's own, so correlated columns do not
 * make it extrapolate. For an additive model it recovers each shape function up to a constant.
 *
 * @param edges z_0 … z_K
 * @param ale the centred effect at each edge
 * @param counts rows per interval (k = 1 … K)
 */
public record AccumulatedLocalEffects(String column, double[] edges, double[] ale, int[] counts, String target) {

    public static AccumulatedLocalEffects of(Predictor model, Dataset data, int j, int target, Output output, int intervals) {
        Column c = data.schema().feature(j);
        if (!c.isNumeric()) {
            throw new IllegalArgumentException("accumulated local effects need an ordered, numeric column; " + c.name()
                    + " is categorical (use partial dependence)");
        }
        double[] edges = Probe.quantileGrid(data, j, intervals + 1);
        if (edges.length < 2) {
            throw new IllegalArgumentException("column " + c.name() + " has fewer than two distinct values");
        }
        int k = edges.length - 1;
        List<List<double[]>> in = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            in.add(new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            double v = data.value(i, j);
            if (!Double.isFinite(v)) {
                continue;
            }
            int b = Arrays.binarySearch(edges, v);
            b = b >= 0 ? Math.max(0, b - 1) : Math.min(k - 1, Math.max(0, -b - 2));
            in.get(b).add(data.rowValues(i));
        }
        double[] local = new double[k];
        int[] counts = new int[k];
        for (int b = 0; b < k; b++) {
            double[][] rows = in.get(b).toArray(new double[0][]);
            counts[b] = rows.length;
            if (rows.length == 0) {
                continue;
            }
            double[] hi = Probe.outputs(model, data, Probe.with(rows, j, edges[b + 1]), target, output);
            double[] lo = Probe.outputs(model, data, Probe.with(rows, j, edges[b]), target, output);
            double s = 0;
            for (int i = 0; i < rows.length; i++) {
                s += hi[i] - lo[i];
            }
            local[b] = s / rows.length;
        }
        double[] ale = new double[k + 1];
        for (int b = 0; b < k; b++) {
            ale[b + 1] = ale[b] + local[b];
        }
        // centre: the mean effect over the data (each interval's rows at its midpoint effect) is 0
        double mean = 0;
        int n = 0;
        for (int b = 0; b < k; b++) {
            mean += counts[b] * (ale[b] + ale[b + 1]) / 2;
            n += counts[b];
        }
        mean /= Math.max(1, n);
        for (int e = 0; e <= k; e++) {
            ale[e] -= mean;
        }
        String cls = data.schema().isClassification() ? data.schema().classes().get(target) : data.schema().target().name();
        return new AccumulatedLocalEffects(c.name(), edges, ale, counts, output.describe(cls));
    }
}
