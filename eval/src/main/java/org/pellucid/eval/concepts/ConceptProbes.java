package org.pellucid.eval.concepts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.train.LogisticSolver;

/**
 * Does a black box represent the concepts a concept bottleneck is forced to use? Linear probes
 * (Alain &amp; Bengio, "Understanding intermediate layers using linear classifier probes", 2016): for
 * each hidden layer and each concept, an L2 logistic regression (C = 1, standardised activations)
 * trained on the training rows' activations predicts the concept on the test rows; its accuracy, beside
 * the majority rate, says how linearly readable the concept is there. TCAV (Kim et al., "Interpretability
 * beyond feature attribution", ICML 2018): the probe's weight vector is the concept activation vector v;
 * for the rows of a class, the TCAV score is the share whose class logit grows along v
 * (∇_h logit · v &gt; 0); the same with probes on random halves of the rows ("random concepts", 20 of
 * them) gives the scores a meaningless direction gets, and a two-sided t-test against them the p-value.
 */
public final class ConceptProbes {
    private ConceptProbes() {}

    /** One concept at one layer. */
    public record Probe(String concept, int layer, double accuracy, double majority, double tcav, double randomMean, double pValue) {}

    public static List<Probe> run(MlpLayers net, Dataset train, Dataset test, int targetClass, int randomConcepts, long seed) {
        if (!train.hasConcepts()) {
            throw new IllegalArgumentException("the data has no concept columns to probe for");
        }
        int k = train.schema().concepts().size();
        List<Probe> out = new ArrayList<>();
        double[][][] trA = new double[train.size()][][];
        for (int i = 0; i < train.size(); i++) {
            trA[i] = net.activations(train.row(i));
        }
        double[][][] teA = new double[test.size()][][];
        for (int i = 0; i < test.size(); i++) {
            teA[i] = net.activations(test.row(i));
        }
        Random r = new Random(seed);
        for (int layer = 1; layer <= net.hiddenLayers(); layer++) {
            final int l = layer;
            double[][] xtr = Arrays.stream(trA).map(a -> a[l]).toArray(double[][]::new);
            double[][] xte = Arrays.stream(teA).map(a -> a[l]).toArray(double[][]::new);
            double[] mean = new double[xtr[0].length];
            double[] sd = new double[xtr[0].length];
            standardise(xtr, mean, sd);
            double[][] ztr = apply(xtr, mean, sd);
            double[][] zte = apply(xte, mean, sd);
            List<double[]> grads = classGradients(net, test, teA, l, targetClass, sd);
            double[] randomScores = randomTcav(ztr, grads, randomConcepts, r);
            double rm = Arrays.stream(randomScores).average().orElse(Double.NaN);
            for (int c = 0; c < k; c++) {
                final int cc = c;
                int[] ytr = IntStream.range(0, train.size()).map(i -> train.concepts(i)[cc] >= 0.5 ? 1 : 0).toArray();
                int[] yte = IntStream.range(0, test.size()).map(i -> test.concepts(i)[cc] >= 0.5 ? 1 : 0).toArray();
                double pos = Arrays.stream(yte).average().orElse(0);
                if (Arrays.stream(ytr).distinct().count() < 2) {
                    out.add(new Probe(train.schema().concepts().get(c), l, Double.NaN, Math.max(pos, 1 - pos), Double.NaN, rm, Double.NaN));
                    continue;
                }
                LogisticSolver.Fit f = LogisticSolver.fit(ztr, ytr, 2, 1.0, 500, 1e-4, null);
                int[] pred = LogisticSolver.predict(f, zte);
                double acc = 0;
                for (int i = 0; i < pred.length; i++) {
                    acc += pred[i] == yte[i] ? 1 : 0;
                }
                double score = tcav(f.weights()[0], grads);
                out.add(new Probe(train.schema().concepts().get(c), l, acc / pred.length, Math.max(pos, 1 - pos), score, rm,
                        tTest(score, randomScores)));
            }
        }
        return out;
    }

    /** The gradients of the class logit at layer {@code l} for the test rows of the class, in the probe's standardised coordinates. */
    private static List<double[]> classGradients(MlpLayers net, Dataset test, double[][][] teA, int l, int targetClass, double[] sd) {
        List<double[]> grads = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (test.label(i) == targetClass) {
                double[] g = net.logitGradient(teA[i], l, targetClass);
                for (int j = 0; j < g.length; j++) {
                    g[j] *= sd[j]; // into the standardised coordinates the probe's weights live in
                }
                grads.add(g);
            }
        }
        return grads;
    }

    /** TCAV scores of {@code count} random concepts (a fair coin per row), the null distribution a real concept is tested against. */
    private static double[] randomTcav(double[][] ztr, List<double[]> grads, int count, Random r) {
        double[] randomScores = new double[count];
        for (int q = 0; q < count; q++) {
            int[] y = new int[ztr.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = r.nextBoolean() ? 1 : 0;
            }
            randomScores[q] = tcav(LogisticSolver.fit(ztr, y, 2, 1.0, 500, 1e-4, null).weights()[0], grads);
        }
        return randomScores;
    }

    /** Share of the gradients with a positive component along v. */
    static double tcav(double[] v, List<double[]> grads) {
        if (grads.isEmpty()) {
            return Double.NaN;
        }
        int pos = 0;
        for (double[] g : grads) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += g[j] * v[j];
            }
            pos += s > 0 ? 1 : 0;
        }
        return pos / (double) grads.size();
    }

    /** Two-sided one-sample t-test of the random scores' mean against the concept's score. */
    static double tTest(double score, double[] random) {
        int n = random.length;
        double m = Arrays.stream(random).average().orElse(0);
        double var = Arrays.stream(random).map(x -> (x - m) * (x - m)).sum() / Math.max(1, n - 1);
        if (var == 0) {
            return score == m ? 1 : 0;
        }
        double t = (score - m) / Math.sqrt(var / n);
        return 2 * (1 - studentT(Math.abs(t), n - 1));
    }

    /** The t distribution's CDF, by the regularised incomplete beta function (continued fraction). */
    static double studentT(double t, int dof) {
        double x = dof / (dof + t * t);
        return 1 - 0.5 * incompleteBeta(dof / 2.0, 0.5, x);
    }

    private static double incompleteBeta(double a, double b, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double bt = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return bt * betaCf(a, b, x) / a;
        }
        return 1 - bt * betaCf(b, a, 1 - x) / b;
    }

    private static double betaCf(double a, double b, double x) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < 1e-300 ? 1e-300 : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 200; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < 1e-300 ? 1e-300 : d;
            c = 1 + aa / c;
            c = Math.abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < 1e-300 ? 1e-300 : d;
            c = 1 + aa / c;
            c = Math.abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-12) {
                break;
            }
        }
        return h;
    }

    private static double lgamma(double x) {
        double[] g = {76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2,
            -0.5395239384953e-5};
        double y = x;
        double tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.log(tmp);
        double ser = 1.000000000190015;
        for (double c : g) {
            ser += c / ++y;
        }
        return -tmp + Math.log(2.5066282746310005 * ser / x);
    }

    private static void standardise(double[][] x, double[] mean, double[] sd) {
        int w = mean.length;
        for (double[] row : x) {
            for (int j = 0; j < w; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < w; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < w; j++) {
            sd[j] = Math.sqrt(sd[j]);
            if (sd[j] == 0) {
                sd[j] = 1;
            }
        }
    }

    private static double[][] apply(double[][] x, double[] mean, double[] sd) {
        double[][] z = new double[x.length][mean.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                z[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        return z;
    }
}
