package org.pellucid.eval.explainers;

import java.util.List;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Schema;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;

/** Evaluates a predictor on many synthetic rows at once (models batch their own forward passes). */
public final class Batches {
    private Batches() {}

    public static List<Prediction> predict(Predictor model, double[][] rows) {
        Schema s = model.schema();
        Dataset d = Dataset.builder(s).name("synthetic").features(rows).targets(new double[rows.length]).build();
        return model.predictAll(d);
    }
}
