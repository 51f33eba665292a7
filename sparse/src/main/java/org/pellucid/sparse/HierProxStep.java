package org.pellucid.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.StepHook;

/** Applies {@link HierProx} to every column group after every optimizer step. */
public final class HierProxStep implements StepHook {
    private final Groups groups;
    private final double threshold;
    private final double m;

    public HierProxStep(Groups groups, double threshold, double m) {
        this.groups = groups;
        this.threshold = threshold;
        this.m = m;
    }

    @Override
    public void afterStep(NDArray flat, ParamLayout layout, long step) {
        NDArray data = flat.stopGradient();
        ParamLayout.Slot ts = layout.slot("theta");
        ParamLayout.Slot ws = layout.slot("w0");
        NDArray tv = data.get(new NDIndex().addSliceDim(ts.offset(), ts.offset() + ts.size()));
        NDArray wv = data.get(new NDIndex().addSliceDim(ws.offset(), ws.offset() + ws.size()));
        float[] theta = tv.toFloatArray();
        float[] w = wv.toFloatArray();
        apply(theta, w, groups, threshold, m);
        GroupSoftThreshold.write(tv, theta);
        GroupSoftThreshold.write(wv, w);
    }

    /** The operator on row-major θ (outputs × inputs) and W (hidden × inputs), in place. */
    static void apply(float[] theta, float[] w, Groups groups, double threshold, double m) {
        int in = groups.width();
        int k = theta.length / in;
        int h = w.length / in;
        for (int[] g : groups.inputs()) {
            double[] t = new double[k * g.length];
            double[] v = new double[h * g.length];
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < g.length; c++) {
                    t[r * g.length + c] = theta[r * in + g[c]];
                }
            }
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < g.length; c++) {
                    v[r * g.length + c] = w[r * in + g[c]];
                }
            }
            HierProx.apply(t, v, threshold, m);
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < g.length; c++) {
                    theta[r * in + g[c]] = (float) t[r * g.length + c];
                }
            }
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < g.length; c++) {
                    w[r * in + g[c]] = (float) v[r * g.length + c];
                }
            }
        }
    }
}
