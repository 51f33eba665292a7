package org.pellucid.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ImageShiftsProperties {

    static Dataset images(int n, int ch, int h, int w, long seed) {
        List<Column> cols = new ArrayList<>();
        for (int k = 0; k < ch * h * w; k++) {
            cols.add(Column.numeric("p" + k));
        }
        Schema s = new Schema(cols, Column.categorical("y", List.of("a", "b", "c")));
        Random r = new Random(seed);
        double[][] x = new double[n][ch * h * w];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < x[i].length; k++) {
                x[i][k] = r.nextDouble();
            }
            y[i] = r.nextInt(3);
        }
        return Dataset.builder(s).name("img").features(x).labels(y).imageShape(ch, h, w).build();
    }

    @Property(tries = 60)
    void shiftMovesEveryPixelAndZeroFillsTheBorder(@ForAll @IntRange(min = 1, max = 2) int ch, @ForAll @IntRange(min = 1, max = 6) int h,
                                                   @ForAll @IntRange(min = 1, max = 6) int w, @ForAll @IntRange(min = -3, max = 3) int dy,
                                                   @ForAll @IntRange(min = -3, max = 3) int dx, @ForAll @LongRange(min = 0, max = 999) long seed) {
        double[] px = images(1, ch, h, w, seed).rowValues(0);
        double[] out = ImageShifts.shift(px, new int[] {ch, h, w}, dy, dx);
        for (int c = 0; c < ch; c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    int si = i - dy;
                    int sj = j - dx;
                    double want = si >= 0 && si < h && sj >= 0 && sj < w ? px[c * h * w + si * w + sj] : 0;
                    assertEquals(want, out[c * h * w + i * w + j], 0);
                }
            }
        }
    }

    @Property(tries = 30)
    void augmentKeepsTheOriginalsFirstAndLabelsWithTheirImages(@ForAll @IntRange(min = 0, max = 3) int copies,
                                                              @ForAll @LongRange(min = 0, max = 999) long seed) {
        Dataset d = images(7, 1, 5, 5, seed);
        Dataset a = ImageShifts.augment(d, copies, 1, seed);
        assertEquals(7 * (copies + 1), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(d.label(i % 7), a.label(i));
            if (i < 7) {
                assertArrayEquals(d.rowValues(i), a.rowValues(i), 0);
            }
            double[] orig = d.rowValues(i % 7);
            double[] got = a.rowValues(i);
            // a shift by at most one pixel: every output pixel is 0 or one of the original's 3×3 neighbours
            for (int p = 0; p < 25; p++) {
                boolean found = got[p] == 0;
                for (int di = -1; di <= 1 && !found; di++) {
                    for (int dj = -1; dj <= 1 && !found; dj++) {
                        int si = p / 5 + di;
                        int sj = p % 5 + dj;
                        found = si >= 0 && si < 5 && sj >= 0 && sj < 5 && orig[si * 5 + sj] == got[p];
                    }
                }
                assertEquals(true, found, "pixel " + p + " of row " + i);
            }
        }
        assertArrayEquals(d.imageShape(), a.imageShape());
    }

    @Test
    void noCopiesIsTheSameDataAndNonImagesAreRefused() {
        Dataset d = images(3, 1, 2, 2, 1);
        assertSame(d, ImageShifts.augment(d, 0, 2, 1));
        Schema s = new Schema(List.of(Column.numeric("a")), Column.categorical("y", List.of("a", "b")));
        Dataset table = Dataset.builder(s).features(new double[][] {{1}}).labels(new int[] {0}).build();
        assertThrows(IllegalArgumentException.class, () -> ImageShifts.augment(table, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageShifts.augment(d, -1, 1, 1));
    }
}
