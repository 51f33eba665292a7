package org.pellucid.additive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.model.Scores;

/** The decision offsets against their definition: the grid point of highest held-out macro-F1, nearest 0 on ties. */
class DecisionOffsetsTest {

    /** Two classes: one coordinate, searched exhaustively, so the offset is the brute-force best grid point. */
    @Property(tries = 60)
    void twoClassesGiveTheBestGridPoint(@ForAll @IntRange(min = 20, max = 400) int n, @ForAll long seed) {
        Random r = new Random(seed);
        float[] logits = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextDouble() < 0.25 ? 1 : 0;
            logits[2 * i + 1] = (float) (r.nextGaussian() + (labels[i] == 1 ? 1.0 : -0.5) - 1.2);
        }
        double[] off = DecisionOffsets.tune(logits, labels, 2);
        assertEquals(0, off[0]);
        double found = DecisionOffsets.macroF1(logits, labels, 2, off);
        double best = Double.NEGATIVE_INFINITY;
        double bestAt = 0;
        int steps = (int) Math.round(DecisionOffsets.RANGE / DecisionOffsets.STEP);
        for (int s = -steps; s <= steps; s++) {
            double f = DecisionOffsets.macroF1(logits, labels, 2, new double[] {0, s * DecisionOffsets.STEP});
            if (f > best + 1e-12 || (f >= best - 1e-12 && Math.abs(s * DecisionOffsets.STEP) < Math.abs(bestAt))) {
                best = Math.max(best, f);
                bestAt = s * DecisionOffsets.STEP;
            }
        }
        assertEquals(best, found, 1e-12, "macro-F1 at the tuned offset is the grid's best");
        assertEquals(bestAt, off[1], 1e-9, "and among ties, the offset nearest 0");
    }

    /** Tuning never lowers held-out macro-F1, for any number of classes (coordinate ascent only accepts gains). */
    @Property(tries = 40)
    void neverWorseThanNoOffsets(@ForAll @IntRange(min = 2, max = 5) int k, @ForAll long seed) {
        Random r = new Random(seed);
        int n = 150;
        float[] logits = new float[k * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
            for (int q = 0; q < k; q++) {
                logits[i * k + q] = (float) (r.nextGaussian() + (q == labels[i] ? 0.8 : 0) + q * 0.3);
            }
        }
        double before = DecisionOffsets.macroF1(logits, labels, k, new double[k]);
        assertTrue(DecisionOffsets.macroF1(logits, labels, k, DecisionOffsets.tune(logits, labels, k)) >= before - 1e-12);
    }

    /** Its macro-F1 is the one the CLI reports (core's Scores). */
    @Example
    void macroF1IsCoresDefinition() {
        float[] logits = {0, 1, 0, -1, 0, 2, 0, -3, 0, 0.5f};
        int[] labels = {1, 1, 0, 0, 0};
        int[] predicted = {1, 0, 1, 0, 1};
        assertEquals(Scores.macroF1(labels, predicted, 2), DecisionOffsets.macroF1(logits, labels, 2, new double[2]), 1e-15);
    }

    /** Logits that already separate the classes keep offset 0; a shifted copy gets the shift back. */
    @Example
    void aShiftedModelIsShiftedBack() {
        int n = 100;
        float[] logits = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4 == 0 ? 1 : 0;
            logits[2 * i + 1] = labels[i] == 1 ? 0.5f + i / 1000f : -0.5f - i / 1000f;
        }
        assertArrayEquals(new double[] {0, 0}, DecisionOffsets.tune(logits, labels, 2), 1e-12);
        for (int i = 0; i < n; i++) {
            logits[2 * i + 1] -= 1.5f;
        }
        double[] off = DecisionOffsets.tune(logits, labels, 2);
        assertTrue(off[1] > 1.0 && off[1] < 2.0, "the offset undoes a shift of -1.5 (the margin is 1): " + off[1]);
        assertEquals(1.0, DecisionOffsets.macroF1(logits, labels, 2, off), 1e-12);
    }
}
