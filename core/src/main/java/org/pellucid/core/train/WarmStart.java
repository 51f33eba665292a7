package org.pellucid.core.train;

import ai.djl.ndarray.NDArray;
import java.util.Random;

/** A network that starts from given parameters instead of a fresh draw — for warm-started paths. */
public record WarmStart(Network network, float[] start) implements Network {

    public WarmStart {
        if (start.length != network.layout().size()) {
            throw new IllegalArgumentException(start.length + " start values for " + network.layout().size() + " parameters");
        }
        start = start.clone();
    }

    @Override
    public ParamLayout layout() {
        return network.layout();
    }

    @Override
    public float[] initialize(Random rnd) {
        return start.clone();
    }

    @Override
    public NDArray forward(Params p, NDArray x) {
        return network.forward(p, x);
    }
}
