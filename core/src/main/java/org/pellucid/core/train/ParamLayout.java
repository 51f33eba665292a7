package org.pellucid.core.train;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Named parameter tensors laid end to end in one flat vector. Training updates the flat vector with
 * one fused Adam call per step (instead of one per tensor), and the named tensors are views into it.
 */
public final class ParamLayout {

    /** One named tensor: its shape and where it sits in the flat vector. */
    public record Slot(String name, Shape shape, long offset, long size) {}

    private final List<Slot> slots = new ArrayList<>();
    private long total;

    public ParamLayout add(String name, long... shape) {
        for (Slot s : slots) {
            if (s.name().equals(name)) {
                throw new IllegalArgumentException("duplicate parameter '" + name + "'");
            }
        }
        Shape sh = new Shape(shape);
        slots.add(new Slot(name, sh, total, sh.size()));
        total += sh.size();
        return this;
    }

    public List<Slot> slots() {
        return List.copyOf(slots);
    }

    public Slot slot(String name) {
        for (Slot s : slots) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'");
    }

    /** Total number of scalars. */
    public long size() {
        return total;
    }

}
