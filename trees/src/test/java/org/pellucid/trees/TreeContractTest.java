package org.pellucid.trees;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/** The shared contract for {@code tree}, trained through its registered family. */
class TreeContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return ModelFamilies.get("tree");
    }

    @Override
    protected Dataset data() {
        return SyntheticData.rule(800, 7);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("max-leaves", "12");
    }
}
