package org.pellucid.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pellucid.core.model.Scores;

/**
 * The training loop every neural model in Pellucid shares: Adam or AdamW (Kingma &amp; Ba, ICLR
 * 2015; Loshchilov &amp; Hutter, ICLR 2019) on mini-batches drawn from data already on the device,
 * early stopping on a validation split, seeded determinism on CPU.
 *
 * <p>Why it is fast: all parameters live in one flat vector, the named tensors are views of it made
 * once per training run (inside autograd, so gradients flow through them into the flat vector), and
 * each step makes one fused native Adam call for the whole network. DJL spends several microseconds
 * per operation on its side of the native call, so operations saved per step are what count. Each epoch permutes the rows with
 * one gather, after which batches are contiguous slices. Every step runs in an {@link NDScope}, so
 * its intermediate arrays are freed when it ends and native memory stays flat across epochs.
 * The loss is summed on the device and read once per epoch; a NaN or infinite loss stops training
 * with a {@link NonFiniteLossException} naming the epoch.
 */
public final class Trainer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private Trainer() {}

    /** Validation score of a network's outputs on the validation rows; higher is better. */
    @FunctionalInterface
    public interface ValidationMetric {
        double score(NDArray output, NDArray targets, NDArray labels);

        /** Share of rows whose arg-max output is the label. */
        static ValidationMetric accuracy() {
            return (out, t, labels) -> out.argMax(1).eq(labels).toType(DataType.FLOAT32, false).mean().getFloat();
        }

        /** {@link org.pellucid.core.model.Scores#macroF1} of the arg-max of the first {@code classes} outputs. */
        static ValidationMetric macroF1(int classes) {
            return (out, t, labels) -> Scores.macroF1(labels.toType(DataType.INT32, false).toIntArray(),
                    out.get(new NDIndex(":, 0:{}", classes)).argMax(1).toType(DataType.INT32, false).toIntArray(),
                    classes);
        }

        /** Negative mean cross-entropy of logits against one-hot targets: smoother than accuracy on small validation sets. */
        static ValidationMetric negativeCrossEntropy() {
            return (out, t, labels) -> -Objective.softmaxCrossEntropy().loss(out, t).getFloat();
        }

        /** Negative mean squared error (so that higher is better). */
        static ValidationMetric negativeMse() {
            return (out, t, labels) -> -out.reshape(-1).sub(t.reshape(-1)).square().mean().getFloat();
        }
    }

    public static TrainResult fit(Network net, TensorData train, TensorData valid, Objective objective, TrainingOptions o) {
        ValidationMetric metric = train.labels() != null ? ValidationMetric.accuracy() : ValidationMetric.negativeMse();
        return fit(net, train, valid, objective, metric, StepHook.none(), o);
    }

    /**
     * Trains {@code net}: an {@link EpochRunner} makes one pass over the shuffled rows per epoch, the
     * validation score is read after each, an {@link EarlyStopping} policy keeps the best epoch's
     * parameters and says when to stop, and the options' {@link ProgressListener} hears every epoch.
     */
    public static TrainResult fit(Network net, TensorData train, TensorData valid, Objective objective,
                                  ValidationMetric metric, StepHook hook, TrainingOptions o) {
        Engine engine = Torch.engine();
        Device device = o.device().resolve();
        ParamLayout layout = net.layout();
        Random rnd = new Random(o.seed());
        float[] init = net.initialize(rnd);
        if (init.length != layout.size()) {
            throw new IllegalStateException("network initialised " + init.length + " parameters, its layout has " + layout.size());
        }
        long start = System.nanoTime();
        try (NDManager m = engine.newBaseManager(device)) {
            EpochRunner runner = new EpochRunner(engine, m, net, objective, hook, o, init, train, rnd);
            Validation val = Validation.of(m, valid);
            boolean early = o.patience() > 0 && val != null;
            try (EarlyStopping stop = new EarlyStopping(early ? o.patience() : 0)) {
                List<EpochReport> history = new ArrayList<>();
                String reason = "reached " + o.epochs() + " epochs";
                for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                    double epochLoss = runner.epoch();
                    if (!Double.isFinite(epochLoss)) {
                        if (stop.hasBest()) {
                            // diverged after a good epoch was kept: stop there and say so, rather than lose it
                            reason = "the training loss became " + epochLoss + " in epoch " + epoch
                                    + "; kept epoch " + stop.bestEpoch() + ", the best before it";
                            o.progress().onMessage(reason);
                            break;
                        }
                        throw new NonFiniteLossException(epoch, epochLoss);
                    }
                    double score = val == null ? Double.NaN : val.score(net, layout, runner.theta(), metric);
                    if (val != null) {
                        stop.observe(epoch, score, runner.theta());
                    }
                    double secs = (System.nanoTime() - start) / 1e9;
                    EpochReport r = new EpochReport(epoch, o.epochs(), epochLoss, score, secs,
                            secs / epoch * (o.epochs() - epoch), m.getManagedArrays().size());
                    history.add(r);
                    o.progress().onEpoch(r);
                    if (stop.shouldStop()) {
                        reason = "no validation improvement for " + o.patience() + " epochs";
                        break;
                    }
                }
                int bestEpoch = stop.hasBest() ? stop.bestEpoch() : history.size();
                float[] params = stop.hasBest() ? stop.best() : runner.theta().stopGradient().toFloatArray();
                o.progress().onEnd(bestEpoch, reason);
                for (float f : params) {
                    if (!Float.isFinite(f)) {
                        throw new NonFiniteLossException(bestEpoch, Double.NaN);
                    }
                }
                return new TrainResult(params, history, bestEpoch, runner.steps(), (System.nanoTime() - start) / 1e9, reason);
            }
        }
    }

    /** The validation rows on the device, made once per run, and how they are scored. */
    private record Validation(NDArray x, NDArray targets, NDArray labels) {
        static Validation of(NDManager m, TensorData valid) {
            if (valid == null || valid.rows() == 0) {
                return null;
            }
            NDArray lv = valid.labels() == null ? null : m.create(Arrays.stream(valid.labels()).asLongStream().toArray());
            return new Validation(m.create(valid.features(), new Shape(valid.rows(), valid.width())),
                    m.create(valid.targets(), new Shape(valid.rows(), valid.targetWidth())), lv);
        }

        double score(Network net, ParamLayout layout, NDArray theta, ValidationMetric metric) {
            try (NDScope vs = new NDScope()) {
                vs.suppressNotUsedWarning();
                return metric.score(net.forward(Params.view(layout, theta.stopGradient()), x), targets, labels);
            }
        }
    }

    /**
     * One pass over the training rows per call: the rows (already on the device) permuted with one
     * gather, then contiguous batches, each a forward pass, a backward pass and one fused Adam (or
     * SGD) update of the flat parameter vector, inside its own {@link NDScope}. The loss is summed on
     * the device and read once, at the end of the epoch.
     */
    private static final class EpochRunner {
        private final Engine engine;
        private final NDManager m;
        private final Network net;
        private final Objective objective;
        private final StepHook hook;
        private final TrainingOptions o;
        private final Random rnd;
        private final ParamLayout layout;
        private final NDArray theta;
        private final NDArray mean;
        private final NDArray var;
        private final NDArray x;
        private final NDArray y;
        private final Params views;
        private final int n;
        private final int bs;
        private long t;

        EpochRunner(Engine engine, NDManager m, Network net, Objective objective, StepHook hook, TrainingOptions o, float[] init,
                    TensorData train, Random rnd) {
            this.engine = engine;
            this.m = m;
            this.net = net;
            this.objective = objective;
            this.hook = hook;
            this.o = o;
            this.rnd = rnd;
            this.layout = net.layout();
            theta = m.create(init);
            theta.setRequiresGradient(true);
            mean = m.zeros(theta.getShape());
            var = m.zeros(theta.getShape());
            x = m.create(train.features(), new Shape(train.rows(), train.width()));
            y = m.create(train.targets(), new Shape(train.rows(), train.targetWidth()));
            // views of theta made once, with autograd on, so each step's graph runs through them into theta;
            // they need no saved tensors, so reusing them across backward passes is safe
            try (Autograd.Held lock = Autograd.hold(); GradientCollector gc = engine.newGradientCollector()) {
                views = Params.view(layout, theta);
            }
            n = train.rows();
            bs = Math.min(o.batchSize(), n);
        }

        NDArray theta() {
            return theta;
        }

        long steps() {
            return t;
        }

        /** One epoch; returns the mean training loss of its steps. */
        double epoch() {
            int steps = 0;
            try (NDScope epochScope = new NDScope()) {
                epochScope.suppressNotUsedWarning();
                NDArray idx = m.create(permutation(n, rnd));
                NDArray xp = x.get(idx);
                NDArray yp = y.get(idx);
                NDArray lossSum = m.zeros(new Shape());
                for (int s = 0; s < n; s += bs) {
                    try (NDScope stepScope = new NDScope()) {
                        stepScope.suppressNotUsedWarning();
                        NDIndex rows = new NDIndex().addSliceDim(s, Math.min(n, s + bs));
                        lossSum.addi(step(xp.get(rows), yp.get(rows)));
                        steps++;
                    }
                }
                return lossSum.getFloat() / steps;
            }
        }

        /** One optimizer step on a batch; returns its loss, detached. */
        private NDArray step(NDArray xb, NDArray yb) {
            NDArray loss;
            try (Autograd.Held lock = Autograd.hold(); GradientCollector gc = engine.newGradientCollector()) {
                loss = objective.loss(net.forward(views, xb), yb);
                gc.backward(loss);
            }
            t++;
            float lr = (float) o.learningRate();
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            float lrCorrected = (float) (lr * Math.sqrt(c2) / c1);
            NDArray grad = theta.getGradient();
            if (o.optimizer() == Optimizer.ADAM) {
                theta.getNDArrayInternal().adamUpdate(new NDList(theta, grad, mean, var), new NDList(theta),
                        lr, lrCorrected, (float) o.weightDecay(), 1f, -1f, BETA1, BETA2, EPSILON, true, o.decoupledWeightDecay());
            } else {
                theta.getNDArrayInternal().sgdUpdate(new NDList(theta, grad, mean), new NDList(theta),
                        lr, (float) o.weightDecay(), 1f, -1f, 0.9f, false);
            }
            hook.afterStep(theta, layout, t);
            return loss.stopGradient();
        }
    }

    static long[] permutation(int n, Random rnd) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
