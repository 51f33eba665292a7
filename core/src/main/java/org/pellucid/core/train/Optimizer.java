package org.pellucid.core.train;

/**
 * The update rule. Adam adapts each parameter's step to its gradient history; plain SGD with
 * momentum keeps step sizes proportional to gradients, which is what proximal penalties assume — with
 * Adam every group gets a similar push whatever its gradient, and a group lasso then prunes all
 * groups at about the same λ.
 */
public enum Optimizer {
    ADAM,
    /** SGD with momentum 0.9. */
    SGD_MOMENTUM
}
