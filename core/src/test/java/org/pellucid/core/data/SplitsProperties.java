package org.pellucid.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitsProperties {

    private static int[] labels(int n, int k, long seed) {
        Random r = new Random(seed);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = r.nextDouble() < 0.6 ? 0 : r.nextInt(k); // unbalanced on purpose
        }
        return l;
    }

    @Property(tries = 200)
    void partsAreDisjointCoverEveryRowAndKeepClassProportions(@ForAll @IntRange(min = 1, max = 500) int n,
                                                              @ForAll @IntRange(min = 2, max = 6) int k,
                                                              @ForAll @IntRange(min = 1, max = 8) int validTenths,
                                                              @ForAll long seed) {
        int[] l = labels(n, k, seed);
        double valid = validTenths / 20.0;
        double test = 0.2;
        double[] f = {1 - valid - test, valid, test};
        int[][] parts = Splits.stratified(l, n, f, seed);
        int[] seen = new int[n];
        for (int[] p : parts) {
            for (int i : p) {
                seen[i]++;
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, seen[i], "row " + i + " must be in exactly one part");
        }
        for (int c = 0; c < k; c++) {
            final int cc = c;
            long nc = Arrays.stream(l).filter(v -> v == cc).count();
            for (int p = 0; p < parts.length; p++) {
                long inPart = Arrays.stream(parts[p]).filter(i -> l[i] == cc).count();
                assertTrue(Math.abs(inPart - f[p] * nc) <= 1.0 + 1e-9,
                        "class " + c + " part " + p + ": " + inPart + " rows, expected " + f[p] * nc);
            }
        }
    }

    @Property(tries = 100)
    void theSameSeedGivesTheSameSplit(@ForAll @IntRange(min = 5, max = 300) int n, @ForAll long seed) {
        int[] l = labels(n, 3, seed);
        double[] f = {0.6, 0.2, 0.2};
        assertTrue(Arrays.deepEquals(Splits.stratified(l, n, f, seed), Splits.stratified(l, n, f, seed)));
    }

    @Property(tries = 100)
    void kFoldPutsEveryRowInExactlyOneTestFold(@ForAll @IntRange(min = 10, max = 300) int n,
                                              @ForAll @IntRange(min = 2, max = 10) int k, @ForAll long seed) {
        int[] l = labels(n, 3, seed);
        List<Splits.Fold> folds = Splits.kFold(l, n, k, seed);
        int[] tested = new int[n];
        for (Splits.Fold f : folds) {
            assertEquals(n, f.train().length + f.test().length);
            for (int i : f.test()) {
                tested[i]++;
            }
            assertTrue(Arrays.stream(f.train()).noneMatch(i -> Arrays.stream(f.test()).anyMatch(j -> j == i)));
        }
        assertTrue(Arrays.stream(tested).allMatch(c -> c == 1));
        int min = folds.stream().mapToInt(f -> f.test().length).min().orElseThrow();
        int max = folds.stream().mapToInt(f -> f.test().length).max().orElseThrow();
        assertTrue(max - min <= 1, "fold sizes differ by " + (max - min));
    }
}
