package org.pellucid.additive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assertions;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A NAM is additive: a column's change moves its own contribution and nothing else. */
class NamProperties {
    static final Dataset DATA = SyntheticData.rule(800, 5);
    static final NamModel NAM = (NamModel) new NamFamily().train(DATA, null, TrainConfig.of(1).with("epochs", "15").with("hidden", "8"));

    /** With monotone constraints the shapes are monotone on a fine grid, far past the data's range too. */
    @Example
    void monotoneShapesAreMonotone() {
        NamModel m = (NamModel) new NamFamily().train(DATA, null, TrainConfig.of(2).with("epochs", "15").with("hidden", "8")
                .with("monotone", "income:+,debt_ratio:-,age:-"));
        for (String col : new String[] {"income", "debt_ratio", "age"}) {
            int j = DATA.schema().indexOf(col);
            int sign = col.equals("income") ? 1 : -1;
            double[] row = DATA.rowValues(0);
            double lo = Arrays.stream(IntStream.range(0, DATA.size()).mapToDouble(i -> DATA.value(i, j)).toArray()).min().orElse(0);
            double hi = Arrays.stream(IntStream.range(0, DATA.size()).mapToDouble(i -> DATA.value(i, j)).toArray()).max().orElse(1);
            double prev = Double.NaN;
            for (int g = 0; g <= 400; g++) {
                row[j] = lo - (hi - lo) + 3 * (hi - lo) * g / 400.0;
                double c = m.attribution(new Instance(DATA.schema(), row), 1).values()[j];
                if (!Double.isNaN(prev)) {
                    Assertions.assertTrue(sign * (c - prev) >= -1e-9, col + " is not monotone at " + row[j]
                            + ": " + prev + " → " + c);
                }
                prev = c;
            }
        }
    }

    /** The projection after a step writes through to the native parameter vector the trainer holds. */
    @Example
    void theStepProjectionChangesTheNativeParameters() {
        AdditiveNetwork net = new AdditiveNetwork(3, new int[] {0, 1}, new int[] {2}, 4, 2);
        MonotoneProjection proj = new MonotoneProjection(net, Map.of(0, 1));
        float[] p = new float[(int) net.layout().size()];
        Arrays.fill(p, -1f);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray flat = m.create(p);
            proj.afterStep(flat, net.layout(), 1);
            float[] after = flat.toFloatArray();
            long w1 = net.layout().slot("n_w1").offset();
            for (int u = 0; u < 4; u++) {
                Assertions.assertEquals(0f, after[(int) (w1 + u)], "shape 0's first layer made non-negative");
                Assertions.assertEquals(-1f, after[(int) (w1 + 4 + u)], "shape 1 is unconstrained");
            }
        }
    }

    @Example
    void monotoneOptionErrorsNameTheProblem() {
        var e = Assertions.assertThrows(IllegalArgumentException.class, () -> new NamFamily().train(DATA, null,
                TrainConfig.of(1).with("epochs", "1").with("monotone", "region:+")));
        Assertions.assertTrue(e.getMessage().contains("region is categorical"), e.getMessage());
        e = Assertions.assertThrows(IllegalArgumentException.class, () -> new NamFamily().train(DATA, null,
                TrainConfig.of(1).with("epochs", "1").with("monotone", "income:up")));
        Assertions.assertTrue(e.getMessage().contains("option monotone must be COLUMN:+ or COLUMN:-"), e.getMessage());
    }

    @Property(tries = 100)
    void changingOneColumnChangesOnlyItsContribution(@ForAll @IntRange(min = 0, max = 799) int a, @ForAll @IntRange(min = 0, max = 799) int b,
                                                    @ForAll @IntRange(min = 0, max = 7) int j) {
        double[] va = DATA.rowValues(a);
        double[] moved = va.clone();
        moved[j] = DATA.rowValues(b)[j];
        FeatureAttribution before = NAM.attribution(new Instance(DATA.schema(), va), 1);
        FeatureAttribution after = NAM.attribution(new Instance(DATA.schema(), moved), 1);
        for (int q = 0; q < va.length; q++) {
            if (q != j) {
                assertEquals(before.values()[q], after.values()[q], 1e-12, "column " + q + " moved when only " + j + " changed");
            }
        }
        assertEquals(before.baseline(), after.baseline(), 0.0);
        double delta = after.output() - before.output();
        assertEquals(after.values()[j] - before.values()[j], delta, 1e-9, "the output moves by exactly the column's change");
    }

    /** A bagged model is the mean of its bags: every contribution and the bias, to rounding. */
    @Property(tries = 30)
    void aBaggedModelIsTheMeanOfItsBags(@ForAll @IntRange(min = 0, max = 799) int row, @ForAll long seed) {
        Random r = new Random(seed);
        AdditiveNetwork net = NamFamily.network(NAM.encoder(), 4, 2);
        float[][] bags = new float[3][(int) net.layout().size()];
        for (float[] b : bags) {
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
        }
        NamModel mean = new NamModel(NAM.encoder(), net, bags, null);
        double[][] want = new double[DATA.schema().featureCount() + 1][2];
        for (float[] b : bags) {
            double[][] c = new NamModel(NAM.encoder(), net, b, null).contributions(DATA.row(row));
            for (int j = 0; j < want.length; j++) {
                for (int q = 0; q < 2; q++) {
                    want[j][q] += c[j][q] / bags.length;
                }
            }
        }
        double[][] got = mean.contributions(DATA.row(row));
        for (int j = 0; j < want.length; j++) {
            Assertions.assertArrayEquals(want[j], got[j], 1e-9, "term " + j);
        }
    }

    /** With bags the saved model reads back to the same predictions, and {@code decision=macro-f1} moves only the bias. */
    @Example
    void baggedModelsSaveAndTuneOnlyTheBias() throws Exception {
        Path dir = Files.createTempDirectory("nam");
        Dataset train = DATA.subset(IntStream.range(0, 600).toArray());
        Dataset valid = DATA.subset(IntStream.range(600, 800).toArray());
        TrainConfig cfg = TrainConfig.of(3).with("epochs", "10").with("hidden", "8").with("bags", "2");
        NamModel tuned = (NamModel) new NamFamily().train(train, valid, cfg);
        NamModel plain = (NamModel) new NamFamily().train(train, valid, cfg.with("decision", "argmax"));
        Assertions.assertEquals(2, tuned.bagCount());
        for (int i = 0; i < 50; i++) {
            double[][] a = tuned.contributions(DATA.row(i));
            double[][] b = plain.contributions(DATA.row(i));
            for (int j = 0; j < a.length - 1; j++) {
                Assertions.assertArrayEquals(b[j], a[j], 1e-6, "column " + j + " of row " + i);
            }
        }
        ModelStore.save(tuned, dir);
        var back = ModelFamilies.load(dir);
        for (int i = 0; i < 50; i++) {
            Assertions.assertArrayEquals(tuned.predict(DATA.row(i)).probabilities(),
                    back.predict(DATA.row(i)).probabilities(), 1e-12);
        }
    }
}
