package org.pellucid.additive;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/** The shared contract for {@code ga2m}. */
class Ga2mContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return new Ga2mFamily();
    }

    @Override
    protected Dataset data() {
        return SyntheticData.rule(600, 3);
    }

    @Override
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed).with("boost-cycles", "60").with("pairs", "3").with("pair-epochs", "5")
                .with("pair-hidden", "4").with("grid", "16").with("pair-grid", "6");
    }
}
