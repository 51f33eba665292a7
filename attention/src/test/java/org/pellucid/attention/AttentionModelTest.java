package org.pellucid.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.AttentionExplanation;
import org.pellucid.core.model.Scores;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

class AttentionModelTest {
    static final Dataset RULE = SyntheticData.rule(1500, 9);
    static final Splits.TrainValidTest SPLIT = Splits.trainValidTest(RULE, 0.2, 0.2, 1);
    static final AttentionModel MODEL = (AttentionModel) ModelFamilies.get("attention").train(RULE.subset(SPLIT.train()),
            RULE.subset(SPLIT.valid()), TrainConfig.of(1).with("epochs", "40").with("width", "16").with("patience", "10"));

    @Test
    void itLearnsTheRule() {
        Dataset test = RULE.subset(SPLIT.test());
        double acc = Scores.accuracy(test.labels(), Scores.classes(MODEL.predictAll(test)));
        assertTrue(acc > 0.9, "accuracy " + acc);
    }

    @Property(tries = 15)
    void everyMethodGivesOneScorePerColumnInTheUsersTerms(@ForAll @IntRange(min = 0, max = 1499) int row) {
        for (AttentionModel.Method m : AttentionModel.Method.values()) {
            AttentionExplanation e = MODEL.explain(RULE.row(row), m).explanation();
            assertEquals(RULE.schema().featureNames(), e.tokenFeatures());
            assertEquals(8, e.scores().length);
            assertTrue(e.tokens().get(0).startsWith("income = "), e.tokens().get(0));
            assertTrue(Arrays.stream(e.scores()).allMatch(v -> v >= -1e-12), m + " " + Arrays.toString(e.scores()));
            assertEquals(2, e.layers().length);
            if (m == AttentionModel.Method.ROLLOUT || m == AttentionModel.Method.RAW) {
                // the [CLS] row of a row-stochastic map: inputs get at most all of it
                assertTrue(Arrays.stream(e.scores()).sum() <= 1 + 1e-9);
            }
            if (m == AttentionModel.Method.FLOW) {
                assertTrue(Arrays.stream(e.scores()).allMatch(v -> v <= 1 + 1e-9), "flow into [CLS] is at most 1");
            }
            assertEquals(MODEL.predict(RULE.row(row)), MODEL.explain(RULE.row(row), m).prediction());
        }
    }

    @Test
    void theAttentionItReturnsIsRowStochastic() {
        AttentionExplanation e = MODEL.explain(RULE.row(0)).explanation();
        for (double[][][] layer : e.layers()) {
            for (double[][] head : layer) {
                for (double[] r : head) {
                    assertEquals(1.0, Arrays.stream(r).sum(), 1e-5);
                }
            }
        }
    }
}
