package org.pellucid.bottleneck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

class ConceptModelTest {
    static final Dataset XOR = SyntheticData.xor(1500, 1);

    static ConceptModel train(String kind, Dataset d, TrainConfig cfg) {
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.2, cfg.seed());
        return (ConceptModel) ModelFamilies.get(kind).train(d.subset(s.train()), d.subset(s.valid()), cfg);
    }

    static Dataset test(Dataset d, long seed) {
        return d.subset(Splits.trainValidTest(d, 0.2, 0.2, seed).test());
    }

    @Test
    void everyModeAndCemLearnXor() {
        for (String[] km : new String[][] {{"cbm", "joint"}, {"cbm", "sequential"}, {"cbm", "independent"}, {"cem", "joint"}}) {
            ConceptModel m = train(km[0], XOR, TrainConfig.of(1).with("mode", km[1]));
            ConceptMetrics cm = ConceptMetrics.of(m, test(XOR, 1));
            System.out.println(km[0] + " " + km[1] + " " + cm);
            assertTrue(cm.conceptAccuracy() > 0.97, km[0] + " " + km[1] + " " + cm);
            assertTrue(cm.taskAccuracy() > 0.95, km[0] + " " + km[1] + " " + cm);
        }
    }
}
