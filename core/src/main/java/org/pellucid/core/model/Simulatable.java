package org.pellucid.core.model;

/**
 * A model whose explanation can itself be run: a person (or this predictor) who follows the
 * explanation reaches the model's prediction. Fidelity metrics check the claim.
 */
public interface Simulatable {

    /** The explanation as an executable predictor, independent of the model's own code path. */
    Predictor asExecutable();
}
