package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;

/**
 * KernelSHAP (Lundberg &amp; Lee, NeurIPS 2017): Shapley values of the columns, estimated by a
 * weighted linear regression over coalitions with the Shapley kernel
 * {@code π(S) = (p − 1) / (C(p, |S|) · |S| · (p − |S|))}, under the efficiency constraint
 * {@code Σ φ = f(x) − E f}. A column outside a coalition takes the values of background rows
 * (interventional Shapley values), so {@code v(S)} is the mean output over the background.
 *
 * <p>With at most {@code exactUpTo} columns every coalition is enumerated and the result is the exact
 * Shapley value; beyond, {@code samples} coalitions are drawn by size in proportion to the kernel,
 * in complementary pairs. Model evaluations run in batches of at most {@code batchRows} rows, so
 * memory stays bounded whatever the number of coalitions or the width of the data.
 */
public final class KernelShap implements Explainer {
    private final double[][] background;
    private final Output output;
    private final int samples;
    private final int exactUpTo;
    private final int batchRows;
    private final long seed;
    private final AtomicLong evaluations = new AtomicLong();

    public KernelShap(Dataset background, Output output, int samples, int exactUpTo, int batchRows, long seed) {
        if (background.size() == 0) {
            throw new IllegalArgumentException("KernelSHAP needs at least one background row");
        }
        if (samples < 2 || batchRows < 1) {
            throw new IllegalArgumentException("samples must be ≥ 2 and the batch size ≥ 1");
        }
        this.background = new double[background.size()][];
        for (int i = 0; i < background.size(); i++) {
            this.background[i] = background.rowValues(i);
        }
        this.output = output;
        this.samples = samples;
        this.exactUpTo = exactUpTo;
        this.batchRows = batchRows;
        this.seed = seed;
    }

    /** Up to {@code rows} background rows drawn (seeded) from the data. */
    public static Dataset sampleBackground(Dataset data, int rows, long seed) {
        if (data.size() <= rows) {
            return data;
        }
        int[] idx = new Random(seed).ints(0, data.size()).distinct().limit(rows).sorted().toArray();
        return data.subset(idx);
    }

    @Override
    public String name() {
        return "kernel-shap";
    }

    /** Model evaluations so far (rows passed to the model), across all calls. */
    public long evaluations() {
        return evaluations.get();
    }

    @Override
    public FeatureAttribution explain(Predictor model, Instance x, int targetClass) {
        int p = x.size();
        double[] xv = x.values();
        double fx = output.of(model.predict(x), targetClass);
        double f0 = meanOutput(model, xv, new boolean[p], targetClass);
        evaluations.incrementAndGet();
        double[] phi;
        if (p == 1) {
            phi = new double[] {fx - f0};
        } else {
            List<boolean[]> coalitions = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            if (p <= exactUpTo) {
                for (int mask = 1; mask < (1 << p) - 1; mask++) {
                    boolean[] z = new boolean[p];
                    int size = 0;
                    for (int j = 0; j < p; j++) {
                        z[j] = (mask >> j & 1) == 1;
                        size += z[j] ? 1 : 0;
                    }
                    coalitions.add(z);
                    weights.add(kernel(p, size));
                }
            } else {
                sampleCoalitions(p, new Random(seed ^ Arrays.hashCode(xv)), coalitions, weights);
            }
            double[] v = values(model, xv, coalitions, targetClass);
            phi = solve(coalitions, weights, v, f0, fx, p);
        }
        List<Contribution> cs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            cs.add(new Contribution(x.schema().feature(j).name(), x.text(j), phi[j]));
        }
        String cls = x.schema().isClassification() ? x.schema().classes().get(targetClass) : x.schema().target().name();
        return new FeatureAttribution(cs, f0, fx, output.describe(cls), name());
    }

    static double kernel(int p, int s) {
        return (p - 1) / (binomial(p, s) * s * (p - s));
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /** Coalition sizes drawn in proportion to the kernel mass of each size, complements paired. */
    private void sampleCoalitions(int p, Random rnd, List<boolean[]> out, List<Double> weights) {
        double[] mass = new double[p];
        double total = 0;
        for (int s = 1; s < p; s++) {
            mass[s] = kernel(p, s) * binomial(p, s);
            total += mass[s];
        }
        int pairs = samples / 2;
        for (int t = 0; t < pairs; t++) {
            double u = rnd.nextDouble() * total;
            int s = 1;
            while (s < p - 1 && u > mass[s]) {
                u -= mass[s];
                s++;
            }
            boolean[] z = new boolean[p];
            int[] perm = rnd.ints(0, p).distinct().limit(s).toArray();
            for (int j : perm) {
                z[j] = true;
            }
            boolean[] c = new boolean[p];
            for (int j = 0; j < p; j++) {
                c[j] = !z[j];
            }
            out.add(z);
            out.add(c);
            weights.add(1.0);
            weights.add(1.0);
        }
    }

    private double meanOutput(Predictor model, double[] x, boolean[] keep, int target) {
        return values(model, x, List.of(keep), target)[0];
    }

    /** v(S) for every coalition: the mean output over background rows with S's columns set from x. */
    private double[] values(Predictor model, double[] x, List<boolean[]> coalitions, int target) {
        int b = background.length;
        double[] v = new double[coalitions.size()];
        int perBatch = Math.max(1, batchRows / b);
        for (int start = 0; start < coalitions.size(); start += perBatch) {
            int end = Math.min(coalitions.size(), start + perBatch);
            double[][] rows = new double[(end - start) * b][];
            int r = 0;
            for (int c = start; c < end; c++) {
                boolean[] z = coalitions.get(c);
                for (double[] bg : background) {
                    double[] row = bg.clone();
                    for (int j = 0; j < z.length; j++) {
                        if (z[j]) {
                            row[j] = x[j];
                        }
                    }
                    rows[r++] = row;
                }
            }
            List<Prediction> preds = Batches.predict(model, rows);
            evaluations.addAndGet(rows.length);
            r = 0;
            for (int c = start; c < end; c++) {
                double sum = 0;
                for (int k = 0; k < b; k++) {
                    sum += output.of(preds.get(r++), target);
                }
                v[c] = sum / b;
            }
        }
        return v;
    }

    /**
     * Weighted least squares with Σφ = fx − f0 enforced by eliminating the last column:
     * φ_p = Δ − Σ_{j&lt;p} φ_j.
     */
    static double[] solve(List<boolean[]> coalitions, List<Double> weights, double[] v, double f0, double fx, int p) {
        double delta = fx - f0;
        int m = p - 1;
        double[][] a = new double[m][m];
        double[] rhs = new double[m];
        double[] xr = new double[m];
        for (int c = 0; c < coalitions.size(); c++) {
            boolean[] z = coalitions.get(c);
            double w = weights.get(c);
            double zp = z[p - 1] ? 1 : 0;
            double y = v[c] - f0 - zp * delta;
            for (int j = 0; j < m; j++) {
                xr[j] = (z[j] ? 1 : 0) - zp;
            }
            for (int i = 0; i < m; i++) {
                if (xr[i] == 0) {
                    continue;
                }
                rhs[i] += w * xr[i] * y;
                for (int j = 0; j < m; j++) {
                    a[i][j] += w * xr[i] * xr[j];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            a[i][i] += 1e-10;
        }
        double[] phiHead = LinearSolve.solve(a, rhs);
        double[] phi = new double[p];
        double sum = 0;
        for (int j = 0; j < m; j++) {
            phi[j] = phiHead[j];
            sum += phiHead[j];
        }
        phi[p - 1] = delta - sum;
        return phi;
    }
}
