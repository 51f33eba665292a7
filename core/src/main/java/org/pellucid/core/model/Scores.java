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
     * Unweighted mean over classes of F1 = 2·precision·recall / (precision + recall); a class that is
     * neither present nor predicted is left out, one that is present but never predicted counts 0.
     */
    public static double macroF1(int[] truth, int[] predicted, int classes) {
        check(truth, predicted);
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                tp[truth[i]]++;
            } else {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }
        double sum = 0;
        int counted = 0;
        for (int k = 0; k < classes; k++) {
            if (tp[k] + fp[k] + fn[k] == 0) {
                continue;
            }
            sum += 2.0 * tp[k] / (2.0 * tp[k] + fp[k] + fn[k]);
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
