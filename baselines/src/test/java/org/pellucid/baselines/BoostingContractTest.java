package org.pellucid.baselines;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/** The shared contract for {@code gbm}, trained through its registered family. */
class BoostingContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return ModelFamilies.get("gbm");
    }

    @Override
    protected Dataset data() {
        return SyntheticData.trig(400, 2);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("trees", "20");
    }
}
