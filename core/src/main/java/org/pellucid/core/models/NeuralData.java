package org.pellucid.core.models;

import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.train.TensorData;

/** Encodes datasets into {@link TensorData} for the training core. */
public final class NeuralData {
    private NeuralData() {}

    public static TensorData of(Dataset d, FeatureEncoder enc) {
        float[] x = enc.encodeAllFlat(d);
        if (d.schema().isClassification()) {
            return TensorData.classification(x, d.size(), enc.width(), d.labels(), d.schema().classes().size());
        }
        return TensorData.regression(x, d.size(), enc.width(), d.targets());
    }

    /** Softmax of float logits, in double precision. */
    public static double[] softmax(float[] logits, int offset, int k) {
        double[] z = new double[k];
        for (int j = 0; j < k; j++) {
            z[j] = logits[offset + j];
        }
        return Prediction.softmax(z);
    }
}
