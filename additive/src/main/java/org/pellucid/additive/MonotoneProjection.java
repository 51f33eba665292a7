package org.pellucid.additive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
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

    /** Projects a flat parameter array in place (also used on the initial and final parameters). */
    void project(ParamLayout layout, float[] p) {
        int h = net.hidden;
        int k = net.classes;
        long w1 = layout.slot("n_w1").offset();
        long w2 = layout.slot("n_w2").offset();
        long w3 = layout.slot("n_w3").offset();
        for (Map.Entry<Integer, Integer> e : signByShape.entrySet()) {
            int c = e.getKey();
            for (int u = 0; u < h; u++) {
                int i = (int) (w1 + (long) c * h + u);
                p[i] = Math.max(0, p[i]);
            }
            for (int q = 0; q < h * h; q++) {
                int i = (int) (w2 + (long) c * h * h + q);
                p[i] = Math.max(0, p[i]);
            }
            for (int v = 0; v < h; v++) {
                int i0 = (int) (w3 + (long) c * h * k + (long) v * k);
                int i1 = i0 + 1;
                if ((p[i1] - p[i0]) * e.getValue() < 0) {
                    float mean = (p[i0] + p[i1]) / 2;
                    p[i0] = mean;
                    p[i1] = mean;
                }
            }
        }
    }

    @Override
    public void afterStep(NDArray flat, ParamLayout layout, long step) {
        NDArray data = flat.stopGradient();
        float[] p = data.toFloatArray();
        project(layout, p);
        NDArray src = data.getManager().create(p);
        data.muli(0).addi(src);
        src.close();
    }
}
