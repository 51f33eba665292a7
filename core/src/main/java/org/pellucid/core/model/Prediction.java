package org.pellucid.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a predictor says about one row: for classification the predicted class and the probability
 * of every class; for regression the predicted value.
 *
 * @param classIndex index of the predicted class, or -1 for regression
 * @param className the predicted class's name, or null for regression
 * @param probabilities one probability per class (empty for regression)
 * @param value the regression value, or the predicted class's probability for classification
 */
public record Prediction(int classIndex, String className, double[] probabilities, double value) {

    public Prediction {
        probabilities = probabilities.clone();
    }

    /** A classification prediction: the class with the highest probability (first on ties). */
    public static Prediction ofProbabilities(double[] probabilities, List<String> classes) {
        if (probabilities.length != classes.size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + classes.size() + " classes");
        }
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return new Prediction(best, classes.get(best), probabilities, probabilities[best]);
    }

    /** A classification prediction from class scores (logits), through a numerically stable softmax. */
    public static Prediction ofLogits(double[] logits, List<String> classes) {
        return ofProbabilities(softmax(logits), classes);
    }

    /** exp(z − max z), normalised. */
    public static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public static Prediction ofValue(double value) {
        return new Prediction(-1, null, new double[0], value);
    }

    public boolean isClassification() {
        return classIndex >= 0;
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    public double probability(int k) {
        return probabilities[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && p.classIndex == classIndex && Arrays.equals(p.probabilities, probabilities)
                && Double.compare(p.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * classIndex + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return isClassification() ? className + " (p=" + String.format(Locale.ROOT, "%.3f", value) + ")"
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
