package org.pellucid.bottleneck;

import org.pellucid.core.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

/** The shared model contract, for the bottleneck and the embedding model. */
class ConceptContractTest {
    static class Cbm extends ModelContract<ConceptModel> {
        @Override
        protected Dataset data() {
            return SyntheticData.trig(400, 3);
        }

        @Override
        protected ConceptModel train(Dataset d, long seed) {
            return (ConceptModel) ModelFamilies.get("cbm").train(d, null, TrainConfig.of(seed).with("epochs", "15").with("hidden", "16"));
        }
    }

    static class Cem extends ModelContract<ConceptModel> {
        @Override
        protected Dataset data() {
            return SyntheticData.dot(400, 3);
        }

        @Override
        protected ConceptModel train(Dataset d, long seed) {
            return (ConceptModel) ModelFamilies.get("cem").train(d, null,
                    TrainConfig.of(seed).with("epochs", "15").with("hidden", "16").with("embedding-size", "4"));
        }
    }
}
