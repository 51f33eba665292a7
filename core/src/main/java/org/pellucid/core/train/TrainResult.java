package org.pellucid.core.train;

import java.util.List;
import org.pellucid.core.model.TrainingSummary;

/**
 * The outcome of {@link Trainer#fit}: the kept parameters (those of the best validation epoch when
 * early stopping is on, else the last), the history, and how training ended.
 */
public record TrainResult(float[] parameters, List<EpochReport> history, int bestEpoch, long steps, double seconds,
                          String stopReason) {
    public TrainResult {
        history = List.copyOf(history);
    }

    /** The best epoch and the stop reason, as a model's training summary. */
    public TrainingSummary summary() {
        return TrainingSummary.ofEpochs(bestEpoch, stopReason);
    }
}
