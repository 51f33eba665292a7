package org.pellucid.trees;

import org.pellucid.core.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.TrainConfig;

class TreeContractTest extends ModelContract<TreeModel> {
    @Override
    protected Dataset data() {
        return SyntheticData.rule(800, 7);
    }

    @Override
    protected TreeModel train(Dataset d, long seed) {
        return (TreeModel) new TreeFamily().train(d, null, TrainConfig.of(seed).with("max-leaves", "12"));
    }
}
