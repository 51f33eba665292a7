package org.pellucid.core.model;

import java.util.List;

/** Plain predictive scores of class predictions against true labels. */
public final class Scores {
    private Scores() {}

    public static double accuracy(int[] truth, int[] predicted) {
        check(truth, predicted);
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                ok++;
            }
        }
        return truth.length == 0 ? Double.NaN : (double) ok / truth.length;
    }

    /**
     * Unweighted mean over classes of F1 = 2·precision·recall / (precision + recall) = 2·TP / (predicted + actual),
     * over the classes that are present or predicted (scikit-learn's {@code f1_score(average="macro")}, whose
     * labels are those of truth and prediction together); one present but never predicted counts 0. NaN for
     * no rows. The one definition Pellucid uses: for early stopping, restart selection, rule-set
     * simplification and reports alike.
     */
    public static double macroF1(int[] truth, int[] predicted, int classes) {
        check(truth, predicted);
        int[] right = new int[classes];
        int[] pred = new int[classes];
        int[] actual = new int[classes];
        for (int i = 0; i < truth.length; i++) {
            actual[truth[i]]++;
            pred[predicted[i]]++;
            if (truth[i] == predicted[i]) {
                right[truth[i]]++;
            }
        }
        return macroF1(right, pred, actual);
    }

    /** {@link #macroF1(int[], int[], int)} from per-class counts: right (TP), predicted and actual. */
    public static double macroF1(int[] right, int[] predicted, int[] actual) {
        double sum = 0;
        int counted = 0;
        for (int k = 0; k < right.length; k++) {
            int d = predicted[k] + actual[k];
            if (d == 0) {
                continue;
            }
            sum += 2.0 * right[k] / d;
            counted++;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** Predicted class indices of a list of predictions. */
    public static int[] classes(List<Prediction> predictions) {
        return predictions.stream().mapToInt(Prediction::classIndex).toArray();
    }

    private static void check(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " labels but " + b.length + " predictions");
        }
    }
}
