package org.pellucid.core.model;

import java.util.Optional;
import org.pellucid.core.explain.StatedForm;

/**
 * A model whose explanation can itself be run: a person (or this predictor) who follows the
 * explanation reaches the model's prediction. Fidelity metrics check the claim.
 *
 * <p>Rule lists and trees state their whole procedure as a {@link StatedForm}, plain data in the
 * user's terms; the shared contract writes it to JSON, reads it back and runs it with code of its
 * own, so the claim is checked against what the model <em>says</em>, not against its own code.
 * Linear models state their procedure through their exact attributions (intercept plus one term per
 * column), which the contract checks for completeness instead.
 */
public interface Simulatable {

    /** The explanation as an executable predictor, independent of the model's own code path. */
    Predictor asExecutable();

    /** The whole decision procedure as data, where the model has one (rule lists, trees). */
    default Optional<StatedForm> statedForm() {
        return Optional.empty();
    }
}
