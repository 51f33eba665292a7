package org.pellucid.eval.explainers;

import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Predictor;

/**
 * A post-hoc explainer: attributes one output of any {@link Predictor} to the input columns, and
 * returns the core {@link FeatureAttribution}, so post-hoc and built-in explanations are scored by
 * the same metrics. Implementations are stateless apart from their settings and safe to share.
 */
public interface Explainer {

    String name();

    /** Attributions of {@code output.of(model.predict(x), targetClass)} to x's columns. */
    FeatureAttribution explain(Predictor model, Instance x, int targetClass);
}
