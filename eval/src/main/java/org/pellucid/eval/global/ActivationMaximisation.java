package org.pellucid.eval.global;

import org.pellucid.core.model.ConvolutionalModel;
import org.pellucid.core.model.Differentiable;

/**
 * Activation maximisation (Erhan, Bengio, Courville &amp; Vincent, "Visualizing higher-layer features
 * of a deep network", 2009; Simonyan, Vedaldi &amp; Zisserman, "Deep inside convolutional networks",
 * 2014): the input that maximises one output of the network — a class logit or a concept logit —
 * under a penalty that keeps it image-like. Here the objective is
 * {@code y(x) − λ₂ ‖x − x₀‖² − λ_tv Σ (x_{i+1,j} − x_{ij})² + (x_{i,j+1} − x_{ij})²} over pixels kept in
 * [0, 1], from {@code x₀} (the mean training image, or grey), by projected gradient ascent with a
 * fixed number of steps whose size is {@code step} divided by the gradient's largest entry, so the
 * largest pixel change per step is {@code step}. Deterministic: no random start.
 */
public final class ActivationMaximisation {

    /** Steps, step size, L2 weight toward the start, total-variation weight. */
    public record Settings(int steps, double step, double l2, double tv) {
        public Settings {
            if (steps < 1 || !(step > 0) || l2 < 0 || tv < 0) {
                throw new IllegalArgumentException("activation maximisation needs steps >= 1, step > 0, l2 >= 0, tv >= 0");
            }
        }

        public static Settings defaults() {
            return new Settings(150, 0.05, 0.01, 0.05);
        }
    }

    /** The optimised input, the output before and after, and the regularised objective after. */
    public record Result(String output, double[] image, double startOutput, double endOutput, double objective) {}

    private ActivationMaximisation() {}

    public static Result maximise(ConvolutionalModel model, int output, double[] start, Settings s) {
        int[] shape = model.imageShape();
        int n = start.length;
        if (n != shape[0] * shape[1] * shape[2]) {
            throw new IllegalArgumentException("the start image has " + n + " pixels; the model reads " + shape[0] + "×"
                    + shape[1] + "×" + shape[2]);
        }
        double[] x = start.clone();
        double first = Double.NaN;
        double y = Double.NaN;
        for (int t = 0; t <= s.steps(); t++) {
            Differentiable.Gradients g = model.outputGradients(new double[][] {x}, output);
            y = g.outputs()[0];
            if (t == 0) {
                first = y;
            }
            if (t == s.steps()) {
                break;
            }
            double[] grad = g.gradients()[0].clone();
            double[] reg = penaltyGradient(x, start, shape, s);
            double max = 0;
            for (int j = 0; j < n; j++) {
                grad[j] -= reg[j];
                max = Math.max(max, Math.abs(grad[j]));
            }
            if (max == 0) {
                break;
            }
            for (int j = 0; j < n; j++) {
                x[j] = Math.min(1, Math.max(0, x[j] + s.step() * grad[j] / max));
            }
        }
        return new Result(model.outputNames().get(output), x, first, y, y - penalty(x, start, shape, s));
    }

    /** {@code λ₂ ‖x − x₀‖² + λ_tv · TV²(x)}, each slot's image on its own. */
    static double penalty(double[] x, double[] start, int[] shape, Settings s) {
        double p = 0;
        int h = shape[1];
        int w = shape[2];
        for (int j = 0; j < x.length; j++) {
            p += s.l2() * (x[j] - start[j]) * (x[j] - start[j]);
        }
        for (int sl = 0; sl < shape[0]; sl++) {
            int o = sl * h * w;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    if (i + 1 < h) {
                        double d = x[o + (i + 1) * w + j] - x[o + i * w + j];
                        p += s.tv() * d * d;
                    }
                    if (j + 1 < w) {
                        double d = x[o + i * w + j + 1] - x[o + i * w + j];
                        p += s.tv() * d * d;
                    }
                }
            }
        }
        return p;
    }

    /** The gradient of {@link #penalty}. */
    static double[] penaltyGradient(double[] x, double[] start, int[] shape, Settings s) {
        double[] g = new double[x.length];
        int h = shape[1];
        int w = shape[2];
        for (int j = 0; j < x.length; j++) {
            g[j] = 2 * s.l2() * (x[j] - start[j]);
        }
        for (int sl = 0; sl < shape[0]; sl++) {
            int o = sl * h * w;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int a = o + i * w + j;
                    if (i + 1 < h) {
                        int b = a + w;
                        double d = 2 * s.tv() * (x[b] - x[a]);
                        g[b] += d;
                        g[a] -= d;
                    }
                    if (j + 1 < w) {
                        int b = a + 1;
                        double d = 2 * s.tv() * (x[b] - x[a]);
                        g[b] += d;
                        g[a] -= d;
                    }
                }
            }
        }
        return g;
    }
}
