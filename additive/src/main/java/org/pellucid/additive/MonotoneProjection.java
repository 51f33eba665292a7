package org.pellucid.additive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import java.util.Map;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.StepHook;

/**
 * Keeps chosen shape networks monotone by projection after every optimizer step. For a numeric
 * column's network z → relu(w1·z + b1) → relu(W2·h1 + b2) → W3·h2 + b3, non-negative w1 and W2
 * make every second-layer unit non-decreasing in z; the log-odds of the second class then move
 * with z in the direction of each unit's output weight difference (W3[v, 1] − W3[v, 0]), so those
 * differences are projected onto the allowed sign (both weights set to their mean when the sign is
 * wrong). The shape is then monotone by construction, on every z, not only on the training rows.
 * Two classes only: with more, "monotone" would need a class to be monotone in.
 */
final class MonotoneProjection implements StepHook {
    private final AdditiveNetwork net;
    private final Map<Integer, Integer> signByShape; // shape network index → +1 increasing, −1 decreasing

    MonotoneProjection(AdditiveNetwork net, Map<Integer, Integer> signByShape) {
        this.net = net;
        this.signByShape = Map.copyOf(signByShape);
    }

    private static final String[] SLOTS = {"n_w1", "n_w2", "n_w3"};

    /** Projects a flat parameter array in place (the final parameters). */
    void project(ParamLayout layout, float[] p) {
        float[][] w = new float[SLOTS.length][];
        for (int q = 0; q < SLOTS.length; q++) {
            ParamLayout.Slot s = layout.slot(SLOTS[q]);
            w[q] = Arrays.copyOfRange(p, (int) s.offset(), (int) (s.offset() + s.size()));
        }
        project(w[0], w[1], w[2]);
        for (int q = 0; q < SLOTS.length; q++) {
            System.arraycopy(w[q], 0, p, (int) layout.slot(SLOTS[q]).offset(), w[q].length);
        }
    }

    /** Projects the three weight tensors of the shape networks (each slot's own indexing). */
    private void project(float[] w1, float[] w2, float[] w3) {
        int h = net.hidden;
        int k = net.classes;
        for (Map.Entry<Integer, Integer> e : signByShape.entrySet()) {
            int c = e.getKey();
            for (int u = 0; u < h; u++) {
                w1[c * h + u] = Math.max(0, w1[c * h + u]);
            }
            for (int q = 0; q < h * h; q++) {
                w2[c * h * h + q] = Math.max(0, w2[c * h * h + q]);
            }
            for (int v = 0; v < h; v++) {
                int i0 = c * h * k + v * k;
                int i1 = i0 + 1;
                if ((w3[i1] - w3[i0]) * e.getValue() < 0) {
                    float mean = (w3[i0] + w3[i1]) / 2;
                    w3[i0] = mean;
                    w3[i1] = mean;
                }
            }
        }
    }

    /** Only the shape networks' weight slots travel between native memory and Java, not the whole vector. */
    @Override
    public void afterStep(NDArray flat, ParamLayout layout, long step) {
        NDArray data = flat.stopGradient();
        NDArray[] views = new NDArray[SLOTS.length];
        float[][] w = new float[SLOTS.length][];
        for (int q = 0; q < SLOTS.length; q++) {
            ParamLayout.Slot s = layout.slot(SLOTS[q]);
            views[q] = data.get(new NDIndex().addSliceDim(s.offset(), s.offset() + s.size()));
            w[q] = views[q].toFloatArray();
        }
        project(w[0], w[1], w[2]);
        for (int q = 0; q < SLOTS.length; q++) {
            NDArray src = views[q].getManager().create(w[q]);
            views[q].muli(0).addi(src);
            src.close();
        }
    }
}
