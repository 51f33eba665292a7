package org.pellucid.additive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.Params;

/**
 * The second stage of {@code ga2m}: one small ReLU network per chosen pair of columns, fed the two
 * columns' encoded inputs (a standardised number, or a category's indicators), added to the frozen
 * main-effect logits. Each row's input is its encoded features followed by the main effects' logits
 * (an offset the network does not train), so the shared trainer fits the pairs to what the main
 * effects leave. All pairs run as one batched matrix product: inputs padded to the widest pair,
 * parameters {@code p_w1 (P, Wmax, h)}, {@code p_b1 (P, 1, h)}, {@code p_w2 (P, h, h)},
 * {@code p_b2 (P, 1, h)}, {@code p_w3 (P, h, K)}, {@code p_b3 (P, 1, K)}.
 */
final class PairNetwork implements Network {
    final int[][] inputsOfPair; // encoded input indices per pair: the first column's, then the second's
    final int encodedWidth;
    final int widest;
    final int hidden;
    final int classes;
    private final ParamLayout layout = new ParamLayout();
    private final float[] pick;

    PairNetwork(int encodedWidth, int[][] inputsOfPair, int hidden, int classes) {
        this.encodedWidth = encodedWidth;
        this.inputsOfPair = inputsOfPair;
        this.hidden = hidden;
        this.classes = classes;
        int w = 1;
        for (int[] in : inputsOfPair) {
            w = Math.max(w, in.length);
        }
        widest = w;
        int p = Math.max(1, inputsOfPair.length);
        pick = new float[encodedWidth * p * widest];
        for (int q = 0; q < inputsOfPair.length; q++) {
            for (int t = 0; t < inputsOfPair[q].length; t++) {
                pick[inputsOfPair[q][t] * p * widest + q * widest + t] = 1f;
            }
        }
        layout.add("p_w1", p, widest, hidden).add("p_b1", p, 1, hidden).add("p_w2", p, hidden, hidden).add("p_b2", p, 1, hidden)
                .add("p_w3", p, hidden, classes).add("p_b3", p, 1, classes);
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    @Override
    public float[] initialize(Random rnd) {
        float[] p = new float[(int) layout.size()];
        for (ParamLayout.Slot s : layout.slots()) {
            long[] shape = s.shape().getShape();
            // the output layer starts at zero, so training starts from the main effects' own predictions
            double bound = s.name().equals("p_w3") || s.name().equals("p_b3") ? 0 : 1 / Math.sqrt(s.name().startsWith("p_w") ? shape[1] : 1);
            for (long i = 0; i < s.size(); i++) {
                p[(int) (s.offset() + i)] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            }
        }
        return p;
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        NDManager m = x.getManager();
        long batch = x.getShape().get(0);
        NDArray offsets = x.get(new NDIndex(":, {}:", encodedWidth));
        if (inputsOfPair.length == 0) {
            return offsets;
        }
        int n = inputsOfPair.length;
        NDArray sel = m.create(pick, new Shape(encodedWidth, (long) n * widest));
        NDArray in = x.get(new NDIndex(":, :{}", encodedWidth)).matMul(sel).reshape(batch, n, widest).transpose(1, 0, 2); // (P, B, W)
        NDArray h = in.matMul(p.get("p_w1")).add(p.get("p_b1")).getNDArrayInternal().relu();
        h = h.matMul(p.get("p_w2")).add(p.get("p_b2")).getNDArrayInternal().relu();
        return offsets.add(h.matMul(p.get("p_w3")).add(p.get("p_b3")).sum(new int[] {0}));
    }

    /** Pair {@code q}'s output per class for one encoded row {@code z}, computed in Java from the trained parameters. */
    double[] pairOutput(float[] params, int q, double[] z) {
        int h = hidden;
        int w = widest;
        double[] u = new double[w];
        for (int t = 0; t < inputsOfPair[q].length; t++) {
            u[t] = z[inputsOfPair[q][t]];
        }
        long w1 = layout.slot("p_w1").offset() + (long) q * w * h;
        long b1 = layout.slot("p_b1").offset() + (long) q * h;
        long w2 = layout.slot("p_w2").offset() + (long) q * h * h;
        long b2 = layout.slot("p_b2").offset() + (long) q * h;
        long w3 = layout.slot("p_w3").offset() + (long) q * h * classes;
        long b3 = layout.slot("p_b3").offset() + (long) q * classes;
        double[] h1 = new double[h];
        for (int v = 0; v < h; v++) {
            double s = params[(int) (b1 + v)];
            for (int t = 0; t < w; t++) {
                s += u[t] * params[(int) (w1 + (long) t * h + v)];
            }
            h1[v] = Math.max(0, s);
        }
        double[] h2 = new double[h];
        for (int v = 0; v < h; v++) {
            double s = params[(int) (b2 + v)];
            for (int t = 0; t < h; t++) {
                s += h1[t] * params[(int) (w2 + (long) t * h + v)];
            }
            h2[v] = Math.max(0, s);
        }
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            double s = params[(int) (b3 + c)];
            for (int t = 0; t < h; t++) {
                s += h2[t] * params[(int) (w3 + (long) t * classes + c)];
            }
            out[c] = s;
        }
        return out;
    }
}
