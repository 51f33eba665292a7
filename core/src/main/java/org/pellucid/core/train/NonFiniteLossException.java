package org.pellucid.core.train;

/** The loss became NaN or infinite; names the epoch so the user can lower the learning rate there. */
public final class NonFiniteLossException extends TrainingException {
    private final int epoch;

    public NonFiniteLossException(int epoch, double loss) {
        super("the training loss became " + (Double.isNaN(loss) ? "NaN" : "infinite") + " in epoch " + epoch
                + "; lower the learning rate or check the inputs for extreme values");
        this.epoch = epoch;
    }

    public int epoch() {
        return epoch;
    }
}
