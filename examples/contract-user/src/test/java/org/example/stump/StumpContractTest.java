package org.example.stump;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamily;

/** The whole shared contract for the stump: one class, three methods. */
class StumpContractTest extends ModelContract {
    @Override
    protected ModelFamily family() {
        return new StumpFamily();
    }

    @Override
    protected Dataset data() {
        return SyntheticData.rule(400, 1);
    }
}
