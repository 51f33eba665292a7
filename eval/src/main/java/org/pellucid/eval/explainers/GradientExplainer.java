package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Differentiable;
import org.pellucid.core.model.Model;
import org.pellucid.core.model.Predictor;

/**
 * Gradient explainers for {@link Differentiable} models (the DJL networks). Gradients are taken with
 * respect to the encoded input and summed back over each user column's encoded inputs (one-hot
 * groups add up), so every method speaks in the user's columns.
 *
 * <ul>
 *   <li>{@code saliency}: |∂f/∂x| summed over the column's inputs (Simonyan, Vedaldi &amp; Zisserman,
 *       2014) — a sensitivity, not signed, not additive;</li>
 *   <li>{@code gradient-x-input}: x ⊙ ∂f/∂x on the encoded input (Shrikumar et al., 2016);
 *       standardised numeric inputs are 0 at the training mean;</li>
 *   <li>{@code ig}: Integrated Gradients (Sundararajan, Taly &amp; Yan, ICML 2017) from the encoded
 *       training mean, {@code (x − b) ⊙ ∫ ∂f(b + α(x − b)) dα}, by the midpoint rule over
 *       {@code steps} points evaluated in one batch; the completeness gap
 *       {@code f(x) − f(b) − Σφ} is carried in the returned attribution;</li>
 *   <li>{@code smoothgrad}: the gradient averaged over {@code samples} noisy copies
 *       x + N(0, σ²), σ = {@code noise} × (max − min of the encoded row) (Smilkov et al., 2017),
 *       times the input.</li>
 * </ul>
 */
public final class GradientExplainer implements Explainer {

    /** The gradient attribution computed, by its CLI name. */
    public enum Method {
        SALIENCY("saliency"), GRADIENT_X_INPUT("gradient-x-input"), INTEGRATED_GRADIENTS("ig"), SMOOTHGRAD("smoothgrad");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Method method;
    private final Output output;
    private final int steps;
    private final double noise;
    private final long seed;

    public GradientExplainer(Method method, Output output, int steps, double noise, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be ≥ 1");
        }
        this.method = method;
        this.output = output;
        this.steps = steps;
        this.noise = noise;
        this.seed = seed;
    }

    public static GradientExplainer of(Method m, Output output, long seed) {
        return new GradientExplainer(m, output, m == Method.INTEGRATED_GRADIENTS ? 64 : 32, 0.15, seed);
    }

    @Override
    public String name() {
        return method.id();
    }

    @Override
    public FeatureAttribution explain(Predictor model, Instance x, int targetClass) {
        if (!(model instanceof Differentiable d)) {
            throw new UnsupportedExplainerException(method.id() + " needs a differentiable model (mlp and the other "
                    + "neural networks); " + describe(model) + " is not — use kernel-shap or lime");
        }
        FeatureEncoder enc = d.encoder();
        double[] xe = enc.encode(x);
        double[] base = enc.encodedMeans();
        double[][] points = points(xe, base);
        int n = points.length;
        Differentiable.Gradients g = d.gradients(points, targetClass);
        double[][] grads = new double[n][];
        double[] outs = new double[n];
        boolean logOdds = output == Output.LOG_ODDS && model.schema().isClassification();
        for (int k = 0; k < n; k++) {
            double[] gr = g.gradients()[k];
            double p = g.outputs()[k];
            if (logOdds) { // d logit(p) = dp / (p (1 − p))
                double q = Math.min(1 - 1e-15, Math.max(1e-15, p));
                double scale = 1 / (q * (1 - q));
                gr = gr.clone();
                for (int e = 0; e < gr.length; e++) {
                    gr[e] *= scale;
                }
                outs[k] = Math.log(q / (1 - q));
            } else {
                outs[k] = p;
            }
            grads[k] = gr;
        }
        double[] perInput = perInput(grads, xe, base);
        List<Contribution> cs = new ArrayList<>(x.size());
        for (int j = 0; j < x.size(); j++) {
            double s = 0;
            for (int e = enc.offset(j); e < enc.offset(j) + enc.width(j); e++) {
                s += perInput[e];
            }
            cs.add(new Contribution(x.schema().feature(j).name(), x.text(j), s));
        }
        String cls = x.schema().isClassification() ? x.schema().classes().get(targetClass) : x.schema().target().name();
        String target = output.describe(cls);
        return new FeatureAttribution(cs, outs[n - 1], outs[n - 2], target,
                method == Method.INTEGRATED_GRADIENTS ? String.format(Locale.ROOT, "ig(%d steps)", steps) : method.id());
    }

    /**
     * The encoded points whose gradients the method needs, in one batch: the IG path's midpoints or
     * SmoothGrad's noisy copies first ({@code steps} of them, none for the others), then x, then the baseline.
     */
    private double[][] points(double[] xe, double[] base) {
        int w = xe.length;
        double[][] points;
        switch (method) {
            case INTEGRATED_GRADIENTS -> {
                points = new double[steps + 2][w];
                for (int k = 0; k < steps; k++) {
                    double a = (k + 0.5) / steps;
                    for (int e = 0; e < w; e++) {
                        points[k][e] = base[e] + a * (xe[e] - base[e]);
                    }
                }
            }
            case SMOOTHGRAD -> {
                points = new double[steps + 2][];
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : xe) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                double sigma = noise * Math.max(hi - lo, 1e-12);
                Random r = new Random(seed ^ Arrays.hashCode(xe));
                for (int k = 0; k < steps; k++) {
                    points[k] = new double[w];
                    for (int e = 0; e < w; e++) {
                        points[k][e] = xe[e] + sigma * r.nextGaussian();
                    }
                }
            }
            default -> points = new double[2][];
        }
        points[points.length - 2] = xe;
        points[points.length - 1] = base;
        return points;
    }

    /** The attribution of each encoded input, from the gradients at {@link #points}. */
    private double[] perInput(double[][] grads, double[] xe, double[] base) {
        int w = xe.length;
        double[] perInput = new double[w];
        double[] gx = grads[grads.length - 2];
        for (int e = 0; e < w; e++) {
            perInput[e] = switch (method) {
                case SALIENCY -> Math.abs(gx[e]);
                case GRADIENT_X_INPUT -> gx[e] * xe[e];
                case INTEGRATED_GRADIENTS -> (xe[e] - base[e]) * sumOverSteps(grads, e) / steps;
                case SMOOTHGRAD -> xe[e] * sumOverSteps(grads, e) / steps;
            };
        }
        return perInput;
    }

    private double sumOverSteps(double[][] grads, int e) {
        double s = 0;
        for (int k = 0; k < steps; k++) {
            s += grads[k][e];
        }
        return s;
    }

    private static String describe(Predictor model) {
        return model instanceof Model m ? m.kind() : "this predictor";
    }
}
