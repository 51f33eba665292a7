package org.pellucid.core.model;

import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.FeatureAttribution;

/**
 * A model whose built-in attribution can be taken for any class, not only the one its
 * {@code explain} speaks of — what explanation metrics need when they score the predicted class.
 */
public interface ClassAttributable {
    FeatureAttribution attribution(Instance x, int targetClass);
}
