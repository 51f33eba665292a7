package org.pellucid.bottleneck;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/** The shared contract for {@code cem}, trained through its registered family. */
class CemContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return ModelFamilies.get("cem");
    }

    @Override
    protected Dataset data() {
        return SyntheticData.dot(400, 3);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("epochs", "15").with("hidden", "16").with("embedding-size", "4");
    }
}
