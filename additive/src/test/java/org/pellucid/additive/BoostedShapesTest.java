package org.pellucid.additive;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assertions;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.ShapeFunctions;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ga2m with boosted main effects: trained on the tables' own cells, so what was trained is what is deployed. */
class BoostedShapesTest {
    static final Dataset DATA = SyntheticData.rule(3000, 1);
    static final Splits.TrainValidTest SPLIT = Splits.trainValidTest(DATA, 0.2, 0.2, 1);

    /** Without pairs the deployed tables are the boosted model exactly: every logit within rounding. */
    @Example
    void theTablesAreTheBoostedModel() {
        Ga2mFamily.Trained t = new Ga2mFamily().trainWithNetworks(DATA.subset(SPLIT.train()), DATA.subset(SPLIT.valid()),
                TrainConfig.of(1).with("mains", "boosted").with("pairs", "0").with("decision", "argmax"));
        double[] agree = t.agreement(DATA.subset(SPLIT.test()));
        assertEquals(1.0, agree[0], "agreement on the test split");
        assertTrue(agree[1] < 1e-4, "largest logit gap " + agree[1] + " (the tables' logits are read as floats)");
        assertTrue(t.model().provenance().training().figures().get("boost_best_cycle") >= 1);
    }

    /** A nam option given to the boosted main effects is an error that says which options they read. */
    @Example
    void namOptionsAreRefusedByBoostedMains() {
        var e = Assertions.assertThrows(IllegalArgumentException.class, () -> new Ga2mFamily().train(DATA, null,
                TrainConfig.of(1).with("epochs", "3")));
        assertTrue(e.getMessage().contains("mains=network"), e.getMessage());
    }

    /**
     * On the demo's credit table, with the defaults (pairs included), the shapes find the rule's steps
     * (income at 50, debt ratio at 0.4, within 5% of the range) and the five noise columns stay flat:
     * each spans at most 5% of the widest shape's range. Without the least gains of cuts and pairs
     * they spanned 16% and 13%.
     */
    @Example
    void boostedShapesFindTheStepsAndIgnoreNoise() {
        Ga2mModel m = (Ga2mModel) new Ga2mFamily().train(DATA.subset(SPLIT.train()), DATA.subset(SPLIT.valid()), TrainConfig.of(1));
        ShapeFunctions sf = m.shapeFunctions(DATA.subset(SPLIT.train()));
        double widest = 0;
        for (ShapeFunctions.Curve c : sf.curves()) {
            widest = Math.max(widest, range(c.y()));
        }
        for (ShapeFunctions.Curve c : sf.curves()) {
            if (!List.of("income", "debt_ratio", "employment").contains(c.column())) {
                assertTrue(range(c.y()) <= 0.05 * widest, c.column() + " spans " + range(c.y()) + " of " + widest);
            }
        }
        assertEquals(50, steepest(curve(sf, "income")), 0.05 * range(curve(sf, "income").x()));
        assertEquals(0.4, steepest(curve(sf, "debt_ratio")), 0.05 * range(curve(sf, "debt_ratio").x()));
    }

    /** Weighted pool-adjacent-violators against its definition: monotone, and no monotone sequence is nearer (checked on a grid). */
    @Property(tries = 200)
    void pavaIsTheNearestMonotoneSequence(@ForAll @IntRange(min = 1, max = 6) int n,
                                          @ForAll long seed) {
        Random r = new Random(seed);
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(7) - 3;
            w[i] = 0.5 + r.nextInt(4);
        }
        double[] fit = BoostedShapes.pava(y, w);
        double best = loss(fit, y, w);
        for (int i = 1; i < n; i++) {
            assertTrue(fit[i] >= fit[i - 1] - 1e-12, "monotone");
        }
        // every non-decreasing sequence on a half-step grid is at least as far
        int[] g = new int[n];
        Arrays.fill(g, -6);
        while (true) {
            double[] cand = Arrays.stream(g).mapToDouble(v -> v / 2.0).toArray();
            boolean mono = true;
            for (int i = 1; i < n; i++) {
                mono &= cand[i] >= cand[i - 1];
            }
            if (mono) {
                assertTrue(loss(cand, y, w) >= best - 1e-9, Arrays.toString(cand) + " is nearer than " + Arrays.toString(fit));
            }
            int i = 0;
            while (i < n && g[i] == 6) {
                g[i++] = -6;
            }
            if (i == n) {
                break;
            }
            g[i]++;
        }
    }

    /** Boosted main effects with monotone columns: their shapes are monotone on a fine grid, far past the data's range. */
    @Example
    void monotoneBoostedShapesAreMonotone() {
        Ga2mModel m = (Ga2mModel) new Ga2mFamily().train(DATA.subset(SPLIT.train()), DATA.subset(SPLIT.valid()),
                TrainConfig.of(1).with("pairs", "2").with("pair-epochs", "3").with("monotone", "income:-,age:+"));
        for (String col : new String[] {"income", "age"}) {
            int j = DATA.schema().indexOf(col);
            int sign = col.equals("income") ? -1 : 1;
            double[] row = DATA.rowValues(0);
            double prev = Double.NaN;
            for (int g = 0; g <= 400; g++) {
                row[j] = -100 + 400.0 * g / 400;
                double c = m.attribution(new Instance(DATA.schema(), row), 1).values()[j];
                assertTrue(Double.isNaN(prev) || sign * (c - prev) >= -1e-9, col + " is not monotone at " + row[j] + ": " + prev + " → " + c);
                prev = c;
            }
        }
    }

    private static double loss(double[] f, double[] y, double[] w) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += w[i] * (f[i] - y[i]) * (f[i] - y[i]);
        }
        return s;
    }

    private static ShapeFunctions.Curve curve(ShapeFunctions sf, String column) {
        return sf.curves().stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow();
    }

    private static double range(double[] v) {
        return Arrays.stream(v).max().orElse(0) - Arrays.stream(v).min().orElse(0);
    }

    /** The midpoint of the largest jump between neighbouring points of a curve. */
    private static double steepest(ShapeFunctions.Curve c) {
        int best = 1;
        for (int g = 1; g < c.x().length; g++) {
            if (Math.abs(c.y()[g] - c.y()[g - 1]) > Math.abs(c.y()[best] - c.y()[best - 1])) {
                best = g;
            }
        }
        return (c.x()[best] + c.x()[best - 1]) / 2;
    }
}
