package org.pellucid.additive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.TrainConfig;

/** ga2m's boosted main effects refuse the options only nam's networks read, rather than ignore them. */
class Ga2mOptionsTest {
    /** A valid value for each nam option that boosted mains do not read. */
    private static final Map<String, String> NETWORK_ONLY = Map.of("hidden", "16", "epochs", "5", "lr", "0.01",
            "weight-decay", "0.001", "patience", "3", "bags", "2", "inputs", "quantile");

    @Test
    void everyNamOptionIsEitherReadByBoostedMainsOrRefused() {
        Set<String> nam = new TreeSet<>(NamFamily.OPTIONS.names());
        assertTrue(nam.containsAll(Ga2mFamily.SHARED_WITH_BOOSTED), "the shared options are nam's: " + Ga2mFamily.SHARED_WITH_BOOSTED);
        // a new nam option lands here: decide whether boosted mains read it (SHARED_WITH_BOOSTED) or refuse it
        assertEquals(new TreeSet<>(NETWORK_ONLY.keySet()), new TreeSet<>(Ga2mFamily.NAM_ONLY));
    }

    @Test
    void boostedMainsRefuseEachNetworkOnlyOption() {
        Dataset d = SyntheticData.rule(300, 1);
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.2, 1);
        for (Map.Entry<String, String> o : NETWORK_ONLY.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ga2mFamily().train(
                    d.subset(s.train()), d.subset(s.valid()), TrainConfig.of(1).with(o.getKey(), o.getValue())), o.getKey());
            assertTrue(e.getMessage().contains("option " + o.getKey() + " is for mains=network"), e.getMessage());
        }
    }
}
