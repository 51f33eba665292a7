package org.pellucid.core.train;

/**
 * Options of the training loop, validated on construction.
 *
 * @param epochs maximum passes over the training rows
 * @param batchSize rows per step
 * @param learningRate Adam's step size
 * @param weightDecay L2 penalty (added to the gradient) or decoupled decay (AdamW)
 * @param decoupledWeightDecay true for AdamW (Loshchilov &amp; Hutter, ICLR 2019)
 * @param patience epochs without validation improvement before stopping; 0 disables early stopping
 * @param seed seeds the initial parameters and the batch order
 * @param device where to train
 * @param progress receives one report per epoch
 * @param optimizer Adam (default) or SGD with momentum
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double weightDecay,
                              boolean decoupledWeightDecay, int patience, long seed, DeviceChoice device,
                              ProgressListener progress, Optimizer optimizer) {

    public TrainingOptions(int epochs, int batchSize, double learningRate, double weightDecay, boolean decoupledWeightDecay,
                           int patience, long seed, DeviceChoice device, ProgressListener progress) {
        this(epochs, batchSize, learningRate, weightDecay, decoupledWeightDecay, patience, seed, device, progress, Optimizer.ADAM);
    }

    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a non-negative number, got " + weightDecay);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be non-negative, got " + patience);
        }
        device = device == null ? DeviceChoice.CPU : device;
        progress = progress == null ? ProgressListener.silent() : progress;
        optimizer = optimizer == null ? Optimizer.ADAM : optimizer;
    }

    public TrainingOptions withOptimizer(Optimizer o) {
        return new TrainingOptions(epochs, batchSize, learningRate, weightDecay, decoupledWeightDecay, patience, seed, device, progress, o);
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(50, 256, 1e-3, 0, false, 5, 1, DeviceChoice.CPU, ProgressListener.silent());
    }

    public TrainingOptions withEpochs(int e) {
        return new TrainingOptions(e, batchSize, learningRate, weightDecay, decoupledWeightDecay, patience, seed, device, progress, optimizer);
    }

    public TrainingOptions withBatchSize(int b) {
        return new TrainingOptions(epochs, b, learningRate, weightDecay, decoupledWeightDecay, patience, seed, device, progress, optimizer);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(epochs, batchSize, lr, weightDecay, decoupledWeightDecay, patience, seed, device, progress, optimizer);
    }

    public TrainingOptions withWeightDecay(double wd, boolean decoupled) {
        return new TrainingOptions(epochs, batchSize, learningRate, wd, decoupled, patience, seed, device, progress, optimizer);
    }

    public TrainingOptions withPatience(int p) {
        return new TrainingOptions(epochs, batchSize, learningRate, weightDecay, decoupledWeightDecay, p, seed, device, progress, optimizer);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(epochs, batchSize, learningRate, weightDecay, decoupledWeightDecay, patience, s, device, progress, optimizer);
    }

    public TrainingOptions withDevice(DeviceChoice d) {
        return new TrainingOptions(epochs, batchSize, learningRate, weightDecay, decoupledWeightDecay, patience, seed, d, progress, optimizer);
    }

    public TrainingOptions withProgress(ProgressListener p) {
        return new TrainingOptions(epochs, batchSize, learningRate, weightDecay, decoupledWeightDecay, patience, seed, device, p, optimizer);
    }
}
