package org.pellucid.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The refit-aware one-standard-error rule against its definition, on made-up paths. */
class PathSelectionTest {

    private static RegularizationPath.Point point(int features, double pathAccuracy) {
        return new RegularizationPath.Point(new PathPoint(features, features, pathAccuracy), new float[] {features},
                new boolean[features]);
    }

    /**
     * A path from {@code sizes} columns down to 1, path accuracy highest at the densest point; the
     * deployed (refitted) accuracy rises with the support size and is given by {@code deployed}.
     */
    private static RegularizationPath.Deployed choose(int sizes, double[] deployed, int validRows, AtomicInteger calls) {
        List<RegularizationPath.Point> points = new ArrayList<>();
        for (int f = sizes; f >= 1; f--) {
            points.add(point(f, 0.5 + 0.4 * f / sizes));
        }
        return RegularizationPath.chooseParsimoniousRefit(points, sizes, validRows, p -> {
            calls.incrementAndGet();
            int f = p.summary().activeFeatures();
            return new RegularizationPath.Deployed(p, p.params(), deployed[f - 1], 1);
        });
    }

    @Property(tries = 300)
    void picksTheSmallestSupportWithinOneStandardErrorOfTheBestRefit(@ForAll @IntRange(min = 1, max = 60) int sizes,
                                                                    @ForAll @IntRange(min = 0, max = 1000) int knee,
                                                                    @ForAll @IntRange(min = 50, max = 5000) int rows) {
        double[] acc = new double[sizes];
        int k = knee % sizes; // supports of k+1 columns and more are accurate, smaller ones fall off
        for (int i = 0; i < sizes; i++) {
            acc[i] = i >= k ? 0.95 + 0.0001 * i : 0.6 + 0.001 * i;
        }
        AtomicInteger calls = new AtomicInteger();
        RegularizationPath.Deployed d = choose(sizes, acc, rows, calls);
        double a = acc[sizes - 1];
        double threshold = a - Math.sqrt(a * (1 - a) / rows);
        int expected = 1;
        while (acc[expected - 1] < threshold - 1e-12) {
            expected++;
        }
        assertEquals(expected, d.point().summary().activeFeatures());
        assertEquals(acc[expected - 1], d.validAccuracy());
        int bound = (int) Math.ceil(Math.log(sizes) / Math.log(2)) + 1;
        assertTrue(calls.get() <= bound, calls.get() + " refits for " + sizes + " sizes, bound " + bound);
        assertEquals(calls.get(), d.refits());
    }

    @Test
    void aSparseSupportOutsideTheStandardErrorIsNotTaken() {
        // 4 columns refit to 0.95, 8 to 0.99 with 600 rows: se = 0.0041, so 8 are kept
        double[] acc = {0.5, 0.6, 0.7, 0.95, 0.96, 0.97, 0.98, 0.99};
        RegularizationPath.Deployed d = choose(8, acc, 600, new AtomicInteger());
        assertEquals(8, d.point().summary().activeFeatures());
        acc[3] = 0.987; // now within one standard error
        assertEquals(4, choose(8, acc, 600, new AtomicInteger()).point().summary().activeFeatures());
    }
}
