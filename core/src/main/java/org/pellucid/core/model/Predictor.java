package org.pellucid.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;

/**
 * Anything that predicts: a Pellucid model, a Smile model, a DJL network, a lambda. Post-hoc
 * explainers and metrics take a {@code Predictor}, so black boxes and transparent models are scored
 * the same way. Implementations must be safe to call from several threads.
 */
public interface Predictor {

    /** The columns (and target) this predictor reads and predicts, in the user's terms. */
    Schema schema();

    Prediction predict(Instance x);

    /** Predicts every row; implementations may batch. */
    default List<Prediction> predictAll(Dataset data) {
        List<Prediction> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            out.add(predict(data.row(i)));
        }
        return out;
    }

    /**
     * A classifier from a function of the raw schema values (numbers, category indices, NaN) to
     * class probabilities — the quickest way to score any model with Pellucid's metrics.
     */
    static Predictor ofProbabilities(Schema schema, Function<double[], double[]> probabilities) {
        return new Predictor() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Prediction predict(Instance x) {
                return Prediction.ofProbabilities(probabilities.apply(x.values()), schema.classes());
            }
        };
    }

    /** A regressor from a function of the raw schema values. */
    static Predictor ofValue(Schema schema, ToDoubleFunction<double[]> value) {
        return new Predictor() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Prediction predict(Instance x) {
                return Prediction.ofValue(value.applyAsDouble(x.values()));
            }
        };
    }
}
