package org.pellucid.core.models;

import org.pellucid.core.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;

class LogisticContractTest extends ModelContract<LogisticModel> {
    @Override
    protected Dataset data() {
        return SyntheticData.rule(600, 3);
    }

    @Override
    protected LogisticModel train(Dataset d, long seed) {
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.0, seed);
        return (LogisticModel) new LogisticFamily().train(d.subset(s.train()), d.subset(s.valid()),
                TrainConfig.of(seed).with("epochs", "40"));
    }
}
