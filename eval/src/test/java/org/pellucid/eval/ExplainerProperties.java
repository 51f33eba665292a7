package org.pellucid.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.models.LogisticModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Output;
import org.pellucid.eval.explainers.RandomExplainer;
import org.pellucid.eval.metrics.AttributionMetrics;
import org.pellucid.eval.metrics.EvalContext;

/** Properties that show the explainers and metrics can fail. */
class ExplainerProperties {
    static final Dataset DATA = SyntheticData.rule(600, 21);
    static final LogisticModel LINEAR = (LogisticModel) ModelFamilies.get("logistic").train(DATA, null,
            TrainConfig.of(1));

    @Property(tries = 25)
    void onALinearModelKernelShapIsTheExactShapleyValue(@ForAll @IntRange(min = 0, max = 599) int row) {
        KernelShap shap = new KernelShap(DATA, Output.LOG_ODDS, 1024, 10, 50_000, 1);
        Instance x = DATA.row(row);
        FeatureAttribution k = shap.explain(LINEAR, x, 1);
        FeatureAttribution exact = LINEAR.explain(x).explanation(); // w·(x − training mean), grouped by column
        for (int j = 0; j < x.size(); j++) {
            assertEquals(exact.values()[j], k.values()[j], 1e-6, "column " + j);
        }
        assertEquals(0, k.completenessGap(), 1e-9);
    }

    @Property(tries = 20)
    void aColumnTheModelIgnoresGetsZero(@ForAll @IntRange(min = 0, max = 599) int row, @ForAll @IntRange(min = 0, max = 7) int ignored) {
        Predictor m = Predictor.ofProbabilities(DATA.schema(), v -> {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                if (j != ignored && !Double.isNaN(v[j])) {
                    s += Math.sin(v[j] * (j + 1));
                }
            }
            double p = 1 / (1 + Math.exp(-s));
            return new double[] {1 - p, p};
        });
        FeatureAttribution a = new KernelShap(KernelShap.sampleBackground(DATA, 20, 3), Output.PROBABILITY, 512, 10, 4096, 1)
                .explain(m, DATA.row(row), 1);
        assertEquals(0, a.values()[ignored], 1e-9);
    }

    @Test
    void theRandomControlScoresWorseThanKernelShap() {
        Splits.TrainValidTest s = Splits.trainValidTest(DATA, 0.2, 0.2, 1);
        Dataset train = DATA.subset(s.train());
        Dataset test = DATA.subset(s.test());
        Predictor model = ModelFamilies.get("mlp").train(train, DATA.subset(s.valid()), TrainConfig.of(1).with("epochs", "20"));
        EvalContext ctx = EvalContext.of(model, test, train, 1);
        KernelShap shap = new KernelShap(KernelShap.sampleBackground(train, 30, 1), Output.PROBABILITY, 256, 10, 8192, 1);
        RandomExplainer rnd = new RandomExplainer(Output.PROBABILITY, 1);
        List<FeatureAttribution> ks = new ArrayList<>();
        List<FeatureAttribution> rs = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            ks.add(shap.explain(model, test.row(i), ctx.targets()[i]));
            rs.add(rnd.explain(model, test.row(i), ctx.targets()[i]));
        }
        assertTrue(AttributionMetrics.deletionAuc(ctx, ks).value() < AttributionMetrics.deletionAuc(ctx, rs).value());
        assertTrue(AttributionMetrics.insertionAuc(ctx, ks).value() > AttributionMetrics.insertionAuc(ctx, rs).value());
        assertTrue(AttributionMetrics.comprehensiveness(ctx, ks).value() > AttributionMetrics.comprehensiveness(ctx, rs).value());
        assertTrue(AttributionMetrics.sufficiency(ctx, ks).value() < AttributionMetrics.sufficiency(ctx, rs).value());
        double faithful = AttributionMetrics.faithfulnessCorrelation(ctx, ks).value();
        assertTrue(faithful > AttributionMetrics.faithfulnessCorrelation(ctx, rs).value());

        // permuting each explanation among the columns lowers its faithfulness correlation
        List<FeatureAttribution> permuted = new ArrayList<>();
        Random r = new Random(5);
        for (FeatureAttribution a : ks) {
            List<Double> v = new ArrayList<>();
            for (double d : a.values()) {
                v.add(d);
            }
            Collections.shuffle(v, r);
            List<Contribution> cs = new ArrayList<>();
            for (int j = 0; j < v.size(); j++) {
                Contribution c = a.contributions().get(j);
                cs.add(new Contribution(c.feature(), c.value(), v.get(j)));
            }
            permuted.add(new FeatureAttribution(cs, a.baseline(), a.output(), a.target(), "permuted"));
        }
        assertTrue(AttributionMetrics.faithfulnessCorrelation(ctx, permuted).value() < faithful);
    }

    @Test
    void kernelShapMemoryIsBoundedByTheBatchNotTheSamples() {
        // the same answer whatever the batch size: evaluation is chunked, never materialised at once
        Instance x = DATA.row(3);
        Dataset bg = KernelShap.sampleBackground(DATA, 10, 1);
        double[] a = new KernelShap(bg, Output.PROBABILITY, 512, 4, 16, 1).explain(LINEAR, x, 1).values();
        double[] b = new KernelShap(bg, Output.PROBABILITY, 512, 4, 100_000, 1).explain(LINEAR, x, 1).values();
        for (int j = 0; j < a.length; j++) {
            assertEquals(a[j], b[j], 1e-12);
        }
    }
}
