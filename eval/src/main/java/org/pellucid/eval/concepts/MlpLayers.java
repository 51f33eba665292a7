package org.pellucid.eval.concepts;

import java.util.Arrays;
import org.pellucid.core.data.Instance;
import org.pellucid.core.models.MlpModel;
import org.pellucid.core.train.MlpNetwork;
import org.pellucid.core.train.ParamLayout;

/**
 * An MLP's layers read from its parameters: activations of every layer for a row, and the gradient
 * of a class logit with respect to one hidden layer's activations — what probes and TCAV need.
 */
public final class MlpLayers {
    private final MlpModel model;
    private final float[] p;
    private final ParamLayout layout;
    private final int[] sizes;

    public MlpLayers(MlpModel model) {
        this.model = model;
        MlpNetwork net = model.network();
        this.p = model.parameters();
        this.layout = net.layout();
        sizes = new int[net.hidden().length + 2];
        sizes[0] = net.inputs();
        System.arraycopy(net.hidden(), 0, sizes, 1, net.hidden().length);
        sizes[sizes.length - 1] = net.outputs();
    }

    /** Hidden layers (1 … hidden count); layer 0 is the encoded input, the last the logits. */
    public int hiddenLayers() {
        return sizes.length - 2;
    }

    /** Weight from unit j of layer l to unit k of layer l + 1 (layer 0 is the encoded input). */
    public double weight(int l, int k, int j) {
        return p[(int) (layout.slot("w" + l).offset() + (long) k * sizes[l] + j)];
    }

    /** Bias of unit k of layer l + 1. */
    public double bias(int l, int k) {
        return p[(int) (layout.slot("b" + l).offset() + k)];
    }

    /** Units in layer l (0: encoded inputs; the last: logits). */
    public int width(int l) {
        return sizes[l];
    }

    /** Weight layers: hidden layers + 1. */
    public int weightLayers() {
        return sizes.length - 1;
    }

    private double w(int l, int k, int j) {
        return weight(l, k, j);
    }

    /** Layer l + 1's pre-activations z from layer l's activations. */
    private double[] preActivations(int l, double[] in) {
        double[] z = new double[sizes[l + 1]];
        for (int k = 0; k < z.length; k++) {
            double s = bias(l, k);
            for (int j = 0; j < sizes[l]; j++) {
                s += w(l, k, j) * in[j];
            }
            z[k] = s;
        }
        return z;
    }

    /** One forward pass: a[l] the activations (ReLU, logits last) and z[l] the pre-activations (z[0] unused). */
    public record Pass(double[][] a, double[][] z) {}

    public Pass forward(Instance x) {
        int layers = sizes.length - 1;
        double[][] a = new double[layers + 1][];
        double[][] z = new double[layers + 1][];
        a[0] = model.encoder().encode(x);
        for (int l = 0; l < layers; l++) {
            z[l + 1] = preActivations(l, a[l]);
            a[l + 1] = l + 1 < layers ? Arrays.stream(z[l + 1]).map(v -> Math.max(0, v)).toArray() : z[l + 1];
        }
        return new Pass(a, z);
    }

    /** a[0] = encoded row, a[l] = ReLU activations of hidden layer l, a[last] = logits. */
    public double[][] activations(Instance x) {
        return forward(x).a();
    }

    /** The logits when layer {@code layer}'s activations are {@code h} (the layers above it run as usual). */
    double[] logitsFrom(double[] h, int layer) {
        int layers = sizes.length - 1;
        double[] a = h.clone();
        for (int l = layer; l < layers; l++) {
            double[] z = preActivations(l, a);
            a = l + 1 < layers ? Arrays.stream(z).map(v -> Math.max(0, v)).toArray() : z;
        }
        return a;
    }

    /** ∂ logit[cls] / ∂ a[layer], back through the ReLUs above the layer. */
    public double[] logitGradient(double[][] a, int layer, int cls) {
        int layers = sizes.length - 1;
        double[] g = new double[sizes[layers]];
        g[cls] = 1;
        for (int l = layers - 1; l >= layer; l--) {
            double[] below = new double[sizes[l]];
            for (int k = 0; k < sizes[l + 1]; k++) {
                // the ReLU of layer l+1 passes the gradient only where it was active (not the logits)
                double gk = l + 1 < layers && a[l + 1][k] <= 0 ? 0 : g[k];
                if (gk == 0) {
                    continue;
                }
                for (int j = 0; j < sizes[l]; j++) {
                    below[j] += gk * w(l, k, j);
                }
            }
            g = below;
        }
        return g;
    }
}
