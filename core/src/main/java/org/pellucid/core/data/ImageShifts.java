package org.pellucid.core.data;

import java.util.Random;

/**
 * Training-set augmentation for image data: copies of every image moved by a random whole number of
 * pixels in each direction, the uncovered border filled with 0 (the background of the bundled digit
 * and clothing images). Small translations are the classic label-preserving change for handwritten
 * digits (Simard, Steinkraus &amp; Platt, "Best Practices for Convolutional Neural Networks Applied to
 * Visual Document Analysis", ICDAR 2003). Only training rows are ever augmented; validation and
 * test rows are left as they are.
 */
public final class ImageShifts {
    private ImageShifts() {}

    /**
     * The original rows followed by {@code copies} shifted copies of each, shifts drawn uniformly
     * from [−maxShift, maxShift] per axis with the given seed. Labels and concepts travel with
     * their image.
     *
     * @throws IllegalArgumentException if the data are not images, or copies or maxShift is negative
     */
    public static Dataset augment(Dataset data, int copies, int maxShift, long seed) {
        if (!data.hasImages()) {
            throw new IllegalArgumentException("shift augmentation needs image data; '" + data.name() + "' has none");
        }
        if (copies < 0 || maxShift < 0) {
            throw new IllegalArgumentException("copies and maxShift must be at least 0, got " + copies + " and " + maxShift);
        }
        if (copies == 0 || maxShift == 0) {
            return data;
        }
        int[] shape = data.imageShape();
        int n = data.size();
        int total = n * (copies + 1);
        double[][] x = new double[total][];
        double[] y = new double[total];
        double[][] concepts = data.hasConcepts() ? new double[total][] : null;
        Random r = new Random(seed);
        for (int c = 0; c <= copies; c++) {
            for (int i = 0; i < n; i++) {
                int k = c * n + i;
                double[] row = data.rowValues(i);
                if (c > 0) {
                    row = shift(row, shape, r.nextInt(2 * maxShift + 1) - maxShift, r.nextInt(2 * maxShift + 1) - maxShift);
                }
                x[k] = row;
                y[k] = data.target(i);
                if (concepts != null) {
                    concepts[k] = data.concepts(i);
                }
            }
        }
        Dataset.Builder b = Dataset.builder(data.schema()).name(data.name()).features(x).targets(y)
                .imageShape(shape[0], shape[1], shape[2]);
        if (concepts != null) {
            b.concepts(concepts);
        }
        return b.build();
    }

    /** The image moved down by dy and right by dx pixels, in every channel; what falls off is lost. */
    static double[] shift(double[] pixels, int[] shape, int dy, int dx) {
        int ch = shape[0];
        int h = shape[1];
        int w = shape[2];
        double[] out = new double[pixels.length];
        for (int c = 0; c < ch; c++) {
            int base = c * h * w;
            for (int i = 0; i < h; i++) {
                int si = i - dy;
                if (si < 0 || si >= h) {
                    continue;
                }
                for (int j = 0; j < w; j++) {
                    int sj = j - dx;
                    if (sj >= 0 && sj < w) {
                        out[base + i * w + j] = pixels[base + si * w + sj];
                    }
                }
            }
        }
        return out;
    }
}
