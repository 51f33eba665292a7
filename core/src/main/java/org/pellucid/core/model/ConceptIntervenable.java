package org.pellucid.core.model;

import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.ConceptExplanation;

/**
 * A concept model a user can intervene on: concept values are set by hand and the label recomputed
 * from them (Koh et al., "Concept Bottleneck Models", ICML 2020). The shared contract uses it to
 * check that a {@link ConceptExplanation} reports the concept values the prediction was made from:
 * intervening with exactly the reported values must leave the prediction unchanged.
 */
public interface ConceptIntervenable {

    /**
     * The prediction and its concept explanation when concept {@code i} takes {@code given[i]}
     * (NaN keeps the predicted value); {@code given} has one entry per concept of the explanation, or
     * is null for no intervention at all.
     */
    Explained<ConceptExplanation> explain(Instance x, double[] given);
}
