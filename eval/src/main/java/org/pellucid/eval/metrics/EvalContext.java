package org.pellucid.eval.metrics;

import java.util.List;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;

/**
 * What the metrics need besides the explanations: the model, the rows explained, the class each
 * explanation is about (the predicted one), and the baseline that stands in for a removed column —
 * the training mean of a number, the training mode of a category.
 */
public record EvalContext(Predictor model, Dataset rows, int[] targets, double[] baseline, long seed) {

    public static EvalContext of(Predictor model, Dataset rows, Dataset train, long seed) {
        List<Prediction> p = model.predictAll(rows);
        int[] targets = p.stream().mapToInt(Prediction::classIndex).toArray();
        return new EvalContext(model, rows, targets, baselineOf(train), seed);
    }

    /** Training mean for numeric columns, training mode for categorical ones. */
    public static double[] baselineOf(Dataset train) {
        int p = train.schema().featureCount();
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            Column c = train.schema().feature(j);
            if (c.isNumeric()) {
                double s = 0;
                int n = 0;
                for (int i = 0; i < train.size(); i++) {
                    double v = train.value(i, j);
                    if (!Double.isNaN(v)) {
                        s += v;
                        n++;
                    }
                }
                b[j] = n == 0 ? 0 : s / n;
            } else {
                int[] counts = new int[c.categories().size()];
                for (int i = 0; i < train.size(); i++) {
                    double v = train.value(i, j);
                    if (!Double.isNaN(v)) {
                        counts[(int) v]++;
                    }
                }
                int best = 0;
                for (int k = 1; k < counts.length; k++) {
                    if (counts[k] > counts[best]) {
                        best = k;
                    }
                }
                b[j] = best;
            }
        }
        return b;
    }
}
