package org.pellucid.eval.global;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.eval.explainers.Output;

/** Runs a predictor on rows with one column set to a value, batched through {@code predictAll}. */
final class Probe {
    private Probe() {}

    /** The rows of {@code x} with column {@code j} replaced by {@code value} (NaN keeps missing). */
    static double[][] with(double[][] x, int j, double value) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
            out[i][j] = value;
        }
        return out;
    }

    /** The explained output (probability or log-odds of {@code target}) of every row. */
    static double[] outputs(Predictor model, Dataset like, double[][] rows, int target, Output output) {
        Dataset d = Dataset.builder(like.schema()).name(like.name()).features(rows).targets(new double[rows.length]).build();
        List<Prediction> p = model.predictAll(d);
        double[] out = new double[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = output.of(p.get(i), target);
        }
        return out;
    }

    static double[][] rows(Dataset d, int[] idx) {
        double[][] x = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            x[i] = d.rowValues(idx[i]);
        }
        return x;
    }

    /** Up to {@code max} row indices of d, a seeded sample without replacement (all rows when fewer). */
    static int[] sample(int n, int max, long seed) {
        int[] all = IntStream.range(0, n).toArray();
        if (n <= max) {
            return all;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int k = r.nextInt(i + 1);
            int t = all[i];
            all[i] = all[k];
            all[k] = t;
        }
        int[] s = Arrays.copyOf(all, max);
        Arrays.sort(s);
        return s;
    }

    /** Distinct quantiles of column j's present values: at most {@code points} grid values. */
    static double[] quantileGrid(Dataset d, int j, int points) {
        double[] v = IntStream.range(0, d.size()).mapToDouble(i -> d.value(i, j)).filter(Double::isFinite).sorted()
                .toArray();
        if (v.length == 0) {
            return new double[0];
        }
        TreeSet<Double> g = new TreeSet<>();
        for (int q = 0; q < points; q++) {
            g.add(v[(int) Math.round((double) q * (v.length - 1) / Math.max(1, points - 1))]);
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
