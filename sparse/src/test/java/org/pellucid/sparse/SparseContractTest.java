package org.pellucid.sparse;

import org.pellucid.core.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.TrainConfig;

class SparseContractTest extends ModelContract<SparseModel> {
    @Override
    protected Dataset data() {
        return SyntheticData.trig(500, 4);
    }

    @Override
    protected SparseModel train(Dataset d, long seed) {
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.25, 0.0, seed);
        return (SparseModel) new SparseFamily.LassoNet().train(d.subset(s.train()), d.subset(s.valid()), TrainConfig.of(seed)
                .with("max-features", "4").with("hidden", "8").with("dense-epochs", "5").with("refit-epochs", "3"));
    }
}
