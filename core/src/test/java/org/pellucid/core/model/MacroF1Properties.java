package org.pellucid.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The one macro-F1, against its definition and on its edge cases. */
class MacroF1Properties {

    @Provide
    Arbitrary<Tuple.Tuple2<int[], int[]>> labelled() {
        return Arbitraries.integers().between(1, 60).flatMap(n -> Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n)
                .flatMap(t -> Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n).map(p -> Tuple.of(t, p))));
    }

    /** scikit-learn's macro F1: per label 2PR/(P+R) (0 when undefined), over the labels in truth or prediction. */
    static double byPrecisionAndRecall(int[] truth, int[] pred, int classes) {
        double sum = 0;
        int labels = 0;
        for (int k = 0; k < classes; k++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < truth.length; i++) {
                tp += truth[i] == k && pred[i] == k ? 1 : 0;
                fp += truth[i] != k && pred[i] == k ? 1 : 0;
                fn += truth[i] == k && pred[i] != k ? 1 : 0;
            }
            if (tp + fp + fn == 0) {
                continue;
            }
            labels++;
            double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / labels;
    }

    @Property(tries = 300)
    void itIsTheMeanOfPerClassF1OverTheClassesSeen(@ForAll("labelled") Tuple.Tuple2<int[], int[]> d) {
        assertEquals(byPrecisionAndRecall(d.get1(), d.get2(), 4), Scores.macroF1(d.get1(), d.get2(), 4), 1e-12);
    }

    @Property(tries = 200)
    void aClassNeitherPresentNorPredictedChangesNothing(@ForAll("labelled") Tuple.Tuple2<int[], int[]> d) {
        assertEquals(Scores.macroF1(d.get1(), d.get2(), 4), Scores.macroF1(d.get1(), d.get2(), 7), 1e-15);
    }

    @Property(tries = 200)
    void countsAndLabelsGiveTheSameScore(@ForAll("labelled") Tuple.Tuple2<int[], int[]> d) {
        int[] right = new int[4];
        int[] pred = new int[4];
        int[] actual = new int[4];
        for (int i = 0; i < d.get1().length; i++) {
            actual[d.get1()[i]]++;
            pred[d.get2()[i]]++;
            right[d.get1()[i]] += d.get1()[i] == d.get2()[i] ? 1 : 0;
        }
        double f = Scores.macroF1(right, pred, actual);
        assertEquals(Scores.macroF1(d.get1(), d.get2(), 4), f, 0);
        assertTrue(f >= 0 && f <= 1);
    }

    @Example
    void edgeCases() {
        assertTrue(Double.isNaN(Scores.macroF1(new int[0], new int[0], 3)), "no rows: no score");
        assertEquals(1.0, Scores.macroF1(new int[] {0, 1, 1}, new int[] {0, 1, 1}, 3));
        assertEquals(0.0, Scores.macroF1(new int[] {0, 0}, new int[] {1, 1}, 2));
        // class 1 is present but never predicted: it counts 0; class 0 has TP 1, predicted 2, actual 1
        assertEquals((2.0 / 3 + 0) / 2, Scores.macroF1(new int[] {0, 1}, new int[] {0, 0}, 2), 1e-15);
    }
}
