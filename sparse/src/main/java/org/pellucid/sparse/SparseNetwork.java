package org.pellucid.sparse;

import ai.djl.ndarray.NDArray;
import java.util.Random;
import org.pellucid.core.train.MlpNetwork;
import org.pellucid.core.train.Network;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.Params;

/**
 * An MLP whose first layer is the one sparsity acts on, with an optional linear skip path
 * {@code θ·x} added to the output — LassoNet's architecture (Lemhadri et al., JMLR 2021). Without
 * the skip it is the plain sparse MLP. Parameter names: {@code theta} (outputs × inputs, when
 * skipped), then {@code w0, b0, w1, b1, …} as in {@link MlpNetwork}.
 */
public final class SparseNetwork implements Network {
    private final MlpNetwork mlp;
    private final boolean skip;
    private final ParamLayout layout = new ParamLayout();

    public SparseNetwork(int inputs, int[] hidden, int outputs, boolean skip) {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("a sparse MLP needs at least one hidden layer");
        }
        this.mlp = new MlpNetwork(inputs, hidden, outputs);
        this.skip = skip;
        if (skip) {
            layout.add("theta", outputs, inputs);
        }
        for (ParamLayout.Slot s : mlp.layout().slots()) {
            layout.add(s.name(), s.shape().getShape());
        }
    }

    public boolean skip() {
        return skip;
    }

    public int inputs() {
        return mlp.inputs();
    }

    public int outputs() {
        return mlp.outputs();
    }

    public int[] hidden() {
        return mlp.hidden();
    }

    /** Number of weight matrices in the MLP part. */
    public int layers() {
        return mlp.hidden().length + 1;
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    @Override
    public float[] initialize(Random rnd) {
        float[] m = mlp.initialize(rnd);
        if (!skip) {
            return m;
        }
        int t = outputs() * inputs();
        float[] p = new float[t + m.length];
        System.arraycopy(m, 0, p, t, m.length); // the skip path starts at zero
        return p;
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        NDArray out = mlp.forward(p, x);
        if (skip) {
            out = out.add(x.getNDArrayInternal().linear(x, p.get("theta"), null).singletonOrThrow());
        }
        return out;
    }
}
