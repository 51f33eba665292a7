package org.pellucid.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The named parameter tensors of a network, as views of one flat vector. */
public final class Params {
    private final Map<String, NDArray> byName;

    private Params(Map<String, NDArray> byName) {
        this.byName = byName;
    }

    /**
     * Views of {@code flat} shaped as the layout says: one slice (plus one reshape for tensors of
     * more than one dimension) per tensor. Single-output views, unlike those of {@code split}, stay
     * valid for autograd after the flat vector is updated in place by the optimizer.
     */
    public static Params view(ParamLayout layout, NDArray flat) {
        List<ParamLayout.Slot> slots = layout.slots();
        Map<String, NDArray> m = new HashMap<>(slots.size() * 2);
        for (ParamLayout.Slot slot : slots) {
            NDArray part = flat.get(new NDIndex().addSliceDim(slot.offset(), slot.offset() + slot.size()));
            m.put(slot.name(), slot.shape().dimension() == 1 ? part : part.reshape(slot.shape()));
        }
        return new Params(m);
    }

    public NDArray get(String name) {
        NDArray a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return a;
    }
}
