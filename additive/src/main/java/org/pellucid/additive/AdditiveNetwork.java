package org.pellucid.additive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.Params;

/**
 * The NAM as one DJL network: the numeric inputs go each through their own ReLU MLP
 * (1 → h → h → classes), evaluated for all columns at once as a batched matrix product; the
 * one-hot category indicators enter linearly (one learned value per level and class); the shapes
 * and a bias are summed into the class logits. Parameters: {@code n_w1 (C, 1, h)}, {@code n_b1 (C, 1, h)},
 * {@code n_w2 (C, h, h)}, {@code n_b2 (C, 1, h)}, {@code n_w3 (C, h, K)}, {@code n_b3 (C, 1, K)},
 * {@code c_w (W, K)} and {@code bias (K)}, with C numeric columns and W category indicators.
 */
final class AdditiveNetwork implements Network {
    final int[] numeric;
    final int[] categorical;
    final int inputs;
    final int hidden;
    final int classes;
    private final ParamLayout layout = new ParamLayout();
    private final float[] pickNumeric;
    private final float[] pickCategorical;

    AdditiveNetwork(int inputs, int[] numeric, int[] categorical, int hidden, int classes) {
        this.inputs = inputs;
        this.numeric = numeric.clone();
        this.categorical = categorical.clone();
        this.hidden = hidden;
        this.classes = classes;
        this.pickNumeric = selection(numeric);
        this.pickCategorical = selection(categorical);
        int c = Math.max(1, numeric.length);
        layout.add("n_w1", c, 1, hidden).add("n_b1", c, 1, hidden).add("n_w2", c, hidden, hidden).add("n_b2", c, 1, hidden)
                .add("n_w3", c, hidden, classes).add("n_b3", c, 1, classes).add("c_w", Math.max(1, categorical.length), classes)
                .add("bias", classes);
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
            double fanIn = s.name().startsWith("n_w") ? shape[1] : 1;
            double bound = s.name().equals("bias") || s.name().startsWith("c_w") ? 0 : 1 / Math.sqrt(fanIn);
            if (s.name().equals("n_w1")) {
                bound = 1.0; // one standardised input: spread the first layer's kinks over its range
            }
            for (long i = 0; i < s.size(); i++) {
                p[(int) (s.offset() + i)] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            }
        }
        return p;
    }

    /** The (inputs × cols) 0/1 matrix that picks the given encoded inputs, row-major; made once, used every step. */
    private float[] selection(int[] cols) {
        float[] s = new float[inputs * cols.length];
        for (int c = 0; c < cols.length; c++) {
            s[cols[c] * cols.length + c] = 1f;
        }
        return s;
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        NDManager m = x.getManager();
        long batch = x.getShape().get(0);
        NDArray out = p.get("bias").reshape(1, classes).broadcast(new Shape(batch, classes));
        if (numeric.length > 0) {
            NDArray pick = m.create(pickNumeric, new Shape(inputs, numeric.length));
            NDArray xn = x.matMul(pick).transpose().expandDims(2); // (C, B, 1)
            NDArray h = xn.matMul(p.get("n_w1")).add(p.get("n_b1")).getNDArrayInternal().relu();
            h = h.matMul(p.get("n_w2")).add(p.get("n_b2")).getNDArrayInternal().relu();
            NDArray shapes = h.matMul(p.get("n_w3")).add(p.get("n_b3")); // (C, B, K)
            out = out.add(shapes.sum(new int[] {0}));
        }
        if (categorical.length > 0) {
            NDArray pick = m.create(pickCategorical, new Shape(inputs, categorical.length));
            out = out.add(x.matMul(pick).matMul(p.get("c_w")));
        }
        return out;
    }
}
