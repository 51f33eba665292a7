package org.pellucid.eval;

import org.pellucid.core.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.baselines.EnsembleModel;

class ForestContractTest extends ModelContract<EnsembleModel> {
    @Override
    protected Dataset data() {
        return SyntheticData.xor(400, 2);
    }

    @Override
    protected EnsembleModel train(Dataset d, long seed) {
        return (EnsembleModel) ModelFamilies.get("rf").train(d, null, TrainConfig.of(seed).with("trees", "15"));
    }
}
