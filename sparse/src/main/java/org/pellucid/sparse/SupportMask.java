package org.pellucid.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.StepHook;

/**
 * Keeps a chosen set of columns and zeroes the rest after every step, with no shrinkage: the refit
 * of the selected columns (the relaxed lasso, Meinshausen 2007) that removes the penalty's bias.
 */
final class SupportMask implements StepHook {
    private final Groups groups;
    private final boolean[] keep;

    SupportMask(Groups groups, boolean[] keep) {
        this.groups = groups;
        this.keep = keep.clone();
    }

    /** Zeroes the dropped columns' first-layer and skip weights in a flat parameter array. */
    void zero(ParamLayout layout, float[] params) {
        int in = groups.width();
        for (ParamLayout.Slot s : layout.slots()) {
            if (!s.name().equals("w0") && !s.name().equals("theta")) {
                continue;
            }
            int rows = (int) (s.size() / in);
            for (int g = 0; g < groups.count(); g++) {
                if (keep[g]) {
                    continue;
                }
                for (int r = 0; r < rows; r++) {
                    for (int j : groups.inputs()[g]) {
                        params[(int) s.offset() + r * in + j] = 0;
                    }
                }
            }
        }
    }

    @Override
    public void afterStep(NDArray flat, ParamLayout layout, long step) {
        NDArray data = flat.stopGradient();
        for (String name : new String[] {"theta", "w0"}) {
            if (layout.slots().stream().noneMatch(s -> s.name().equals(name))) {
                continue;
            }
            ParamLayout.Slot s = layout.slot(name);
            NDArray v = data.get(new NDIndex().addSliceDim(s.offset(), s.offset() + s.size()));
            float[] w = v.toFloatArray();
            int in = groups.width();
            int rows = w.length / in;
            for (int g = 0; g < groups.count(); g++) {
                if (keep[g]) {
                    continue;
                }
                for (int r = 0; r < rows; r++) {
                    for (int j : groups.inputs()[g]) {
                        w[r * in + j] = 0;
                    }
                }
            }
            GroupSoftThreshold.write(v, w);
        }
    }
}
