package org.pellucid.core.model;

import org.pellucid.core.explain.Explanation;

/**
 * A prediction together with the explanation of that very prediction, both from one forward pass.
 */
public record Explained<E extends Explanation>(Prediction prediction, E explanation) {}
