package org.pellucid.bottleneck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.model.ConvolutionalModel;
import org.pellucid.core.model.Differentiable;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The concept model's convolutional view (what Grad-CAM and activation maximisation read), on
 * two-slot 8 × 8 images whose concept per slot is where a bright 3 × 3 blob sits (top-left or
 * bottom-right quadrant); the class is whether the two slots agree.
 */
class ConvolutionalViewTest {
    static final int SIDE = 8;

    /** n rows of two noisy 8 × 8 images, concepts {@code slotS=tl|br}. */
    static Dataset quadrants(int n, long seed) {
        Random r = new Random(seed);
        int px = SIDE * SIDE;
        double[][] x = new double[n][2 * px];
        double[][] c = new double[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int[] where = new int[2];
            for (int s = 0; s < 2; s++) {
                where[s] = r.nextInt(2);
                int top = where[s] == 0 ? 1 + r.nextInt(2) : 4 + r.nextInt(2);
                int left = where[s] == 0 ? 1 + r.nextInt(2) : 4 + r.nextInt(2);
                for (int q = 0; q < px; q++) {
                    x[i][s * px + q] = 0.1 * r.nextDouble();
                }
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        x[i][s * px + (top + a) * SIDE + left + b] = 0.8 + 0.2 * r.nextDouble();
                    }
                }
                c[i][2 * s + where[s]] = 1;
            }
            y[i] = where[0] == where[1] ? 1 : 0;
        }
        List<Column> cols = new ArrayList<>();
        for (String img : new String[] {"a", "b"}) {
            for (int q = 0; q < px; q++) {
                cols.add(Column.numeric(img + "_" + q));
            }
        }
        Schema s = new Schema(cols, Column.categorical("same", List.of("no", "yes")),
                List.of("slot1=tl", "slot1=br", "slot2=tl", "slot2=br"));
        return Dataset.builder(s).name("quadrants").features(x).labels(y).concepts(c).imageShape(2, SIDE, SIDE).build();
    }

    static final Dataset DATA = quadrants(400, 5);
    static final ConceptModel MODEL = (ConceptModel) ModelFamilies.get("cbm").train(DATA.subset(range(0, 300)),
            DATA.subset(range(300, 400)), TrainConfig.of(1).with("epochs", "25").with("hidden", "16"));

    static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void onlyImageModelsHaveTheViewAndItNamesItsOutputs() {
        ConvolutionalModel v = MODEL.convolutional().orElseThrow();
        assertEquals(List.of("slot1=tl", "slot1=br", "slot2=tl", "slot2=br", "logit(no)", "logit(yes)"), v.outputNames());
        assertEquals(5, v.classOutput(1));
        assertEquals(List.of(2, SIDE, SIDE), Arrays.stream(v.imageShape()).boxed().toList());
        ConceptModel tabular = (ConceptModel) ModelFamilies.get("cbm").train(SyntheticData.xor(200, 1), null,
                TrainConfig.of(1).with("epochs", "2").with("hidden", "8"));
        assertTrue(tabular.convolutional().isEmpty(), "an MLP encoder has no convolutional view");
        assertTrue(ConvolutionalModel.of(MODEL).isPresent() && ConvolutionalModel.of(tabular).isEmpty());
    }

    @Test
    void theMapsOutputIsTheNetworksOutputAndSlotsDoNotLeak() {
        ConvolutionalModel v = MODEL.convolutional().orElseThrow();
        for (int row = 300; row < 306; row++) {
            double[] z = v.encoder().encode(DATA.row(row));
            for (int out = 0; out < v.outputNames().size(); out++) {
                ConvolutionalModel.FeatureMaps f = v.featureMaps(z, out);
                double direct = v.outputGradients(new double[][] {z}, out).outputs()[0];
                assertEquals(direct, f.output(), 1e-4, "output " + out + " from the maps and from the input");
                assertEquals(2, f.slots());
                assertEquals(SIDE / 2, f.height());
                if (out < 4) { // a concept of one slot reads that slot's maps only
                    int other = out < 2 ? 1 : 0;
                    for (int k = 0; k < f.channels(); k++) {
                        for (int i = 0; i < f.height(); i++) {
                            for (int j = 0; j < f.width(); j++) {
                                assertEquals(0.0, f.gradients()[f.index(other, k, i, j)], "slot " + other + " does not move " + out);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void outputGradientsMatchFiniteDifferences() {
        ConvolutionalModel v = MODEL.convolutional().orElseThrow();
        double[] z = v.encoder().encode(DATA.row(310));
        int out = v.classOutput(1);
        Differentiable.Gradients g = v.outputGradients(new double[][] {z}, out);
        double h = 1e-2;
        int checked = 0;
        for (int j = 0; j < z.length; j += 7) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[j] += h;
            down[j] -= h;
            double fd = (v.outputGradients(new double[][] {up}, out).outputs()[0]
                    - v.outputGradients(new double[][] {down}, out).outputs()[0]) / (2 * h);
            assertEquals(fd, g.gradients()[0][j], 2e-2 + 0.05 * Math.abs(fd), "pixel " + j);
            checked++;
        }
        assertTrue(checked > 10);
    }

    @Test
    void theConceptsAreLearned() {
        double acc = ConceptMetrics.of(MODEL, DATA.subset(range(300, 400))).conceptAccuracy();
        assertTrue(acc > 0.9, "concept accuracy " + acc);
    }
}
