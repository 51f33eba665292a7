package org.pellucid.core.models;

import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
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
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double[] p = new double[k];
        double s = 0;
        for (int j = 0; j < k; j++) {
            p[j] = Math.exp(logits[offset + j] - max);
            s += p[j];
        }
        for (int j = 0; j < k; j++) {
            p[j] /= s;
        }
        return p;
    }
}
