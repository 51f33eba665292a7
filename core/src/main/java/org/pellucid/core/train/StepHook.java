package org.pellucid.core.train;

import ai.djl.ndarray.NDArray;

/**
 * Runs after every optimizer step on the flat parameter vector, in place and outside autograd —
 * the place for proximal operators (soft-thresholding, hierarchical projections) and constraints.
 */
@FunctionalInterface
public interface StepHook {
    void afterStep(NDArray flatParams, ParamLayout layout, long step);

    static StepHook none() {
        return (p, l, s) -> {};
    }
}
