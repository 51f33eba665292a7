package org.pellucid.additive;

import org.pellucid.core.model.Scores;

/**
 * Per-class offsets added to an additive model's bias so that its predicted class (the largest
 * logit) maximises macro-F1 on held-out rows: the decision-threshold tuning of, for example,
 * Lipton, Elkan and Naryanaswamy, "Optimal Thresholding of Classifiers to Maximize F1 Measure"
 * (ECML PKDD 2014), who show that the F1-optimal threshold of a calibrated model is not 0.5.
 *
 * <p>Because an offset is a constant per class it moves into the bias: the model stays a sum a
 * person reads term by term, and every column's contribution is unchanged. Class 0's offset is 0;
 * the others are found by coordinate ascent, a few rounds over a grid of {@link #STEP}-spaced
 * values in [-{@link #RANGE}, {@link #RANGE}]. Among equal scores the offset nearest 0 wins, so a
 * model that is already tuned is left alone.
 */
final class DecisionOffsets {
    /** Grid spacing of the offsets, in logit units. */
    static final double STEP = 0.02;
    /** Largest offset tried, in logit units. */
    static final double RANGE = 4;
    private static final int ROUNDS = 3;

    private DecisionOffsets() {}

    /**
     * Offsets for {@code k} classes from row-major logits of {@code labels.length} held-out rows.
     * Fewer than two classes present among the labels give all zeros (nothing to tune against).
     */
    static double[] tune(float[] logits, int[] labels, int k) {
        double[] off = new double[k];
        if (labels.length == 0 || k < 2) {
            return off;
        }
        int steps = (int) Math.round(RANGE / STEP);
        double best = macroF1(logits, labels, k, off);
        for (int round = 0; round < ROUNDS; round++) {
            boolean moved = false;
            for (int q = 1; q < k; q++) {
                double keep = off[q];
                double bestValue = keep;
                for (int s = -steps; s <= steps; s++) {
                    off[q] = s * STEP;
                    double f = macroF1(logits, labels, k, off);
                    if (f > best + 1e-12 || (f >= best - 1e-12 && Math.abs(off[q]) < Math.abs(bestValue))) {
                        moved |= f > best + 1e-12;
                        best = Math.max(best, f);
                        bestValue = off[q];
                    }
                }
                off[q] = bestValue;
            }
            if (!moved) {
                break;
            }
        }
        return off;
    }

    /** Macro-F1 ({@link Scores#macroF1(int[], int[], int[])}) of argmax(logits + offsets). */
    static double macroF1(float[] logits, int[] labels, int k, double[] off) {
        int[] tp = new int[k];
        int[] pred = new int[k];
        int[] actual = new int[k];
        for (int i = 0; i < labels.length; i++) {
            int a = 0;
            double best = logits[i * k] + off[0];
            for (int q = 1; q < k; q++) {
                double l = logits[i * k + q] + off[q];
                if (l > best) {
                    best = l;
                    a = q;
                }
            }
            pred[a]++;
            actual[labels[i]]++;
            tp[a] += a == labels[i] ? 1 : 0;
        }
        return Scores.macroF1(tp, pred, actual);
    }
}
