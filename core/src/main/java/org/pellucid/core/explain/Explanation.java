package org.pellucid.core.explain;

import java.util.List;
import java.util.Optional;

/**
 * A local explanation of one prediction, as a typed value. Every kind names the input columns it
 * speaks of in the user's terms, and projects to a {@link FeatureAttribution} where that makes sense
 * so that attribution metrics (deletion curves, faithfulness, stability…) apply to it.
 */
public sealed interface Explanation
        permits FeatureAttribution, ConceptExplanation, AttentionExplanation, RuleExplanation, TreePathExplanation {

    /** The user's column names this explanation refers to, most important first where it has an order. */
    List<String> features();

    /** The explanation as per-column attributions, when it has such a reading. */
    Optional<FeatureAttribution> asAttribution();

    /** A few lines a person can read. */
    String toText();
}
