package org.pellucid.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Seeded, stratified row splits. Every row lands in exactly one part; each class is split in the
 * requested proportions (up to rounding), so small classes appear in every part when they can.
 */
public final class Splits {
    private Splits() {}

    /** Train / validation / test index sets. */
    public record TrainValidTest(int[] train, int[] valid, int[] test) {}

    /** One fold of k-fold cross-validation. */
    public record Fold(int[] train, int[] test) {}

    /**
     * Stratified split by class label into parts of the given fractions (which must sum to 1).
     * Regression targets (pass {@code null} labels) are split by shuffling only.
     */
    public static int[][] stratified(int[] labels, int n, double[] fractions, long seed) {
        double sum = Arrays.stream(fractions).sum();
        if (Math.abs(sum - 1.0) > 1e-9 || Arrays.stream(fractions).anyMatch(f -> f < 0)) {
            throw new IllegalArgumentException("fractions must be non-negative and sum to 1, got " + Arrays.toString(fractions));
        }
        Random rnd = new Random(seed);
        List<List<Integer>> parts = new ArrayList<>();
        for (int p = 0; p < fractions.length; p++) {
            parts.add(new ArrayList<>());
        }
        for (int[] group : groups(labels, n)) {
            shuffle(group, rnd);
            int start = 0;
            double cum = 0;
            for (int p = 0; p < fractions.length; p++) {
                cum += fractions[p];
                int end = p == fractions.length - 1 ? group.length : (int) Math.round(cum * group.length);
                for (int k = start; k < end; k++) {
                    parts.get(p).add(group[k]);
                }
                start = end;
            }
        }
        int[][] out = new int[fractions.length][];
        for (int p = 0; p < out.length; p++) {
            out[p] = parts.get(p).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
    }

    /** The usual 60 / 20 / 20 stratified split of a dataset. */
    public static TrainValidTest trainValidTest(Dataset d, double valid, double test, long seed) {
        int[][] p = stratified(d.schema().isClassification() ? d.labels() : null, d.size(),
                new double[] {1 - valid - test, valid, test}, seed);
        return new TrainValidTest(p[0], p[1], p[2]);
    }

    /**
     * Checks, before any training, that {@code d} can be trained on and tested with this split:
     * a class target with at least two classes, every class in the training part and a test part
     * that is not empty. Throws {@link DatasetException} with one line that says what to do; returns
     * the split it checked, so the caller need not draw it again.
     */
    public static TrainValidTest requireTrainable(Dataset d, double valid, double test, long seed) {
        Schema s = d.schema();
        String target = s.target().name();
        if (!s.isClassification()) {
            throw new DatasetException(d.name(), -1, target, "the target is numeric; training here is classification: choose a "
                    + "class column with --target, or turn the numbers into classes first");
        }
        int[] counts = d.classCounts();
        int present = 0;
        int smallest = Integer.MAX_VALUE;
        String smallestName = null;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                present++;
                if (counts[c] < smallest) {
                    smallest = counts[c];
                    smallestName = s.classes().get(c);
                }
            }
        }
        if (present < 2) {
            throw new DatasetException(d.name(), -1, target, "every one of the " + d.size() + " rows has the class '" + smallestName
                    + "'; a classifier needs at least two classes (is this the right --target?)");
        }
        TrainValidTest split = trainValidTest(d, valid, test, seed);
        int[] trainCounts = new int[counts.length];
        for (int i : split.train()) {
            trainCounts[d.label(i)]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && trainCounts[c] == 0) {
                throw new DatasetException(d.name(), -1, target, "class '" + s.classes().get(c) + "' has " + counts[c]
                        + " row" + (counts[c] == 1 ? "" : "s") + ", too few to appear in the training split; "
                        + "merge rare classes or drop their rows");
            }
        }
        if (test > 0 && split.test().length == 0) {
            throw new DatasetException(d.name(), -1, target, "the test split is empty: " + d.size() + " rows in " + present
                    + " classes (the smallest, '" + smallestName + "', has " + smallest + ") leave none to test on; "
                    + "merge rare classes or add rows");
        }
        return split;
    }

    /** Stratified k-fold: every row is in exactly one test fold. */
    public static List<Fold> kFold(int[] labels, int n, int k, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("k must be between 2 and the number of rows (" + n + "), got " + k);
        }
        Random rnd = new Random(seed);
        int[] foldOf = new int[n];
        int offset = 0;
        for (int[] group : groups(labels, n)) {
            shuffle(group, rnd);
            for (int i = 0; i < group.length; i++) {
                foldOf[group[i]] = (offset + i) % k; // continue round-robin across classes to balance fold sizes
            }
            offset += group.length;
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            final int ff = f;
            int[] test = IntStream.range(0, n).filter(i -> foldOf[i] == ff).toArray();
            int[] train = IntStream.range(0, n).filter(i -> foldOf[i] != ff).toArray();
            folds.add(new Fold(train, test));
        }
        return folds;
    }

    private static List<int[]> groups(int[] labels, int n) {
        List<int[]> out = new ArrayList<>();
        if (labels == null) {
            out.add(IntStream.range(0, n).toArray());
            return out;
        }
        int k = Arrays.stream(labels).max().orElse(-1) + 1;
        int[] counts = new int[k];
        for (int l : labels) {
            counts[l]++;
        }
        int[][] g = new int[k][];
        for (int c = 0; c < k; c++) {
            g[c] = new int[counts[c]];
        }
        int[] fill = new int[k];
        for (int i = 0; i < n; i++) {
            g[labels[i]][fill[labels[i]]++] = i;
        }
        out.addAll(Arrays.asList(g));
        return out;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
