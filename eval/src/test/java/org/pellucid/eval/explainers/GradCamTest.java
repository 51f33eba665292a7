package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.ConvolutionalModel;
import org.pellucid.core.model.Differentiable;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.eval.global.ActivationMaximisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grad-CAM and activation maximisation on a network written out by hand, whose maps and gradients
 * are known: two 4 × 4 slots; channel k of slot s is {@code A^k_ij = ReLU(c_k · (sum of the 2 × 2 block ij))};
 * the class-1 logit is {@code Σ_s Σ_k u_sk Σ_ij A^k_ij}, so {@code ∂y/∂A^k_ij = u_sk} and Grad-CAM is
 * {@code ReLU(Σ_k u_sk A^k)} on the 2 × 2 grid.
 */
class GradCamTest {
    static final int SIDE = 4;
    static final Schema SCHEMA;
    static final Dataset DATA;

    static {
        List<Column> cols = new ArrayList<>();
        for (int q = 0; q < 2 * SIDE * SIDE; q++) {
            cols.add(Column.numeric("p" + q));
        }
        SCHEMA = new Schema(cols, Column.categorical("y", List.of("a", "b")), List.of());
        Random r = new Random(1);
        double[][] x = new double[10][2 * SIDE * SIDE];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = r.nextDouble();
            }
            y[i] = i % 2;
        }
        DATA = Dataset.builder(SCHEMA).name("toy").features(x).labels(y).imageShape(2, SIDE, SIDE).build();
    }

    /** The hand-written network; {@code u[s][k]} and {@code c[k]} as in the class comment. */
    record Toy(double[][] u, double[] c) implements ConvolutionalModel {
        @Override
        public FeatureEncoder encoder() {
            return FeatureEncoder.fit(DATA, NumericEncoding.RAW, 0);
        }

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public Prediction predict(Instance x) {
            double y = logit(x.values());
            double p = 1 / (1 + Math.exp(-y));
            return Prediction.ofProbabilities(new double[] {1 - p, p}, SCHEMA.classes());
        }

        @Override
        public int[] imageShape() {
            return new int[] {2, SIDE, SIDE};
        }

        @Override
        public List<String> outputNames() {
            return List.of("logit(a)", "logit(b)");
        }

        @Override
        public int classOutput(int classIndex) {
            return classIndex;
        }

        double block(double[] z, int s, int i, int j) {
            int o = s * SIDE * SIDE;
            return z[o + 2 * i * SIDE + 2 * j] + z[o + 2 * i * SIDE + 2 * j + 1] + z[o + (2 * i + 1) * SIDE + 2 * j]
                    + z[o + (2 * i + 1) * SIDE + 2 * j + 1];
        }

        double logit(double[] z) {
            double y = 0;
            for (int s = 0; s < 2; s++) {
                for (int k = 0; k < c.length; k++) {
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            y += u[s][k] * Math.max(0, c[k] * block(z, s, i, j));
                        }
                    }
                }
            }
            return y;
        }

        @Override
        public FeatureMaps featureMaps(double[] z, int output) {
            double[] a = new double[2 * c.length * 4];
            double[] g = new double[a.length];
            double sign = output == 1 ? 1 : -1;
            for (int s = 0; s < 2; s++) {
                for (int k = 0; k < c.length; k++) {
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            int q = ((s * c.length + k) * 2 + i) * 2 + j;
                            a[q] = Math.max(0, c[k] * block(z, s, i, j));
                            g[q] = sign * u[s][k];
                        }
                    }
                }
            }
            return new FeatureMaps(2, c.length, 2, 2, a, g, sign * logit(z));
        }

        @Override
        public Differentiable.Gradients outputGradients(double[][] rows, int output) {
            double sign = output == 1 ? 1 : -1;
            double[] outs = new double[rows.length];
            double[][] grads = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                double[] z = rows[r];
                outs[r] = sign * logit(z);
                double[] gr = new double[z.length];
                for (int s = 0; s < 2; s++) {
                    for (int k = 0; k < c.length; k++) {
                        for (int i = 0; i < 2; i++) {
                            for (int j = 0; j < 2; j++) {
                                if (c[k] * block(z, s, i, j) > 0) {
                                    int o = s * SIDE * SIDE;
                                    for (int q : new int[] {o + 2 * i * SIDE + 2 * j, o + 2 * i * SIDE + 2 * j + 1,
                                            o + (2 * i + 1) * SIDE + 2 * j, o + (2 * i + 1) * SIDE + 2 * j + 1}) {
                                        gr[q] += sign * u[s][k] * c[k];
                                    }
                                }
                            }
                        }
                    }
                }
                grads[r] = gr;
            }
            return new Differentiable.Gradients(outs, grads);
        }
    }

    @Property(tries = 50)
    void theMapIsTheReluOfTheGradientWeightedChannelsOnTheGridCorners(@ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Random r = new Random(seed);
        double[][] u = new double[2][3];
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            c[k] = r.nextGaussian();
            u[0][k] = r.nextGaussian();
            u[1][k] = r.nextGaussian();
        }
        Toy toy = new Toy(u, c);
        double[] z = DATA.row(r.nextInt(10)).values();
        double[] map = GradCam.map(toy, z, 1);
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double cam = 0;
                    for (int k = 0; k < 3; k++) {
                        cam += u[s][k] * Math.max(0, c[k] * toy.block(z, s, i, j));
                    }
                    // the outer pixel of each 2 × 2 block sits at a grid corner: bilinear gives the cell itself
                    int py = i == 0 ? 0 : SIDE - 1;
                    int px = j == 0 ? 0 : SIDE - 1;
                    assertEquals(Math.max(0, cam), map[s * SIDE * SIDE + py * SIDE + px], 1e-12, "slot " + s + " cell " + i + "," + j);
                }
            }
        }
        for (double v : map) {
            assertTrue(v >= 0, "a ReLU map");
        }
    }

    @Test
    void aSlotTheOutputIgnoresIsDarkAndTheExplainerNamesItsOutput() {
        Toy toy = new Toy(new double[][] {{1, 0.5}, {0, 0}}, new double[] {1, 2});
        double[] z = DATA.row(0).values();
        FeatureAttribution a = new GradCam().explain(toy, DATA.row(0), 1);
        assertEquals("grad-cam", a.method());
        assertEquals("logit(b)", a.target());
        assertEquals(toy.logit(z), a.output(), 1e-12);
        for (int q = SIDE * SIDE; q < 2 * SIDE * SIDE; q++) {
            assertEquals(0.0, a.values()[q], "slot 2 does not move the output");
        }
        assertTrue(Arrays.stream(a.values()).limit(SIDE * SIDE).allMatch(v -> v > 0));
        FeatureAttribution other = new GradCam().explain(toy, DATA.row(0), 0);
        assertTrue(Arrays.stream(other.values()).allMatch(v -> v == 0), "logit(a) = −logit(b): nothing pushes it up");
    }

    @Test
    void aModelWithoutConvolutionsIsRefusedWithAReason() {
        Predictor flat = new Predictor() {
            @Override
            public Schema schema() {
                return SCHEMA;
            }

            @Override
            public Prediction predict(Instance x) {
                return Prediction.ofProbabilities(new double[] {0.5, 0.5}, SCHEMA.classes());
            }
        };
        var e = assertThrows(UnsupportedExplainerException.class, () -> new GradCam().explain(flat, DATA.row(0), 1));
        assertTrue(e.getMessage().contains("last convolutional layer"), e.getMessage());
    }

    @Test
    void activationMaximisationOfALinearOutputLightsItsPositivePixelsOnly() {
        // c = 1, one channel: y = Σ_s u_s Σ (all pixels of slot s) while the blocks are positive
        Toy toy = new Toy(new double[][] {{1}, {-1}}, new double[] {1});
        double[] grey = new double[2 * SIDE * SIDE];
        Arrays.fill(grey, 0.5);
        ActivationMaximisation.Result r = ActivationMaximisation.maximise(toy, 1, grey,
                new ActivationMaximisation.Settings(40, 0.05, 0, 0));
        assertEquals("logit(b)", r.output());
        assertTrue(r.endOutput() > r.startOutput());
        for (int q = 0; q < SIDE * SIDE; q++) {
            assertEquals(1.0, r.image()[q], 1e-12, "slot 1 raises the output: its pixels go to 1");
        }
        double slot2 = Arrays.stream(r.image()).skip(SIDE * SIDE).max().orElseThrow();
        assertTrue(slot2 < 0.05, "slot 2 lowers it: its pixels go down to the floor, got " + slot2);
        ActivationMaximisation.Result penalised = ActivationMaximisation.maximise(toy, 1, grey,
                new ActivationMaximisation.Settings(40, 0.05, 2.0, 0));
        assertTrue(penalised.image()[0] < 1 - 1e-6, "the L2 pull toward the start holds pixels back");
        assertTrue(penalised.objective() > penalised.startOutput(), "the regularised objective rose");
    }
}
