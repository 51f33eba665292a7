package org.pellucid.core.train;

import ai.djl.ndarray.NDArray;

/** The loss a network is trained to minimise, as a scalar NDArray of a batch's outputs and targets. */
@FunctionalInterface
public interface Objective {

    NDArray loss(NDArray output, NDArray target);

    /**
     * Mean softmax cross-entropy of logits (batch, classes) against one-hot targets (batch, classes);
     * one-hot targets let a batch's loss be a product and a sum, with no gather.
     */
    static Objective softmaxCrossEntropy() {
        return (out, y) -> out.logSoftmax(1).mul(y).sum().div(-out.getShape().get(0));
    }

    /** Mean squared error of outputs (batch, 1) against values (batch,). */
    static Objective meanSquaredError() {
        return (out, y) -> out.reshape(-1).sub(y).square().mean();
    }
}
