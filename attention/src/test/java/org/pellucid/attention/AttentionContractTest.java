package org.pellucid.attention;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/** The shared contract for {@code attention}, trained through its registered family. */
class AttentionContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return ModelFamilies.get("attention");
    }

    @Override
    protected Dataset data() {
        return SyntheticData.rule(300, 2);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("epochs", "3").with("width", "8").with("heads", "2").with("layers", "1");
    }
}
