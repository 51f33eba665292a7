package org.pellucid.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.models.TrainConfig;

class SparseModelTest {
    static final Dataset DATA = SyntheticData.rule(1500, 9);
    static final Splits.TrainValidTest S = Splits.trainValidTest(DATA, 0.2, 0.2, 1);

    static SparseModel train(SparseFamily f, int maxFeatures) {
        return (SparseModel) f.train(DATA.subset(S.train()), DATA.subset(S.valid()), TrainConfig.of(1)
                .with("max-features", "" + maxFeatures).with("hidden", "16").with("dense-epochs", "10").with("refit-epochs", "8"));
    }

    @Test
    void sparseMlpKeepsAtMostKColumnsAndFindsTheRelevantOnes() {
        SparseModel m = train(new SparseFamily(), 3);
        List<String> used = m.describe().features();
        assertTrue(used.size() <= 3 && !used.isEmpty(), "selected " + used);
        assertTrue(used.contains("income") || used.contains("debt_ratio"), "the rule's columns should be picked: " + used);
        assertEquals(used.size(), m.complexity().features());
        // the unselected columns get exactly zero attribution; IG nearly adds up
        Dataset test = DATA.subset(S.test());
        for (int i = 0; i < 30; i++) {
            FeatureAttribution a = m.explain(test.row(i)).explanation();
            for (var c : a.contributions()) {
                if (!used.contains(c.feature())) {
                    assertEquals(0.0, c.attribution(), "unselected column " + c.feature());
                }
            }
            assertTrue(Math.abs(a.completenessGap()) < 0.05 * (1 + Math.abs(a.output() - a.baseline())), "IG gap " + a.completenessGap());
        }
    }

    @Test
    void lassonetPathGoesFromDenseToSparseWithFewReentries() {
        SparseModel m = train(new SparseFamily.LassoNet(), 8);
        List<PathPoint> path = m.path();
        assertTrue(path.size() > 3);
        assertEquals(8, path.get(0).activeFeatures(), "the path starts dense");
        int reentries = 0;
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i).activeFeatures() > path.get(i - 1).activeFeatures()) {
                reentries++;
            }
            assertTrue(path.get(i).lambda() > path.get(i - 1).lambda());
        }
        assertTrue(reentries <= path.size() / 5, reentries + " re-entries on a path of " + path.size());
    }
}
