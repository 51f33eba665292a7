package org.pellucid.contract.families;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.LogisticFamily;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

class LogisticContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return new LogisticFamily();
    }

    @Override
    protected Dataset data() {
        return SyntheticData.rule(600, 3);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("cv-folds", "3");
    }
}
