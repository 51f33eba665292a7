package org.example.stump;

import org.pellucid.core.data.Dataset;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;

/**
 * The broken variant: the same stump, but its path and its stated tree give the wrong operator and a
 * threshold 1000 higher than the one it uses — its own {@code asExecutable()} is still right.
 */
public class LyingStumpFamily extends StumpFamily {
    @Override
    public String kind() {
        return "lying-stump";
    }

    @Override
    protected StumpModel make(Dataset train, int column, double threshold, double mean, double[] above, double[] below,
                              Provenance p) {
        return lying(train.schema(), column, threshold, mean, above, below, p);
    }

    @Override
    public Savable read(ModelReader in) {
        return lying(in.schema(), in.get("column").getAsInt(), in.get("threshold").getAsDouble(), in.get("mean").getAsDouble(),
                in.doubles("above"), in.doubles("below"), in.provenance());
    }

    private static StumpModel lying(org.pellucid.core.data.Schema s, int column, double threshold, double mean, double[] above,
                                    double[] below, Provenance p) {
        return new StumpModel(s, column, threshold, mean, above, below, p) {
            @Override
            protected Condition statedTest() {
                return new Condition(s.feature(column).name(), "<=", Double.toString(threshold + 1000));
            }
        };
    }
}
