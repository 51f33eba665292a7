package org.pellucid.neurosymbolic;

import java.util.Random;

/** Random small-integer rows with random labels, for rule-set properties. */
record LabelledRows(double[][] rows, int[] labels) {

    /** n rows of p columns, each value in 0..values-1, each label in 0..classes-1 (drawn row by row). */
    static LabelledRows random(Random r, int n, int p, int values, int classes) {
        double[][] rows = new double[n][p];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                rows[i][j] = r.nextInt(values);
            }
            labels[i] = r.nextInt(classes);
        }
        return new LabelledRows(rows, labels);
    }
}
