package org.pellucid.core.tree;

import java.util.Arrays;

/**
 * The part of input space a tree node covers: for every encoded input j,
 * {@code lower[j] < x[j] <= upper[j]} (bounds are infinite where the path does not test j).
 */
public record Region(double[] lower, double[] upper) {

    public static Region everything(int width) {
        double[] lo = new double[width];
        double[] hi = new double[width];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return new Region(lo, hi);
    }

    public boolean contains(double[] x) {
        for (int j = 0; j < x.length; j++) {
            if (!(x[j] > lower[j] && x[j] <= upper[j])) {
                return false;
            }
        }
        return true;
    }

    /** The region of a node's left child (x[feature] &lt;= threshold). */
    public Region left(int feature, double threshold) {
        double[] hi = upper.clone();
        hi[feature] = Math.min(hi[feature], threshold);
        return new Region(lower.clone(), hi);
    }

    /** The region of a node's right child (x[feature] > threshold). */
    public Region right(int feature, double threshold) {
        double[] lo = lower.clone();
        lo[feature] = Math.max(lo[feature], threshold);
        return new Region(lo, upper.clone());
    }
}
