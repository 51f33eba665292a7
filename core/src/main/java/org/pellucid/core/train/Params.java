package org.pellucid.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The named parameter tensors of a network, as views of one flat vector. */
public final class Params {
    private final Map<String, NDArray> byName;

    private Params(Map<String, NDArray> byName) {
        this.byName = byName;
    }

    /** Views of {@code flat} shaped as the layout says (one split plus one reshape per tensor). */
    public static Params view(ParamLayout layout, NDArray flat) {
        List<ParamLayout.Slot> slots = layout.slots();
        Map<String, NDArray> m = new HashMap<>(slots.size() * 2);
        if (slots.size() == 1) {
            m.put(slots.get(0).name(), flat.reshape(slots.get(0).shape()));
            return new Params(m);
        }
        NDList parts = flat.split(layout.splitPoints());
        for (int i = 0; i < slots.size(); i++) {
            m.put(slots.get(i).name(), parts.get(i).reshape(slots.get(i).shape()));
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
