package org.pellucid.core.train;

import java.util.Arrays;

/**
 * L2-regularised logistic (two classes) or softmax (more) regression solved to convergence by
 * L-BFGS (Liu &amp; Nocedal, "On the limited memory BFGS method for large scale optimization",
 * Mathematical Programming 1989) with a backtracking Armijo line search, in double precision on
 * all the rows it is given.
 *
 * <p>The objective is scikit-learn's, divided by {@code C·n} so that tolerances do not depend on
 * the data's size: {@code F(W, b) = (1/n) Σ_i −log p(y_i | x_i) + ||W||² / (2·C·n)}; intercepts are
 * not penalised. With two classes there is one weight vector (the logit of the second class);
 * with more, one per class (the multinomial model).
 */
public final class LogisticSolver {
    private static final int HISTORY = 10;

    private LogisticSolver() {}

    /**
     * A solution.
     *
     * @param weights [logit][input]: one row for two classes, else one per class
     * @param intercepts one per logit
     * @param iterations L-BFGS iterations taken
     * @param converged true when the gradient's largest entry fell below the tolerance
     * @param objective the final value of {@code F}
     */
    public record Fit(double[][] weights, double[] intercepts, int iterations, boolean converged, double objective) {}

    /**
     * Solves for the given {@code c} (scikit-learn's C: larger is weaker regularisation).
     *
     * @param x encoded rows
     * @param y class index of each row, in {@code [0, k)}
     * @param k number of classes (at least 2)
     * @param warm a previous solution to start from (a path over C), or null
     */
    public static Fit fit(double[][] x, int[] y, int k, double c, int maxIterations, double tolerance, Fit warm) {
        if (k < 2) {
            throw new IllegalArgumentException("logistic regression needs at least two classes, got " + k);
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be a positive number, got " + c);
        }
        int n = x.length;
        int w = n == 0 ? 0 : x[0].length;
        int m = k == 2 ? 1 : k;
        int dim = m * (w + 1);
        double[] theta = new double[dim];
        if (warm != null && warm.weights().length == m && (m == 0 || warm.weights()[0].length == w)) {
            for (int r = 0; r < m; r++) {
                System.arraycopy(warm.weights()[r], 0, theta, r * w, w);
                theta[m * w + r] = warm.intercepts()[r];
            }
        }
        Objective f = new Objective(x, y, m, w, 1.0 / (c * Math.max(1, n)));
        double[] g = new double[dim];
        double fx = f.valueAndGradient(theta, g);
        History h = new History();
        int it = 0;
        boolean converged = maxAbs(g) < tolerance;
        double[] d = new double[dim];
        double[] trial = new double[dim];
        double[] gTrial = new double[dim];
        while (!converged && it < maxIterations) {
            it++;
            h.direction(g, d);
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: restart from the gradient
                h.clear();
                for (int i = 0; i < dim; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            double ft = backtrack(f, theta, d, fx, slope, trial, gTrial);
            if (Double.isNaN(ft)) {
                break; // no decrease found: as good as the line search can tell
            }
            h.add(theta, trial, g, gTrial);
            double change = fx - ft;
            System.arraycopy(trial, 0, theta, 0, dim);
            System.arraycopy(gTrial, 0, g, 0, dim);
            fx = ft;
            converged = maxAbs(g) < tolerance || change <= 1e-15 * Math.max(1, Math.abs(fx));
        }
        double[][] weights = new double[m][w];
        double[] intercepts = new double[m];
        for (int r = 0; r < m; r++) {
            System.arraycopy(theta, r * w, weights[r], 0, w);
            intercepts[r] = theta[m * w + r];
        }
        return new Fit(weights, intercepts, it, converged, fx);
    }

    /**
     * Backtracking line search along {@code d} from {@code theta}: halves the step from 1 until the
     * Armijo condition holds (at most 60 times). Leaves the accepted point and its gradient in
     * {@code trial} and {@code gTrial} and returns its value, or NaN when no step decreased enough.
     */
    private static double backtrack(Objective f, double[] theta, double[] d, double fx, double slope, double[] trial,
                                    double[] gTrial) {
        double step = 1;
        double ft = Double.NaN;
        for (int ls = 0; ls < 60; ls++) {
            for (int i = 0; i < theta.length; i++) {
                trial[i] = theta[i] + step * d[i];
            }
            ft = f.valueAndGradient(trial, gTrial);
            if (ft <= fx + 1e-4 * step * slope) {
                return ft;
            }
            step *= 0.5;
        }
        return Double.NaN;
    }

    /** L-BFGS's memory: the last {@link #HISTORY} steps s and gradient changes y, as a ring. */
    private static final class History {
        private final double[][] s = new double[HISTORY][];
        private final double[][] yk = new double[HISTORY][];
        private final double[] rho = new double[HISTORY];
        private int stored;
        private int next;

        void clear() {
            stored = 0;
        }

        /** The two-loop recursion: {@code d = −H·g}, H the inverse-Hessian estimate the memory holds. */
        void direction(double[] g, double[] d) {
            System.arraycopy(g, 0, d, 0, g.length);
            double[] alpha = new double[HISTORY];
            for (int q = 0; q < stored; q++) {
                int j = Math.floorMod(next - 1 - q, HISTORY);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], yk[j], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(next - 1, HISTORY);
                scale(d, dot(s[last], yk[last]) / dot(yk[last], yk[last]));
            } else {
                scale(d, 1.0 / Math.max(1.0, Math.sqrt(dot(g, g))));
            }
            for (int q = stored - 1; q >= 0; q--) {
                int j = Math.floorMod(next - 1 - q, HISTORY);
                double beta = rho[j] * dot(yk[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            scale(d, -1);
        }

        /** Remembers the step from {@code theta} to {@code trial}, unless its curvature s·y is not positive. */
        void add(double[] theta, double[] trial, double[] g, double[] gTrial) {
            int dim = theta.length;
            double[] sNew = new double[dim];
            double[] yNew = new double[dim];
            for (int i = 0; i < dim; i++) {
                sNew[i] = trial[i] - theta[i];
                yNew[i] = gTrial[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-12) {
                s[next] = sNew;
                yk[next] = yNew;
                rho[next] = 1 / sy;
                next = (next + 1) % HISTORY;
                stored = Math.min(stored + 1, HISTORY);
            }
        }
    }

    /** Mean −log p(y | x) of the rows under a fit (no penalty). */
    public static double logLoss(Fit fit, double[][] x, int[] y) {
        double[][] w = fit.weights();
        int m = w.length;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (m == 1) {
                double z = dot(w[0], x[i]) + fit.intercepts()[0];
                sum += y[i] == 1 ? (z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z)))
                        : (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
            } else {
                double[] z = new double[m];
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < m; r++) {
                    z[r] = dot(w[r], x[i]) + fit.intercepts()[r];
                    max = Math.max(max, z[r]);
                }
                double s = 0;
                for (double v : z) {
                    s += Math.exp(v - max);
                }
                sum += -(z[y[i]] - max - Math.log(s));
            }
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /** Predicted class of each row under a fit. */
    public static int[] predict(Fit fit, double[][] x) {
        int[] out = new int[x.length];
        int m = fit.weights().length;
        for (int i = 0; i < x.length; i++) {
            if (m == 1) {
                out[i] = dot(fit.weights()[0], x[i]) + fit.intercepts()[0] > 0 ? 1 : 0;
            } else {
                int best = 0;
                double bestZ = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < m; r++) {
                    double z = dot(fit.weights()[r], x[i]) + fit.intercepts()[r];
                    if (z > bestZ) {
                        bestZ = z;
                        best = r;
                    }
                }
                out[i] = best;
            }
        }
        return out;
    }

    /** F and its gradient. */
    private static final class Objective {
        private final double[][] x;
        private final int[] y;
        private final int m;
        private final int w;
        private final double penalty;

        Objective(double[][] x, int[] y, int m, int w, double penalty) {
            this.x = x;
            this.y = y;
            this.m = m;
            this.w = w;
            this.penalty = penalty;
        }

        double valueAndGradient(double[] theta, double[] g) {
            Arrays.fill(g, 0);
            int n = x.length;
            double loss = 0;
            double[] z = new double[m];
            double inv = 1.0 / Math.max(1, n);
            for (int i = 0; i < n; i++) {
                double[] xi = x[i];
                for (int r = 0; r < m; r++) {
                    double v = theta[m * w + r];
                    int off = r * w;
                    for (int j = 0; j < w; j++) {
                        v += theta[off + j] * xi[j];
                    }
                    z[r] = v;
                }
                if (m == 1) {
                    double t = y[i] == 1 ? 1 : 0;
                    double zz = z[0];
                    // −log σ(z) for y = 1, −log(1 − σ(z)) for y = 0, computed stably
                    loss += zz > 0 ? (1 - t) * zz + Math.log1p(Math.exp(-zz)) : -t * zz + Math.log1p(Math.exp(zz));
                    double p = zz >= 0 ? 1 / (1 + Math.exp(-zz)) : Math.exp(zz) / (1 + Math.exp(zz));
                    double e = (p - t) * inv;
                    for (int j = 0; j < w; j++) {
                        g[j] += e * xi[j];
                    }
                    g[w] += e;
                } else {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double v : z) {
                        max = Math.max(max, v);
                    }
                    double sum = 0;
                    for (int r = 0; r < m; r++) {
                        z[r] = Math.exp(z[r] - max);
                        sum += z[r];
                    }
                    loss += -Math.log(z[y[i]] / sum);
                    for (int r = 0; r < m; r++) {
                        double e = (z[r] / sum - (r == y[i] ? 1 : 0)) * inv;
                        int off = r * w;
                        for (int j = 0; j < w; j++) {
                            g[off + j] += e * xi[j];
                        }
                        g[m * w + r] += e;
                    }
                }
            }
            double reg = 0;
            for (int q = 0; q < m * w; q++) {
                reg += theta[q] * theta[q];
                g[q] += penalty * theta[q];
            }
            return loss * inv + 0.5 * penalty * reg;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] v, double a) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= a;
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
