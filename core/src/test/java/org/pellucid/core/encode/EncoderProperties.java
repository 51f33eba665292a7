package org.pellucid.core.encode;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.ColumnType;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncoderProperties {

    private static final Schema SCHEMA = new Schema(List.of(Column.numeric("income"),
            Column.categorical("job", List.of("clerk", "nurse", "pilot")), new Column("smoker", ColumnType.BINARY, List.of("no", "yes")),
            Column.numeric("age")), Column.categorical("y", List.of("a", "b")));

    private static Dataset data(int n, long seed, boolean withMissing) {
        Random r = new Random(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {Math.round(r.nextGaussian() * 1e4) / 100.0, r.nextInt(3), r.nextInt(2), 18 + r.nextInt(70)};
            if (withMissing && r.nextDouble() < 0.2) {
                x[i][r.nextInt(4)] = Double.NaN;
            }
            y[i] = r.nextInt(2);
        }
        return Dataset.builder(SCHEMA).features(x).labels(y).build();
    }

    @Property(tries = 200)
    void decodeOfEncodeGivesBackTheRow(@ForAll @IntRange(min = 2, max = 200) int n, @ForAll long seed) {
        Dataset train = data(n, seed, true);
        FeatureEncoder enc = FeatureEncoder.fit(train);
        Dataset rows = data(20, seed + 1, false);
        for (int i = 0; i < rows.size(); i++) {
            double[] x = rows.rowValues(i);
            double[] back = enc.decode(enc.encode(x));
            for (int j = 0; j < x.length; j++) {
                assertEquals(x[j], back[j], 1e-9 * (1 + Math.abs(x[j])), "column " + j);
            }
        }
    }

    @Property(tries = 100)
    void quantileBinsDecodeToTheBinHoldingTheValue(@ForAll @IntRange(min = 5, max = 200) int n,
                                                   @ForAll @IntRange(min = 2, max = 8) int bins, @ForAll long seed) {
        Dataset train = data(n, seed, false);
        FeatureEncoder enc = FeatureEncoder.fit(train, NumericEncoding.QUANTILE_BINS, bins);
        Dataset rows = data(20, seed + 1, false);
        for (int i = 0; i < rows.size(); i++) {
            double[] x = rows.rowValues(i);
            double[] z = enc.encode(x);
            double[] back = enc.decode(z);
            for (int j : new int[] {0, 3}) {
                double[] in = enc.binInterval(j, x[j]);
                assertTrue(in[0] <= x[j] && x[j] < in[1], x[j] + " outside " + Arrays.toString(in));
                assertEquals(in[0], back[j]);
            }
            assertEquals(x[1], back[1]);
            assertEquals(x[2], back[2]);
        }
    }

    @Property(tries = 50)
    void missingAndUnseenCategoriesActivateNoIndicatorAndMissingNumbersEncodeAsTheMean(@ForAll long seed) {
        FeatureEncoder enc = FeatureEncoder.fit(data(100, seed, false));
        double[] z = enc.encode(new double[] {Double.NaN, Double.NaN, 1, 30});
        assertEquals(0.0, z[enc.offset(0)], "a missing standardised number is the training mean");
        for (int k = 0; k < enc.width(1); k++) {
            assertEquals(0.0, z[enc.offset(1) + k]);
        }
        double[] unseen = enc.encode(new double[] {1, 7, 1, 30});
        for (int k = 0; k < enc.width(1); k++) {
            assertEquals(0.0, unseen[enc.offset(1) + k]);
        }
    }

    @Property(tries = 50)
    void encodedInputsKeepTheUsersNamesAndSurviveJson(@ForAll long seed) {
        FeatureEncoder enc = FeatureEncoder.fit(data(50, seed, true));
        assertEquals(List.of("income", "job = clerk", "job = nurse", "job = pilot", "smoker = yes", "age"),
                enc.features().stream().map(EncodedFeature::label).toList());
        FeatureEncoder again = FeatureEncoder.fromJson(SCHEMA, enc.toJson());
        double[] x = {12.5, 2, 1, 44};
        assertTrue(Arrays.equals(enc.encode(x), again.encode(x)));
        assertTrue(Arrays.equals(enc.encodedMeans(), again.encodedMeans()));
    }

    /**
     * The quantile input is the training distribution function: monotone in the value, within ±√3, a
     * training value's input is (2·mid-rank − 1)·√3, decoding gives the value back inside the training
     * range, and the encoder survives JSON.
     */
    @Property(tries = 150)
    void quantileInputsAreTheDistributionFunction(@ForAll @IntRange(min = 3, max = 300) int n, @ForAll long seed) {
        Dataset train = data(n, seed, true);
        FeatureEncoder enc = FeatureEncoder.fit(train, NumericEncoding.QUANTILE, 16);
        FeatureEncoder back = FeatureEncoder.fromJson(SCHEMA, enc.toJson());
        double[] values = IntStream.range(0, n).mapToDouble(i -> train.value(i, 3)).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        double prev = Double.NEGATIVE_INFINITY;
        for (int g = 0; g <= 200; g++) {
            double x = 0 + 110.0 * g / 200;
            double z = enc.encodeNumeric(3, x);
            assertTrue(z >= prev - 1e-12, "monotone at " + x);
            assertTrue(Math.abs(z) <= Math.sqrt(3) + 1e-12, "bounded at " + x + ": " + z);
            assertEquals(z, back.encodeNumeric(3, x), 0.0, "the same after JSON");
            prev = z;
        }
        if (values.length > 0 && values.length <= 16) {
            // every distinct value is a knot: its input is its mid-rank exactly
            double v = values[values.length / 2];
            long below = Arrays.stream(values).filter(w -> w < v).count();
            long equal = Arrays.stream(values).filter(w -> w == v).count();
            double u = (below + equal / 2.0) / values.length;
            assertEquals((2 * u - 1) * Math.sqrt(3), enc.encodeNumeric(3, v), 1e-9);
        }
        if (values.length > 1 && values[0] < values[values.length - 1]) {
            double x = (values[0] + values[values.length - 1]) / 2;
            double[] row = {Double.NaN, Double.NaN, Double.NaN, x};
            double got = enc.decode(enc.encode(row))[3];
            // inside the range, the map is strictly increasing between knots, so decode inverts it
            double z = enc.encodeNumeric(3, x);
            assertEquals(z, enc.encodeNumeric(3, got), 1e-9, "decode(" + x + ") = " + got);
        }
    }
}
