package org.pellucid.contract.families;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.MlpFamily;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

class MlpContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return new MlpFamily();
    }

    @Override
    protected Dataset data() {
        return SyntheticData.trig(600, 3);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("epochs", "15").with("hidden", "16,16");
    }
}
