package org.pellucid.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every registry dataset loads with the size its source documents. Needs the shared data directory
 * ({@code PELLUCID_DATA} or {@code ../shared/datasets}); skipped with the reason when it is absent.
 */
class SharedDatasetsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "adult, 32561, 14, 2", "bank-marketing, 45211, 16, 2", "banknote, 1372, 4, 2", "chess, 28056, 6, 18",
        "letter-recognition, 20000, 16, 26", "magic04, 19020, 10, 2", "mushroom, 8124, 22, 2", "nursery, 12960, 8, 5",
        "tic-tac-toe, 958, 9, 2", "wine, 178, 13, 3", "breast-cancer, 569, 30, 2", "iris, 150, 4, 3",
        "wine-sklearn, 178, 13, 3", "digits, 1797, 64, 10", "compas, 7214, 9, 2", "mnist, 10000, 784, 10",
        "fashion-mnist-test, 10000, 784, 10", "splice, 3190, 60, 3", "sms-spam, 5574, 0, 2"})
    void loadsWithItsDocumentedSize(String name, int rows, int columns, int classes) {
        assumeTrue(DatasetRegistry.isAvailable(name), "dataset '" + name + "' is not in " + DatasetRegistry.dataDirectory()
                + " (set PELLUCID_DATA)");
        Dataset d = DatasetRegistry.load(name);
        assertEquals(name, d.name());
        assertTrue(Math.abs(d.size() - rows) <= 1, name + " has " + d.size() + " rows, expected " + rows);
        assertEquals(columns, d.schema().featureCount());
        assertEquals(classes, d.schema().classes().size());
    }

    @Test
    void adultMissingValuesAreCountedNotDropped() {
        assumeTrue(DatasetRegistry.isAvailable("adult"), "adult is not in " + DatasetRegistry.dataDirectory());
        Dataset d = DatasetRegistry.load("adult");
        assertEquals(32561, d.size());
        assertEquals(1836, d.missing().perColumn().get("workclass"));
        assertEquals(1843, d.missing().perColumn().get("occupation"));
        assertEquals(583, d.missing().perColumn().get("native-country"));
    }
}
