package org.pellucid.core.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the training loop's tensors live: trains a small network for a few steps through
 * {@link Trainer#fit} on the chosen device and records the device of every parameter view and every
 * batch the network is handed, of the validation batch, and of the flat parameter vector after each
 * optimizer step. A correct loop puts all of them on the one device it resolved; a tensor made on
 * the CPU while training on a GPU (or the reverse) shows up as a second device. {@code ./pellucid
 * doctor} runs it on the device the user asks for; the tests run it on the CPU and, where the engine
 * sees one, on a GPU.
 */
public final class DevicePlacement {
    private DevicePlacement() {}

    /**
     * What the check saw.
     *
     * @param device the device the training loop resolved
     * @param seen every device a parameter or batch tensor was on, as DJL names them
     * @param tensors how many tensors were looked at
     * @param steps optimizer steps taken
     */
    public record Report(Device device, Set<String> seen, int tensors, long steps) {
        /** Whether every tensor was on {@link #device}. */
        public boolean allOnDevice() {
            return seen.size() == 1 && seen.contains(device.toString());
        }
    }

    /** Trains a two-layer network on 256 seeded random rows for two epochs on {@code choice}. */
    public static Report check(DeviceChoice choice) {
        Device device = choice.resolve();
        int rows = 256;
        int width = 6;
        Random rnd = new Random(7);
        float[] x = new float[rows * width];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                x[i * width + j] = (float) rnd.nextGaussian();
            }
            labels[i] = x[i * width] + x[i * width + 1] > 0 ? 1 : 0;
        }
        TensorData all = TensorData.classification(x, rows, width, labels, 2);
        TensorData train = slice(all, 0, 192);
        TensorData valid = slice(all, 192, rows);
        Recording net = new Recording(new MlpNetwork(width, new int[] {8}, 2));
        long[] steps = {0};
        StepHook hook = (flat, layout, step) -> {
            net.note(flat);
            steps[0] = step;
        };
        TrainingOptions o = TrainingOptions.defaults().withEpochs(2).withBatchSize(64).withPatience(0)
                .withSeed(1).withDevice(choice).withProgress(ProgressListener.silent());
        Trainer.fit(net, train, valid, Objective.softmaxCrossEntropy(), Trainer.ValidationMetric.accuracy(), hook, o);
        return new Report(device, net.seen, net.count, steps[0]);
    }

    private static TensorData slice(TensorData d, int from, int to) {
        float[] f = Arrays.copyOfRange(d.features(), from * d.width(), to * d.width());
        float[] t = Arrays.copyOfRange(d.targets(), from * d.targetWidth(), to * d.targetWidth());
        return new TensorData(f, to - from, d.width(), t, d.targetWidth(), Arrays.copyOfRange(d.labels(), from, to));
    }

    /** A network that notes the device of each parameter view and input it is handed. */
    private static final class Recording implements Network {
        private final Network inner;
        private final Set<String> seen = new TreeSet<>();
        private int count;

        Recording(Network inner) {
            this.inner = inner;
        }

        void note(NDArray a) {
            seen.add(a.getDevice().toString());
            count++;
        }

        @Override
        public ParamLayout layout() {
            return inner.layout();
        }

        @Override
        public float[] initialize(Random rnd) {
            return inner.initialize(rnd);
        }

        @Override
        public NDArray forward(Params p, NDArray x) {
            note(x);
            for (ParamLayout.Slot s : inner.layout().slots()) {
                note(p.get(s.name()));
            }
            NDArray out = inner.forward(p, x);
            note(out);
            return out;
        }
    }
}
