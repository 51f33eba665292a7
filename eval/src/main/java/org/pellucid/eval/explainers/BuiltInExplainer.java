package org.pellucid.eval.explainers;

import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.FeatureAttribution;
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
        if (model instanceof org.pellucid.core.model.ClassAttributable c) {
            return c.attribution(x, targetClass);
        }
        if (!(model instanceof InterpretableModel<?> m)) {
            throw new IllegalArgumentException("this model is a black box with no built-in explanation; use kernel-shap");
        }
        return m.explain(x).explanation().asAttribution().orElseThrow(() -> new IllegalArgumentException(
                m.kind() + "'s explanation is not a feature attribution; its fidelity is simulatable agreement"));
    }

    /** Whether the model's built-in explanation reads as an attribution (checked on one row). */
    public static boolean applies(Predictor model, Instance x) {
        return model instanceof InterpretableModel<?> m && m.explain(x).explanation().asAttribution().isPresent();
    }
}
