package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Predictor;

/**
 * The control: standard-normal attributions, seeded by the row, unrelated to the model. Any metric
 * worth trusting must score it worse than a real explainer.
 */
public final class RandomExplainer implements Explainer {
    private final long seed;
    private final Output output;

    public RandomExplainer(Output output, long seed) {
        this.seed = seed;
        this.output = output;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public FeatureAttribution explain(Predictor model, Instance x, int targetClass) {
        Random r = new Random(seed ^ Arrays.hashCode(x.values()));
        List<Contribution> cs = new ArrayList<>();
        for (int j = 0; j < x.size(); j++) {
            cs.add(new Contribution(x.schema().feature(j).name(), x.text(j), r.nextGaussian()));
        }
        String cls = x.schema().isClassification() ? x.schema().classes().get(targetClass) : x.schema().target().name();
        return new FeatureAttribution(cs, 0, output.of(model.predict(x), targetClass), output.describe(cls), name());
    }
}
