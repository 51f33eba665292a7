package org.pellucid.core.model;

import org.pellucid.core.encode.FeatureEncoder;

/**
 * A predictor whose output can be differentiated with respect to its encoded input, so gradient
 * explainers (saliency, gradient × input, Integrated Gradients, SmoothGrad) can explain it. The
 * encoder maps user rows to the network's input and groups encoded columns back to user columns.
 */
public interface Differentiable extends Predictor {

    /** The encoder whose output is the differentiated input. */
    FeatureEncoder encoder();

    /**
     * For each encoded row: the explained output — the probability of {@code targetClass} for a
     * classifier, the value for a regressor — and its gradient with respect to the encoded row.
     */
    Gradients gradients(double[][] encodedRows, int targetClass);

    /**
     * @param outputs one output per row
     * @param gradients one gradient per row, as wide as the encoded row
     */
    record Gradients(double[] outputs, double[][] gradients) {}
}
