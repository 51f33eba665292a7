package org.pellucid.core.models;

import org.pellucid.core.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;

class MlpContractTest extends ModelContract<MlpModel> {
    @Override
    protected Dataset data() {
        return SyntheticData.trig(600, 3);
    }

    @Override
    protected MlpModel train(Dataset d, long seed) {
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.0, seed);
        return (MlpModel) new MlpFamily().train(d.subset(s.train()), d.subset(s.valid()),
                TrainConfig.of(seed).with("epochs", "15").with("hidden", "16,16"));
    }
}
