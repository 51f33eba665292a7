package org.example.stump;

import org.pellucid.contract.ModelContract;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamily;

/**
 * The contract on the lying stump. Not named *Test, so a plain {@code mvn test} skips it; run it with
 * {@code -Dtest=BrokenStumpContract} and it must fail.
 */
class BrokenStumpContract extends ModelContract {
    @Override
    protected ModelFamily family() {
        return new LyingStumpFamily();
    }

    @Override
    protected Dataset data() {
        return SyntheticData.rule(400, 1);
    }
}
