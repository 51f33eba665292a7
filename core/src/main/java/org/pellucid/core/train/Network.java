package org.pellucid.core.train;

import ai.djl.ndarray.NDArray;
import java.util.Random;

/**
 * A differentiable function of named parameters, written with DJL NDArray operations. The same
 * {@link #forward} serves training (parameters are views of the trained flat vector) and inference.
 * Implement this to train a new kind of network with {@link Trainer}.
 */
public interface Network {

    /** The parameters, by name and shape. */
    ParamLayout layout();

    /** Initial values of the flat parameter vector, drawn from {@code rnd} (seeded: same seed, same start). */
    float[] initialize(Random rnd);

    /** The network's output (logits for classifiers) for a batch {@code x} of shape (batch, inputs). */
    NDArray forward(Params p, NDArray x);
}
