package org.pellucid.examples.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.Savable;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.explainers.Explainer;
import org.pellucid.eval.explainers.GradientExplainer;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Output;
import org.pellucid.eval.explainers.RandomExplainer;
import org.pellucid.eval.metrics.AttributionMetrics;
import org.pellucid.eval.metrics.EvalContext;

/** eval: a black-box MLP explained three ways, each explanation scored by the same fidelity metrics. */
public final class EvalExample {
    public static void main(String[] args) throws Exception {
        Dataset d = SyntheticData.rule(Example.rows(args, 3000), 1);
        var s = Example.split(d);
        Dataset train = d.subset(s.train());
        Dataset test = d.subset(s.test()).subset(IntStream.range(0, 40).toArray());
        Savable mlp = ModelFamilies.get("mlp").train(train, d.subset(s.valid()), TrainConfig.of(1));
        EvalContext ctx = EvalContext.of(mlp, test, train, 1);
        List<Explainer> explainers = List.of(new KernelShap(KernelShap.sampleBackground(train, 30, 1), Output.PROBABILITY, 512, 10, 8192, 1),
                GradientExplainer.of(GradientExplainer.Method.INTEGRATED_GRADIENTS, Output.PROBABILITY, 1),
                new RandomExplainer(Output.PROBABILITY, 1));
        for (Explainer e : explainers) {
            List<FeatureAttribution> ex = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                ex.add(e.explain(mlp, test.row(i), ctx.targets()[i]));
            }
            System.out.printf("%-12s deletion AUC %.3f, comprehensiveness %.3f, faithfulness %.3f%n", e.name(),
                    AttributionMetrics.deletionAuc(ctx, ex).value(), AttributionMetrics.comprehensiveness(ctx, ex).value(),
                    AttributionMetrics.faithfulnessCorrelation(ctx, ex).value());
        }
        Example.roundTrip(mlp, test);
    }
}
