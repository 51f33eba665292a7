package org.pellucid.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.StepHook;

/**
 * The proximal operator of the group lasso on the first layer (Yuan &amp; Lin, JRSS-B 2006; its
 * use for feature selection in networks: Scardapane et al., Neurocomputing 2017): after every
 * optimizer step, each column's block of first-layer weights W_g is scaled by
 * {@code max(0, 1 − t / ‖W_g‖₂)} with {@code t = lr · λ}, so a block is either exactly zero or has a
 * norm above {@code t}. Optionally, plain L1 soft-thresholding {@code sign(w)·max(0, |w| − lr·λ₁)}
 * of every weight matrix prunes individual connections.
 *
 * <p>Runs in Java on the first layer's values (h × inputs floats), then writes them back in place.
 */
public final class GroupSoftThreshold implements StepHook {
    private final Groups groups;
    private final String firstLayer;
    private final double threshold;
    private final double l1Threshold;
    private final String[] allWeights;

    public GroupSoftThreshold(Groups groups, String firstLayer, double threshold, double l1Threshold, String... allWeights) {
        this.groups = groups;
        this.firstLayer = firstLayer;
        this.threshold = threshold;
        this.l1Threshold = l1Threshold;
        this.allWeights = allWeights;
    }

    @Override
    public void afterStep(NDArray flat, ParamLayout layout, long step) {
        NDArray data = flat.stopGradient(); // shares storage: in-place writes update the parameters
        if (l1Threshold > 0) {
            for (String w : allWeights) {
                ParamLayout.Slot s = layout.slot(w);
                NDArray v = data.get(new NDIndex().addSliceDim(s.offset(), s.offset() + s.size()));
                float[] a = v.toFloatArray();
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) (Math.signum(a[i]) * Math.max(0, Math.abs(a[i]) - l1Threshold));
                }
                write(v, a);
            }
        }
        ParamLayout.Slot s = layout.slot(firstLayer);
        NDArray v = data.get(new NDIndex().addSliceDim(s.offset(), s.offset() + s.size()));
        float[] w = v.toFloatArray();
        apply(w, groups, threshold);
        write(v, w);
    }

    /** The operator on a row-major (hidden × inputs) matrix, in place. */
    static void apply(float[] w, Groups groups, double t) {
        int in = groups.width();
        int h = w.length / in;
        for (int[] g : groups.inputs()) {
            double sq = 0;
            for (int r = 0; r < h; r++) {
                for (int j : g) {
                    sq += (double) w[r * in + j] * w[r * in + j];
                }
            }
            double norm = Math.sqrt(sq);
            double scale = norm <= t ? 0 : 1 - t / norm;
            for (int r = 0; r < h; r++) {
                for (int j : g) {
                    w[r * in + j] = (float) (w[r * in + j] * scale);
                }
            }
        }
    }

    static void write(NDArray view, float[] values) {
        NDArray src = view.getManager().create(values);
        view.muli(0).addi(src);
        src.close();
    }
}
