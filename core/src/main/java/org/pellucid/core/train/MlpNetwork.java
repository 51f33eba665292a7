package org.pellucid.core.train;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Random;

/**
 * A multilayer perceptron with ReLU hidden layers: inputs → hidden[0] → … → outputs. With no
 * hidden layers it is a linear (softmax-regression) model. Weights are stored (out, in), as
 * PyTorch's {@code nn.Linear} stores them, so a layer is one fused {@code linear} call (x·Wᵀ + b);
 * initialisation is uniform in ±1/√fan-in for weights and biases, as {@code nn.Linear} does,
 * drawn from the seeded generator.
 */
public final class MlpNetwork implements Network {
    private final int[] sizes;
    private final ParamLayout layout = new ParamLayout();

    public MlpNetwork(int inputs, int[] hidden, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a network needs at least one input and one output");
        }
        sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden layer sizes must be positive, got " + Arrays.toString(hidden));
            }
            sizes[i + 1] = hidden[i];
        }
        sizes[sizes.length - 1] = outputs;
        for (int l = 0; l + 1 < sizes.length; l++) {
            layout.add("w" + l, sizes[l + 1], sizes[l]);
            layout.add("b" + l, sizes[l + 1]);
        }
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    public int[] hidden() {
        return Arrays.copyOfRange(sizes, 1, sizes.length - 1);
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    @Override
    public float[] initialize(Random rnd) {
        float[] p = new float[(int) layout.size()];
        int k = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            double bound = 1 / Math.sqrt(sizes[l]);
            int count = sizes[l] * sizes[l + 1] + sizes[l + 1];
            for (int i = 0; i < count; i++) {
                p[k++] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            }
        }
        return p;
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        NDArray h = x;
        int layers = sizes.length - 1;
        for (int l = 0; l < layers; l++) {
            h = h.getNDArrayInternal().linear(h, p.get("w" + l), p.get("b" + l)).singletonOrThrow();
            if (l + 1 < layers) {
                h = h.getNDArrayInternal().relu();
            }
        }
        return h;
    }
}
