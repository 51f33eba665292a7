package org.pellucid.neurosymbolic;

import org.pellucid.core.model.Scores;

/**
 * Counts per class (right, predicted, actual) that can be updated one row at a time, for the macro
 * F1 the rule-set simplifications are judged by — the measure rule models are compared on.
 */
final class Confusion {
    private final int[] right;
    private final int[] predicted;
    private final int[] actual;

    Confusion(int classes) {
        right = new int[classes];
        predicted = new int[classes];
        actual = new int[classes];
    }

    Confusion copy() {
        Confusion c = new Confusion(right.length);
        System.arraycopy(right, 0, c.right, 0, right.length);
        System.arraycopy(predicted, 0, c.predicted, 0, right.length);
        System.arraycopy(actual, 0, c.actual, 0, right.length);
        return c;
    }

    void add(int truth, int pred) {
        actual[truth]++;
        predicted[pred]++;
        if (truth == pred) {
            right[truth]++;
        }
    }

    void remove(int truth, int pred) {
        actual[truth]--;
        predicted[pred]--;
        if (truth == pred) {
            right[truth]--;
        }
    }

    /** {@link org.pellucid.core.model.Scores#macroF1(int[], int[], int[])} of the counts (NaN with no rows). */
    double macroF1() {
        return Scores.macroF1(right, predicted, actual);
    }
}
