package org.pellucid.baselines;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.model.Scores;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;


class BaselinesTest {
    @Test
    void forestAndBoostingLearnTheKnownRule() {
        Dataset d = SyntheticData.rule(1500, 4);
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.2, 1);
        for (String kind : new String[] {"rf", "gbm"}) {
            var m = ModelFamilies.get(kind).train(d.subset(s.train()), d.subset(s.valid()), TrainConfig.of(1).with("trees", "40"));
            Dataset test = d.subset(s.test());
            double acc = Scores.accuracy(test.labels(), Scores.classes(m.predictAll(test)));
            assertTrue(acc > 0.95, kind + " accuracy " + acc);
            assertTrue(m instanceof EnsembleModel);
        }
    }
}
