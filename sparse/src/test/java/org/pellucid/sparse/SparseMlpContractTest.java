package org.pellucid.sparse;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/** The shared contract for {@code sparse-mlp}, trained through its registered family. */
class SparseMlpContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return ModelFamilies.get("sparse-mlp");
    }

    @Override
    protected Dataset data() {
        return SyntheticData.trig(500, 4);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("max-features", "4").with("hidden", "8").with("dense-epochs", "5").with("refit-epochs", "3");
    }

    @Override
    protected double validShare() {
        return 0.25;
    }
}
