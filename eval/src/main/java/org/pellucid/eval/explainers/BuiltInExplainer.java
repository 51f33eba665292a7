package org.pellucid.eval.explainers;

import java.util.Optional;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.ConceptIntervenable;
import org.pellucid.core.model.Differentiable;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Predictor;

/**
 * A transparent model's own explanation, read as an attribution where it has that reading
 * (linear contributions, attention maps, concept groundings). Models whose explanation is a path or
 * a rule set are scored by simulatability metrics instead; this explainer refuses them clearly.
 */
public final class BuiltInExplainer implements Explainer {
    @Override
    public String name() {
        return "built-in";
    }

    @Override
    public FeatureAttribution explain(Predictor model, Instance x, int targetClass) {
        if (model instanceof ClassAttributable c) {
            return c.attribution(x, targetClass);
        }
        if (!(model instanceof InterpretableModel<?> m)) {
            throw new IllegalArgumentException("this model is a black box with no built-in explanation; use kernel-shap");
        }
        Optional<FeatureAttribution> a = m.explain(x).explanation().asAttribution();
        if (a.isPresent()) {
            return a.get();
        }
        if (model instanceof ConceptIntervenable && model instanceof Differentiable) {
            // a concept explanation speaks of concepts; its input attribution is Integrated Gradients
            // through the concept encoder and the head (completeness: the sum is P(x) − P(baseline))
            FeatureAttribution ig = GradientExplainer.of(GradientExplainer.Method.INTEGRATED_GRADIENTS, Output.PROBABILITY, 1)
                    .explain(model, x, targetClass);
            return new FeatureAttribution(ig.contributions(), ig.baseline(), ig.output(), ig.target(),
                    "integrated gradients through the concepts");
        }
        throw new IllegalArgumentException(m.kind() + "'s explanation is not a feature attribution");
    }

    /** Whether the model's built-in explanation can be read as an attribution (checked on one row). */
    public static boolean applies(Predictor model, Instance x) {
        if (model instanceof ClassAttributable) {
            return true;
        }
        if (!(model instanceof InterpretableModel<?> m)) {
            return false;
        }
        return m.explain(x).explanation().asAttribution().isPresent()
                || (model instanceof ConceptIntervenable && model instanceof Differentiable);
    }
}
