package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;

/**
 * LIME for tabular data (Ribeiro, Singh &amp; Guestrin, KDD 2016), in its default tabular form:
 * numeric columns are discretised into training quartiles; perturbed rows draw each column
 * independently from its training marginal; the interpretable representation {@code z_j} says
 * whether column j still falls in x's quartile (numeric) or equals x's category (categorical);
 * samples are weighted by the exponential kernel {@code exp(−d²/w²)} on the distance in that binary
 * space, with {@code w = 0.75·√p}; and a weighted ridge regression (α = 1, unpenalised intercept)
 * of the model output on z gives the attributions. Because x has {@code z = 1} everywhere, the
 * attributions plus the intercept are the surrogate's prediction at x; its distance to the model's
 * output is reported as the completeness gap.
 */
public final class Lime implements Explainer {
    private final double[][] columns;
    private final double[][] quartiles;
    private final boolean[] numeric;
    private final Output output;
    private final int samples;
    private final double ridge;
    private final long seed;

    public Lime(Dataset train, Output output, int samples, long seed) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("LIME needs training rows to sample from");
        }
        if (samples < 2) {
            throw new IllegalArgumentException("LIME needs at least 2 samples");
        }
        int p = train.schema().featureCount();
        this.columns = new double[p][train.size()];
        this.quartiles = new double[p][];
        this.numeric = new boolean[p];
        for (int i = 0; i < train.size(); i++) {
            double[] r = train.rowValues(i);
            for (int j = 0; j < p; j++) {
                columns[j][i] = r[j];
            }
        }
        for (int j = 0; j < p; j++) {
            numeric[j] = train.schema().feature(j).isNumeric();
            if (numeric[j]) {
                double[] v = Arrays.stream(columns[j]).filter(Double::isFinite).sorted().toArray();
                quartiles[j] = v.length == 0 ? new double[0]
                        : new double[] {v[(int) (0.25 * (v.length - 1))], v[(int) (0.5 * (v.length - 1))], v[(int) (0.75 * (v.length - 1))]};
            }
        }
        this.output = output;
        this.samples = samples;
        this.ridge = 1.0;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "lime";
    }

    private int bin(int j, double v) {
        if (!numeric[j]) {
            return Double.isNaN(v) ? -1 : (int) v;
        }
        if (Double.isNaN(v)) {
            return -1;
        }
        int b = 0;
        for (double q : quartiles[j]) {
            if (v > q) {
                b++;
            }
        }
        return b;
    }

    @Override
    public FeatureAttribution explain(Predictor model, Instance x, int targetClass) {
        int p = x.size();
        double[] xv = x.values();
        Random rnd = new Random(seed ^ Arrays.hashCode(xv));
        double[][] rows = new double[samples][p];
        double[][] z = new double[samples][p];
        double[] weight = new double[samples];
        double width = 0.75 * Math.sqrt(p);
        for (int s = 0; s < samples; s++) {
            int changed = 0;
            for (int j = 0; j < p; j++) {
                double v = s == 0 ? xv[j] : columns[j][rnd.nextInt(columns[j].length)];
                rows[s][j] = v;
                boolean same = bin(j, v) == bin(j, xv[j]);
                z[s][j] = same ? 1 : 0;
                changed += same ? 0 : 1;
            }
            weight[s] = Math.exp(-changed / (width * width));
        }
        List<Prediction> preds = Batches.predict(model, rows);
        double[] y = new double[samples];
        for (int s = 0; s < samples; s++) {
            y[s] = output.of(preds.get(s), targetClass);
        }
        double[] fit = weightedRidge(z, y, weight, ridge);
        double[] beta = Arrays.copyOf(fit, p);
        double intercept = fit[p];
        List<Contribution> cs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            cs.add(new Contribution(x.schema().feature(j).name(), x.text(j), beta[j]));
        }
        String cls = x.schema().isClassification() ? x.schema().classes().get(targetClass) : x.schema().target().name();
        return new FeatureAttribution(cs, intercept, y[0], output.describe(cls), name());
    }

    /**
     * Weighted least squares with an L2 penalty {@code ridge} on the centred inputs (the intercept is
     * not penalised): the coefficients, then the intercept, in one array of length p + 1.
     */
    static double[] weightedRidge(double[][] z, double[] y, double[] weight, double ridge) {
        int samples = z.length;
        int p = samples == 0 ? 0 : z[0].length;
        double sw = Arrays.stream(weight).sum();
        double[] zm = new double[p];
        double ym = 0;
        for (int s = 0; s < samples; s++) {
            ym += weight[s] * y[s] / sw;
            for (int j = 0; j < p; j++) {
                zm[j] += weight[s] * z[s][j] / sw;
            }
        }
        double[][] a = new double[p][p];
        double[] b = new double[p];
        double[] zc = new double[p];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < p; j++) {
                zc[j] = z[s][j] - zm[j];
            }
            double yc = y[s] - ym;
            for (int i = 0; i < p; i++) {
                if (zc[i] == 0) {
                    continue;
                }
                b[i] += weight[s] * zc[i] * yc;
                for (int j = 0; j < p; j++) {
                    a[i][j] += weight[s] * zc[i] * zc[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            a[i][i] += ridge;
        }
        double[] beta = LinearSolve.solve(a, b);
        double intercept = ym;
        for (int j = 0; j < p; j++) {
            intercept -= beta[j] * zm[j];
        }
        double[] out = Arrays.copyOf(beta, p + 1);
        out[p] = intercept;
        return out;
    }
}
