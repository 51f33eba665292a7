package org.pellucid.additive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.models.TrainConfig;

/** A NAM is additive: a column's change moves its own contribution and nothing else. */
class NamProperties {
    static final Dataset DATA = SyntheticData.rule(800, 5);
    static final NamModel NAM = (NamModel) new NamFamily().train(DATA, null, TrainConfig.of(1).with("epochs", "15").with("hidden", "8"));

    @Property(tries = 100)
    void changingOneColumnChangesOnlyItsContribution(@ForAll @IntRange(min = 0, max = 799) int a, @ForAll @IntRange(min = 0, max = 799) int b,
                                                    @ForAll @IntRange(min = 0, max = 7) int j) {
        double[] va = DATA.rowValues(a);
        double[] moved = va.clone();
        moved[j] = DATA.rowValues(b)[j];
        FeatureAttribution before = NAM.attribution(new Instance(DATA.schema(), va), 1);
        FeatureAttribution after = NAM.attribution(new Instance(DATA.schema(), moved), 1);
        for (int q = 0; q < va.length; q++) {
            if (q != j) {
                assertEquals(before.values()[q], after.values()[q], 1e-12, "column " + q + " moved when only " + j + " changed");
            }
        }
        assertEquals(before.baseline(), after.baseline(), 0.0);
        double delta = after.output() - before.output();
        assertEquals(after.values()[j] - before.values()[j], delta, 1e-9, "the output moves by exactly the column's change");
    }
}
