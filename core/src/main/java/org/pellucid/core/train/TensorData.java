package org.pellucid.core.train;

import java.util.Arrays;

/**
 * Rows ready for a network: encoded features (row-major, rows × width) and targets (rows ×
 * targetWidth: one-hot classes, concept values, or one regression value), plus class labels for
 * computing accuracy.
 *
 * @param labels class index per row, or null for regression
 */
public record TensorData(float[] features, int rows, int width, float[] targets, int targetWidth, int[] labels) {

    public TensorData {
        if (features.length != (long) rows * width) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected " + rows + " × " + width);
        }
        if (targets.length != (long) rows * targetWidth) {
            throw new IllegalArgumentException("targets hold " + targets.length + " values, expected " + rows + " × " + targetWidth);
        }
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
        }
        for (float f : features) {
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("the encoded features contain a non-finite value");
            }
        }
    }

    /** Classification rows: one-hot targets built from class indices. */
    public static TensorData classification(float[] features, int rows, int width, int[] labels, int classes) {
        float[] t = new float[rows * classes];
        for (int i = 0; i < rows; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (classes - 1));
            }
            t[i * classes + labels[i]] = 1f;
        }
        return new TensorData(features, rows, width, t, classes, labels);
    }

    /** Regression rows. */
    public static TensorData regression(float[] features, int rows, int width, double[] values) {
        float[] t = new float[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = (float) values[i];
        }
        return new TensorData(features, rows, width, t, 1, null);
    }

    /** These rows followed by {@code other}'s (same width and target width). */
    public TensorData concat(TensorData other) {
        if (other.width != width || other.targetWidth != targetWidth) {
            throw new IllegalArgumentException("cannot stack data of width " + other.width + " under width " + width);
        }
        float[] f = Arrays.copyOf(features, features.length + other.features.length);
        System.arraycopy(other.features, 0, f, features.length, other.features.length);
        float[] t = Arrays.copyOf(targets, targets.length + other.targets.length);
        System.arraycopy(other.targets, 0, t, targets.length, other.targets.length);
        int[] l = null;
        if (labels != null && other.labels != null) {
            l = Arrays.copyOf(labels, labels.length + other.labels.length);
            System.arraycopy(other.labels, 0, l, labels.length, other.labels.length);
        }
        return new TensorData(f, rows + other.rows, width, t, targetWidth, l);
    }
}
