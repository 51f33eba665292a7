package org.pellucid.eval.explainers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.TreeEnsemble;

/**
 * TreeSHAP against its definition: Shapley values, enumerated over every coalition of columns, of
 * the path-dependent expectation (Lundberg et al. 2018, Algorithm 1), on trained forests and
 * boosted ensembles, for both classes.
 */
class TreeShapProperties {
    static final Dataset DATA = SyntheticData.rule(800, 5);
    static final TreeEnsemble FOREST = (TreeEnsemble) ModelFamilies.get("rf").train(DATA, null,
            TrainConfig.of(1).with("trees", "5").with("max-depth", "6"));
    static final TreeEnsemble BOOSTED = (TreeEnsemble) ModelFamilies.get("gbm").train(DATA, null,
            TrainConfig.of(1).with("trees", "8").with("max-leaves", "8"));

    @Property(tries = 15)
    void forestTreeShapIsTheExactPathDependentShapleyValue(@ForAll @IntRange(min = 0, max = 799) int row,
                                                           @ForAll @IntRange(min = 0, max = 1) int target) {
        check(FOREST, DATA.row(row), target);
    }

    @Property(tries = 15)
    void boostedTreeShapIsTheExactPathDependentShapleyValue(@ForAll @IntRange(min = 0, max = 799) int row,
                                                            @ForAll @IntRange(min = 0, max = 1) int target) {
        check(BOOSTED, DATA.row(row), target);
    }

    private static void check(TreeEnsemble m, Instance x, int target) {
        FeatureAttribution a = new TreeShap().explain(m, x, target);
        int p = x.size();
        double[] exact = new double[p];
        double[] fact = new double[p + 1];
        fact[0] = 1;
        for (int i = 1; i <= p; i++) {
            fact[i] = fact[i - 1] * i;
        }
        FeatureEncoder enc = m.encoder();
        double[] z = enc.encode(x);
        for (int mask = 0; mask < 1 << p; mask++) {
            double v = value(m, z, enc, mask, target);
            int size = Integer.bitCount(mask);
            for (int j = 0; j < p; j++) {
                if ((mask >> j & 1) == 1) {
                    double w = fact[size - 1] * fact[p - size] / fact[p];
                    exact[j] += w * (v - value(m, z, enc, mask & ~(1 << j), target));
                }
            }
        }
        for (int j = 0; j < p; j++) {
            assertEquals(exact[j], a.values()[j], 1e-9, "column " + j);
        }
        assertEquals(0, a.completenessGap(), 1e-9);
        assertEquals(value(m, z, enc, 0, target), a.baseline(), 1e-9);
    }

    /** The ensemble's additive output when only the columns in mask follow x. */
    static double value(TreeEnsemble m, double[] z, FeatureEncoder enc, int mask, int target) {
        if (m.combination() == TreeEnsemble.Combination.AVERAGE_DISTRIBUTIONS) {
            double s = 0;
            for (int t = 0; t < m.size(); t++) {
                s += expect(m.round(t)[0], 0, z, enc, mask, target) / m.size();
            }
            return s;
        }
        double sign = target == 0 ? -1 : 1;
        double s = m.init()[0];
        for (int t = 0; t < m.size(); t++) {
            s += expect(m.round(t)[0], 0, z, enc, mask, 0);
        }
        return sign * s;
    }

    static double expect(DecisionTree t, int node, double[] z, FeatureEncoder enc, int mask, int slot) {
        if (t.isLeaf(node)) {
            return t.value(node)[slot];
        }
        int f = t.feature(node);
        int col = 0;
        while (col + 1 < enc.schema().featureCount() && enc.offset(col + 1) <= f) {
            col++;
        }
        if ((mask >> col & 1) == 1) {
            return expect(t, z[f] <= t.threshold(node) ? t.left(node) : t.right(node), z, enc, mask, slot);
        }
        return (t.weight(t.left(node)) * expect(t, t.left(node), z, enc, mask, slot)
                + t.weight(t.right(node)) * expect(t, t.right(node), z, enc, mask, slot)) / t.weight(node);
    }
}
