package org.pellucid.additive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ga2m against its definitions: FAST's score, purification, the Shapley split of pairs, the tables. */
class Ga2mProperties {
    static final Dataset DATA = SyntheticData.rule(800, 5);
    static final Ga2mModel MODEL = (Ga2mModel) new Ga2mFamily().train(DATA, DATA.subset(IntStream.range(0, 200).toArray()),
            TrainConfig.of(1).with("mains", "network").with("epochs", "15").with("hidden", "8").with("pairs", "3").with("pair-epochs", "10").with("grid", "24").with("pair-grid", "8"));

    /** FAST's score of a pair is the best drop in squared error over every 2×2 cut, counted the slow way. */
    @Property(tries = 60)
    void fastEqualsBruteForce(@ForAll @IntRange(min = 2, max = 5) int na, @ForAll @IntRange(min = 2, max = 5) int nb,
                              @ForAll @IntRange(min = 1, max = 3) int k, @ForAll long seed) {
        Random r = new Random(seed);
        int rows = 40;
        int[][] cells = new int[rows][2];
        double[][] res = new double[rows][k];
        for (int i = 0; i < rows; i++) {
            cells[i][0] = r.nextInt(na);
            cells[i][1] = r.nextInt(nb);
            for (int q = 0; q < k; q++) {
                res[i][q] = r.nextGaussian();
            }
        }
        double best = 0;
        for (int a = 0; a + 1 < na; a++) {
            for (int b = 0; b + 1 < nb; b++) {
                double total = 0;
                for (int q = 0; q < k; q++) {
                    double[] s = new double[4];
                    double[] n = new double[4];
                    double all = 0;
                    for (int i = 0; i < rows; i++) {
                        int quad = (cells[i][0] <= a ? 0 : 2) + (cells[i][1] <= b ? 0 : 1);
                        s[quad] += res[i][q];
                        n[quad]++;
                        all += res[i][q];
                    }
                    // squared error of the overall mean minus that of the four quadrant means
                    double sse0 = 0;
                    double sse4 = 0;
                    for (int i = 0; i < rows; i++) {
                        int quad = (cells[i][0] <= a ? 0 : 2) + (cells[i][1] <= b ? 0 : 1);
                        sse0 += Math.pow(res[i][q] - all / rows, 2);
                        sse4 += Math.pow(res[i][q] - s[quad] / n[quad], 2);
                    }
                    total += sse0 - sse4;
                }
                best = Math.max(best, total);
            }
        }
        assertEquals(best, PairRanking.gain(cells, 0, 1, na, nb, res, k), 1e-9);
    }

    /** On data whose label is an XOR of two columns, FAST puts that pair first. */
    @Example
    void fastFindsThePlantedInteraction() {
        Random r = new Random(3);
        int rows = 2000;
        int[][] cells = new int[rows][4];
        double[][] res = new double[rows][2];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 4; j++) {
                cells[i][j] = r.nextInt(8);
            }
            boolean y = (cells[i][1] < 4) ^ (cells[i][3] < 4);
            res[i][0] = y ? -0.5 : 0.5; // what an additive model leaves: it cannot express the XOR
            res[i][1] = -res[i][0];
        }
        List<PairRanking.Scored> ranked = PairRanking.rank(cells, new int[] {8, 8, 8, 8}, res);
        assertEquals(1, ranked.get(0).first());
        assertEquals(3, ranked.get(0).second());
    }

    /** Purification and centring move mass between tables without changing any prediction, and leave pairs pure. */
    @Property(tries = 40)
    void purifyingChangesNoPredictionAndLeavesPairsPure(@ForAll long seed) {
        Random r = new Random(seed);
        AdditiveTables.Axis num = new AdditiveTables.Axis(new double[] {0, 1, 2.5, 4}, 0, 2, false);
        AdditiveTables.Axis cat = new AdditiveTables.Axis(null, 4, Double.NaN, false);
        AdditiveTables.Axis fine = new AdditiveTables.Axis(new double[] {-1, 0, 0.5, 1, 2, 2.5, 3, 4, 5}, 0, 2, false);
        AdditiveTables t = AdditiveTables.empty(new AdditiveTables.Axis[] {fine, cat, fine}, new AdditiveTables.Axis[] {num, cat, num},
                new int[][] {{0, 1}, {0, 2}}, 2);
        fill(t, r);
        double[][] rows = new double[300][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {r.nextDouble() * 5 - 0.5, r.nextInt(4) - (r.nextInt(10) == 0 ? 1 : 0), r.nextDouble() * 4};
        }
        double[][] before = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            before[i] = t.logits(rows[i], null, null);
        }
        Masses m = masses(t, rows);
        double[][] mass1 = m.main();
        double[][] massPair1 = m.pairAxis();
        double[][][] mass2 = m.pair();
        t.purify(mass2, 500, 1e-12);
        t.centre(mass1, massPair1);
        for (int i = 0; i < rows.length; i++) {
            double[] after = t.logits(rows[i], null, null);
            for (int q = 0; q < 2; q++) {
                assertEquals(before[i][q], after[q], 1e-9, "purification changed a prediction");
            }
        }
        for (int p = 0; p < 2; p++) {
            for (int a = 0; a < 4; a++) {
                double sw = 0;
                double sv = 0;
                for (int b = 0; b < 4; b++) {
                    sw += mass2[p][a][b];
                    sv += mass2[p][a][b] * t.pair[p][a][b][1];
                }
                assertTrue(sw == 0 || Math.abs(sv / sw) < 1e-6, "pair " + p + " row " + a + " averages " + sv / sw);
            }
        }
        for (int j = 0; j < 3; j++) {
            double sv = 0;
            for (int c = 0; c < t.axes[j].size(); c++) {
                sv += mass1[j][c] * t.main[j][c][0];
            }
            for (int c = 0; c < 4; c++) {
                sv += massPair1[j][c] * t.corr[j][c][0];
            }
            assertEquals(0, sv, 1e-6, "shape " + j + " is centred");
        }
    }

    /** The rows' interpolation mass on each cell of the main tables, of each pair axis, and of each pair table. */
    private record Masses(double[][] main, double[][] pairAxis, double[][][] pair) {}

    private static Masses masses(AdditiveTables t, double[][] rows) {
        double[][] mass1 = {new double[9], new double[4], new double[9]};
        double[][] massPair1 = {new double[4], new double[4], new double[4]};
        double[][][] mass2 = {new double[4][4], new double[4][4]};
        int[] ia = new int[2];
        double[] wa = new double[2];
        int[] ib = new int[2];
        double[] wb = new double[2];
        for (double[] x : rows) {
            for (int j = 0; j < 3; j++) {
                int n = t.axes[j].cells(x[j], ia, wa);
                for (int c = 0; c < n; c++) {
                    mass1[j][ia[c]] += wa[c];
                }
                n = t.pairAxes[j].cells(x[j], ia, wa);
                for (int c = 0; c < n; c++) {
                    massPair1[j][ia[c]] += wa[c];
                }
            }
            for (int p = 0; p < 2; p++) {
                int na = t.pairAxes[t.pairs[p][0]].cells(x[t.pairs[p][0]], ia, wa);
                int nb = t.pairAxes[t.pairs[p][1]].cells(x[t.pairs[p][1]], ib, wb);
                for (int a = 0; a < na; a++) {
                    for (int b = 0; b < nb; b++) {
                        mass2[p][ia[a]][ib[b]] += wa[a] * wb[b];
                    }
                }
            }
        }
        return new Masses(mass1, massPair1, mass2);
    }

    private static void fill(AdditiveTables t, Random r) {
        for (double[][] m : Stream.concat(Arrays.stream(t.main), Arrays.stream(t.corr)).toList()) {
            for (double[] c : m) {
                for (int q = 0; q < c.length; q++) {
                    c[q] = r.nextGaussian();
                }
            }
        }
        for (double[][][] p : t.pair) {
            for (double[][] row : p) {
                for (double[] c : row) {
                    for (int q = 0; q < c.length; q++) {
                        c[q] = r.nextGaussian();
                    }
                }
            }
        }
    }

    /** Each column's contribution is its main effect plus half of each of its pairs, and they add up to the output. */
    @Property(tries = 60)
    void contributionsAreMainPlusHalfPairsAndAddUp(@ForAll @IntRange(min = 0, max = 799) int row) {
        Instance x = DATA.row(row);
        FeatureAttribution a = MODEL.attribution(x, 1);
        AdditiveTables t = MODEL.tables();
        double[][] mp = new double[DATA.schema().featureCount()][2];
        double[][] pp = new double[t.pairs.length][2];
        t.logits(x.values(), mp, pp);
        double[] expect = new double[mp.length];
        for (int j = 0; j < mp.length; j++) {
            expect[j] = mp[j][1] - mp[j][0];
        }
        for (int p = 0; p < pp.length; p++) {
            expect[t.pairs[p][0]] += (pp[p][1] - pp[p][0]) / 2;
            expect[t.pairs[p][1]] += (pp[p][1] - pp[p][0]) / 2;
        }
        List<Contribution> terms = MODEL.pairTerms(x, 1);
        assertEquals(t.pairs.length, terms.size());
        for (int p = 0; p < pp.length; p++) {
            assertEquals(pp[p][1] - pp[p][0], terms.get(p).attribution(), 1e-12, "pair term " + terms.get(p).feature());
        }
        double sum = a.baseline();
        for (int j = 0; j < mp.length; j++) {
            assertEquals(expect[j], a.values()[j], 1e-12);
            sum += a.values()[j];
        }
        assertEquals(a.output(), sum, 1e-9, "contributions add up to the log-odds");
    }

    /** Monotone columns stay out of pairs, so their contribution, main effect alone, is monotone on a fine grid. */
    @Example
    void monotoneColumnsStayMonotone() {
        Ga2mModel m = (Ga2mModel) new Ga2mFamily().train(DATA, null, TrainConfig.of(2).with("mains", "network").with("epochs", "10").with("hidden", "8")
                .with("pairs", "4").with("pair-epochs", "3").with("monotone", "income:+,debt_ratio:-"));
        for (int[] p : m.tables().pairs) {
            for (int c : p) {
                assertTrue(!DATA.schema().feature(c).name().equals("income") && !DATA.schema().feature(c).name().equals("debt_ratio"),
                        "a monotone column in a pair: " + Arrays.toString(p));
            }
        }
        for (String col : new String[] {"income", "debt_ratio"}) {
            int j = DATA.schema().indexOf(col);
            int sign = col.equals("income") ? 1 : -1;
            double[] row = DATA.rowValues(0);
            double prev = Double.NaN;
            for (int g = 0; g <= 300; g++) {
                row[j] = (col.equals("income") ? 0 : -0.5) + (col.equals("income") ? 150 : 2) * g / 300.0;
                double c = m.attribution(new Instance(DATA.schema(), row), 1).values()[j];
                assertTrue(Double.isNaN(prev) || sign * (c - prev) >= -1e-9, col + " not monotone at " + row[j]);
                prev = c;
            }
        }
    }

    /**
     * On the demo's credit table (as {@code pellucid demo} draws it: 3,000 rows, seed 1) the tables
     * predict the networks' class on at least 99.9% of held-out test rows, with a 128-point pair grid;
     * at the default 32 points this split gives 0.998 (one row of 600, a logit gap of 2.2).
     */
    @Example
    void theTablesAgreeWithTheNetworksOnTestRows() {
        Dataset d = SyntheticData.rule(3000, 1);
        var split = Splits.trainValidTest(d, 0.2, 0.2, 1);
        Ga2mFamily.Trained t = new Ga2mFamily().trainWithNetworks(d.subset(split.train()), d.subset(split.valid()),
                TrainConfig.of(1).with("mains", "network").with("epochs", "60").with("pair-grid", "128"));
        double[] agree = t.agreement(d.subset(split.test()));
        assertTrue(agree[0] >= 0.999, "agreement on the test split " + agree[0] + ", largest logit gap " + agree[1]);
    }

    /** The saved tables are the model: a saved and read model predicts and explains the same. */
    @Example
    void theTablesSurviveSaving() throws Exception {
        Path dir = Files.createTempDirectory("ga2m");
        ModelStore.save(MODEL, dir);
        Ga2mModel back = (Ga2mModel) ModelFamilies.load(dir);
        for (int i = 0; i < 50; i++) {
            assertEquals(MODEL.explain(DATA.row(i)).prediction().probabilities()[1],
                    back.explain(DATA.row(i)).prediction().probabilities()[1], 1e-12);
        }
    }

    /** A column that never varies in training gets a flat shape: its table is one value, centred to zero. */
    @Example
    void aColumnTheModelNeverSawVaryIsFlat() {
        Schema s = new Schema(List.of(Column.numeric("signal"), Column.numeric("constant")), Column.categorical("y", List.of("no", "yes")));
        Random r = new Random(5);
        double[][] x = new double[400][];
        int[] y = new int[400];
        for (int i = 0; i < 400; i++) {
            double v = r.nextGaussian();
            x[i] = new double[] {v, 3.0};
            y[i] = v > 0 ? 1 : 0;
        }
        Dataset d = Dataset.builder(s).name("flat").features(x).labels(y).build();
        Ga2mModel m = (Ga2mModel) new Ga2mFamily().train(d, null, TrainConfig.of(1).with("mains", "network").with("epochs", "10").with("pairs", "1").with("pair-epochs", "3"));
        for (double v : new double[] {-100, 0, 3, 7, 1e6}) {
            assertEquals(0, m.attribution(new Instance(s, new double[] {0.5, v}), 1).values()[1], 1e-9);
        }
    }
}
