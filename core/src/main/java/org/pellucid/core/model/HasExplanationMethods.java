package org.pellucid.core.model;

import java.util.List;
import org.pellucid.core.io.Savable;

/**
 * A model whose built-in explanation can be computed more than one way (attention: raw weights,
 * rollout, flow, gradient-weighted rollout). Commands switch the method through this interface,
 * never the model's class.
 */
public interface HasExplanationMethods {

    /** The methods, by the names a user types. */
    List<String> explanationMethods();

    /**
     * The same model, explaining by {@code method}.
     *
     * @throws IllegalArgumentException when {@code method} is not one of {@link #explanationMethods()}
     */
    Savable withExplanationMethod(String method);
}
