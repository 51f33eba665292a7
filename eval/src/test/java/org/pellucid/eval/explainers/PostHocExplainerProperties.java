package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Differentiable;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.models.MlpModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.metrics.AttributionMetrics;
import org.pellucid.eval.metrics.EvalContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gradient explainers and LIME, checked against definitions they must meet and can fail. */
class PostHocExplainerProperties {
    static final Dataset DATA = SyntheticData.rule(600, 21);
    /** No hidden layer: log-odds are linear in the encoded input, so IG is exact. */
    static final MlpModel LINEAR_NET = (MlpModel) ModelFamilies.get("mlp").train(DATA, null,
            TrainConfig.of(1).with("hidden", "").with("epochs", "20"));
    static final MlpModel NET = (MlpModel) ModelFamilies.get("mlp").train(DATA, null,
            TrainConfig.of(1).with("hidden", "16,16").with("epochs", "20"));

    @Property(tries = 20)
    void onALinearNetworkIntegratedGradientsIsExactAndEqualsShapley(@ForAll @IntRange(min = 0, max = 599) int row) {
        Instance x = DATA.row(row);
        FeatureAttribution ig = GradientExplainer.of(GradientExplainer.Method.INTEGRATED_GRADIENTS, Output.LOG_ODDS, 1)
                .explain(LINEAR_NET, x, 1);
        assertEquals(0, ig.completenessGap(), 1e-4, "completeness gap of IG on a linear model");
        FeatureAttribution shap = new KernelShap(DATA, Output.LOG_ODDS, 1024, 10, 100_000, 1).explain(LINEAR_NET, x, 1);
        for (int j = 0; j < x.size(); j++) {
            assertEquals(shap.values()[j], ig.values()[j], 2e-3, "column " + j);
        }
    }

    @Property(tries = 10)
    void integratedGradientsIsNearlyCompleteOnANonlinearNetwork(@ForAll @IntRange(min = 0, max = 599) int row) {
        // the Riemann sum converges to the path integral, whose completeness is exact
        FeatureAttribution ig = new GradientExplainer(GradientExplainer.Method.INTEGRATED_GRADIENTS, Output.PROBABILITY, 512, 0, 1)
                .explain(NET, DATA.row(row), 1);
        double moved = Math.abs(ig.output() - ig.baseline());
        assertTrue(Math.abs(ig.completenessGap()) <= 0.01 * moved + 2e-4,
                "gap " + ig.completenessGap() + " for a change of " + moved);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        FeatureEncoder enc = NET.encoder();
        double[] z = enc.encode(DATA.row(7));
        Differentiable.Gradients g = NET.gradients(new double[][] {z}, 1);
        double h = 1e-2;
        for (int e = 0; e < z.length; e++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[e] += h;
            down[e] -= h;
            Differentiable.Gradients gu = NET.gradients(new double[][] {up, down}, 1);
            double fd = (gu.outputs()[0] - gu.outputs()[1]) / (2 * h);
            assertEquals(fd, g.gradients()[0][e], 2e-3, "input " + e);
        }
        assertEquals(NET.predict(DATA.row(7)).probability(1), g.outputs()[0], 1e-6);
    }

    /** f = σ(Σ_{e∉[from,to)} sin((e+1)·z_e)) on the encoded input, with its exact gradient. */
    record IgnoringModel(FeatureEncoder encoder, int from, int to) implements Differentiable {
        @Override
        public Schema schema() {
            return encoder.schema();
        }

        double f(double[] z) {
            double s = 0;
            for (int e = 0; e < z.length; e++) {
                if (e < from || e >= to) {
                    s += Math.sin((e + 1) * z[e]);
                }
            }
            return 1 / (1 + Math.exp(-s));
        }

        @Override
        public Prediction predict(Instance x) {
            double p = f(encoder.encode(x));
            return Prediction.ofProbabilities(new double[] {1 - p, p}, schema().classes());
        }

        @Override
        public Gradients gradients(double[][] rows, int target) {
            double[] out = new double[rows.length];
            double[][] g = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                double p = f(rows[i]);
                double sign = target == 1 ? 1 : -1;
                out[i] = target == 1 ? p : 1 - p;
                g[i] = new double[rows[i].length];
                for (int e = 0; e < rows[i].length; e++) {
                    g[i][e] = e >= from && e < to ? 0 : sign * p * (1 - p) * (e + 1) * Math.cos((e + 1) * rows[i][e]);
                }
            }
            return new Gradients(out, g);
        }
    }

    @Property(tries = 12)
    void aColumnTheModelIgnoresGetsZeroFromEveryGradientMethodAndNearZeroFromLime(
            @ForAll @IntRange(min = 0, max = 599) int row, @ForAll @IntRange(min = 0, max = 7) int ignored) {
        FeatureEncoder enc = FeatureEncoder.fit(DATA);
        IgnoringModel m = new IgnoringModel(enc, enc.offset(ignored), enc.offset(ignored) + enc.width(ignored));
        Instance x = DATA.row(row);
        for (GradientExplainer.Method method : GradientExplainer.Method.values()) {
            FeatureAttribution a = GradientExplainer.of(method, Output.PROBABILITY, 1).explain(m, x, 1);
            assertEquals(0, a.values()[ignored], 0, method.id());
        }
        // LIME fits bin indicators, so give it a model they can describe: σ(Σ z_e) over the used inputs
        Predictor smooth = Predictor.ofProbabilities(DATA.schema(), v -> {
            double[] z = enc.encode(v);
            double t = 0;
            for (int e = 0; e < z.length; e++) {
                t += e < m.from() || e >= m.to() ? z[e] : 0;
            }
            double q = 1 / (1 + Math.exp(-t));
            return new double[] {1 - q, q};
        });
        FeatureAttribution lime = new Lime(DATA, Output.PROBABILITY, 5000, 1).explain(smooth, x, 1);
        double max = Arrays.stream(lime.values()).map(Math::abs).max().orElse(0);
        // LIME estimates by sampling: the ignored column's weight is sampling noise, small but not 0
        assertTrue(Math.abs(lime.values()[ignored]) <= 0.25 * max + 1e-3,
                "lime gives the ignored column " + lime.values()[ignored] + " against a largest " + max);
    }

    @Test
    void gradientExplainersRefuseModelsWithoutGradients() {
        var forest = ModelFamilies.get("rf").train(DATA, null, TrainConfig.of(1).with("trees", "3"));
        UnsupportedExplainerException e = assertThrows(UnsupportedExplainerException.class,
                () -> GradientExplainer.of(GradientExplainer.Method.SALIENCY, Output.PROBABILITY, 1).explain(forest, DATA.row(0), 1));
        assertTrue(e.getMessage().contains("rf"), e.getMessage());
    }

    @Test
    void limeAndIntegratedGradientsBeatTheRandomControl() {
        Splits.TrainValidTest s = Splits.trainValidTest(DATA, 0.2, 0.2, 1);
        Dataset train = DATA.subset(s.train());
        Dataset test = DATA.subset(s.test());
        EvalContext ctx = EvalContext.of(NET, test, train, 1);
        List<Explainer> explainers = List.of(new Lime(train, Output.PROBABILITY, 1000, 1),
                GradientExplainer.of(GradientExplainer.Method.INTEGRATED_GRADIENTS, Output.PROBABILITY, 1),
                GradientExplainer.of(GradientExplainer.Method.SMOOTHGRAD, Output.PROBABILITY, 1),
                new RandomExplainer(Output.PROBABILITY, 1));
        double[] deletion = new double[explainers.size()];
        double[] compr = new double[explainers.size()];
        for (int k = 0; k < explainers.size(); k++) {
            List<FeatureAttribution> ex = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                ex.add(explainers.get(k).explain(NET, test.row(i), ctx.targets()[i]));
            }
            deletion[k] = AttributionMetrics.deletionAuc(ctx, ex).value();
            compr[k] = AttributionMetrics.comprehensiveness(ctx, ex).value();
        }
        int rnd = explainers.size() - 1;
        for (int k = 0; k < rnd; k++) {
            assertTrue(deletion[k] < deletion[rnd], explainers.get(k).name() + " deletion " + deletion[k] + " vs random " + deletion[rnd]);
            assertTrue(compr[k] > compr[rnd], explainers.get(k).name() + " comprehensiveness " + compr[k] + " vs random " + compr[rnd]);
        }
    }
}
