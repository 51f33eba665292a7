package org.pellucid.core.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.pellucid.core.model.Differentiable;

/**
 * Inference with trained parameters: the parameter views are made once, and each call runs in its
 * own {@link NDScope} (thread-local), so many threads can predict at once and nothing leaks.
 * Parameters carry no gradient, so no autograd graph is built.
 */
public final class NetworkRunner implements AutoCloseable {
    private final Network net;
    private final float[] parameters;
    private final NDManager manager;
    private final Params params;

    public NetworkRunner(Network net, float[] parameters, Device device) {
        if (parameters.length != net.layout().size()) {
            throw new IllegalArgumentException(parameters.length + " parameters for a network of " + net.layout().size());
        }
        this.net = net;
        this.parameters = parameters.clone();
        this.manager = Torch.engine().newBaseManager(device);
        NDArray flat = manager.create(this.parameters);
        this.params = Params.view(net.layout(), flat);
    }

    public Network network() {
        return net;
    }

    /** A copy of the flat parameter vector. */
    public float[] parameters() {
        return parameters.clone();
    }

    /** Outputs for {@code rows} encoded rows (row-major); returns rows × outputs values. */
    public float[] forward(float[] x, int rows) {
        int width = rows == 0 ? 0 : x.length / rows;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray in = manager.create(x, new Shape(rows, width));
            return net.forward(params, in).toFloatArray();
        }
    }

    /**
     * The softmax probability of {@code target} (or, with {@code softmax} false, raw output
     * {@code target}) for each row, and its gradient with respect to the row, by autograd.
     * Returns {@code [outputs, gradients]}: rows values, then rows × width values.
     */
    public float[][] inputGradients(float[] x, int rows, int target, boolean softmax) {
        return inputGradients(x, rows, target, softmax, 0);
    }

    /**
     * As {@link #inputGradients(float[], int, int, boolean)} for a network whose class outputs are
     * its columns from {@code firstOutput} on (a concept model's full network puts its concept
     * logits first): the softmax and {@code target} are taken over those columns only.
     */
    public float[][] inputGradients(float[] x, int rows, int target, boolean softmax, int firstOutput) {
        int width = rows == 0 ? 0 : x.length / rows;
        return withGradients((n, p, mg, gc) -> {
            NDArray in = mg.create(x, new Shape(rows, width));
            in.setRequiresGradient(true);
            NDArray out = n.forward(p, in);
            if (firstOutput > 0) {
                out = out.get(":, " + firstOutput + ":");
            }
            if (softmax) {
                out = out.softmax(1);
            }
            NDArray y = out.get(":, " + target);
            gc.backward(y.sum());
            return new float[][] {y.toFloatArray(), in.getGradient().toFloatArray()};
        });
    }

    /**
     * Gradients of {@code rows} encoded rows by {@link #inputGradients(float[], int, int, boolean, int)},
     * taken from and returned as double rows.
     */
    public Differentiable.Gradients gradients(double[][] encodedRows, int width, int target,
                                                                      boolean softmax, int firstOutput) {
        int rows = encodedRows.length;
        float[] x = new float[rows * width];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                x[i * width + j] = (float) encodedRows[i][j];
            }
        }
        float[][] r = inputGradients(x, rows, target, softmax, firstOutput);
        double[] out = new double[rows];
        double[][] g = new double[rows][width];
        for (int i = 0; i < rows; i++) {
            out[i] = r[0][i];
            for (int j = 0; j < width; j++) {
                g[i][j] = r[1][i * width + j];
            }
        }
        return new Differentiable.Gradients(out, g);
    }

    /** A computation on the parameter views with autograd on; whatever it returns must be plain Java (its arrays are freed). */
    @FunctionalInterface
    public interface GradientPass<T> {
        T run(Network net, Params params, NDManager manager, GradientCollector collector);
    }

    /** Runs {@code pass} under the gradient lock, in its own scope, with a fresh gradient collector. */
    public <T> T withGradients(GradientPass<T> pass) {
        try (Autograd.Held lock = Autograd.hold();
             NDScope scope = new NDScope();
             GradientCollector gc = Torch.engine().newGradientCollector()) {
            scope.suppressNotUsedWarning();
            return pass.run(net, params, manager, gc);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
