package org.pellucid.neurosymbolic;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/** The shared contract for {@code rules}, trained through its registered family. */
class RulesContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return ModelFamilies.get("rules");
    }

    @Override
    protected Dataset data() {
        return SyntheticData.rule(400, 2);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("epochs", "20").with("rules", "8");
    }
}
