package org.pellucid.additive;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/** The shared contract for {@code nam}. */
class NamContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return new NamFamily();
    }

    @Override
    protected Dataset data() {
        return SyntheticData.rule(600, 3);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("epochs", "8").with("hidden", "8");
    }
}
