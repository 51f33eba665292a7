package org.pellucid.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * The early-stopping policy of {@link Trainer}: remembers the epoch with the best validation score
 * and a copy of its parameters, and says to stop once {@code patience} epochs in a row have not
 * beaten it. With patience 0 it only watches: nothing is kept and it never stops training.
 */
final class EarlyStopping implements AutoCloseable {
    private final int patience;
    private NDArray best;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private int sinceBest;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records an epoch's validation score; keeps a copy of {@code theta} when it is the best so far. */
    void observe(int epoch, double score, NDArray theta) {
        if (score > bestScore) {
            bestScore = score;
            bestEpoch = epoch;
            sinceBest = 0;
            if (patience > 0) {
                if (best != null) {
                    best.close();
                }
                best = theta.stopGradient().duplicate();
                NDScope.unregister(best);
            }
        } else {
            sinceBest++;
        }
    }

    boolean shouldStop() {
        return patience > 0 && sinceBest >= patience;
    }

    /** Whether parameters of a best epoch are kept (only with patience). */
    boolean hasBest() {
        return best != null;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    float[] best() {
        return best.toFloatArray();
    }

    @Override
    public void close() {
        if (best != null) {
            best.close();
        }
    }
}
