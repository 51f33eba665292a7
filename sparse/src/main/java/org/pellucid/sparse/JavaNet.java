package org.pellucid.sparse;

import org.pellucid.core.train.ParamLayout;

/**
 * The trained network evaluated in double precision in Java, with the gradient of one output with
 * respect to the inputs — what Integrated Gradients needs, without autograd state, from any thread.
 */
final class JavaNet {
    private final boolean skip;
    private final int in;
    private final int out;
    private final double[][][] w; // [layer][out][in]
    private final double[][] b;
    private final double[][] theta; // [out][in] or null

    JavaNet(SparseNetwork net, float[] p) {
        ParamLayout layout = net.layout();
        this.skip = net.skip();
        this.in = net.inputs();
        this.out = net.outputs();
        int layers = net.layers();
        w = new double[layers][][];
        b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            ParamLayout.Slot ws = layout.slot("w" + l);
            ParamLayout.Slot bs = layout.slot("b" + l);
            int rows = (int) ws.shape().get(0);
            int cols = (int) ws.shape().get(1);
            w[l] = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    w[l][r][c] = p[(int) ws.offset() + r * cols + c];
                }
            }
            b[l] = new double[rows];
            for (int r = 0; r < rows; r++) {
                b[l][r] = p[(int) bs.offset() + r];
            }
        }
        if (skip) {
            ParamLayout.Slot ts = layout.slot("theta");
            theta = new double[out][in];
            for (int r = 0; r < out; r++) {
                for (int c = 0; c < in; c++) {
                    theta[r][c] = p[(int) ts.offset() + r * in + c];
                }
            }
        } else {
            theta = null;
        }
    }

    /** Outputs for input x; when {@code grad} is non-null, also d output[target] / d x into it. */
    double[] forward(double[] x, int target, double[] grad) {
        int layers = w.length;
        double[][] act = new double[layers + 1][];
        act[0] = x;
        for (int l = 0; l < layers; l++) {
            double[] z = b[l].clone();
            for (int r = 0; r < z.length; r++) {
                double s = 0;
                double[] row = w[l][r];
                for (int c = 0; c < row.length; c++) {
                    s += row[c] * act[l][c];
                }
                z[r] += s;
                if (l + 1 < layers) {
                    z[r] = Math.max(0, z[r]);
                }
            }
            act[l + 1] = z;
        }
        double[] o = act[layers];
        if (skip) {
            for (int r = 0; r < out; r++) {
                for (int c = 0; c < in; c++) {
                    o[r] += theta[r][c] * x[c];
                }
            }
        }
        if (grad != null) {
            double[] delta = new double[out];
            delta[target] = 1;
            for (int l = layers - 1; l >= 0; l--) {
                double[] prev = new double[w[l][0].length];
                for (int r = 0; r < delta.length; r++) {
                    if (delta[r] == 0) {
                        continue;
                    }
                    double[] row = w[l][r];
                    for (int c = 0; c < row.length; c++) {
                        prev[c] += row[c] * delta[r];
                    }
                }
                if (l > 0) {
                    for (int c = 0; c < prev.length; c++) {
                        if (act[l][c] <= 0) {
                            prev[c] = 0; // ReLU was inactive
                        }
                    }
                }
                delta = prev;
            }
            for (int c = 0; c < in; c++) {
                grad[c] = delta[c] + (skip ? theta[target][c] : 0);
            }
        }
        return o;
    }
}
