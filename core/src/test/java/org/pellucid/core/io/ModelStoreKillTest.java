package org.pellucid.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.LogisticFamily;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A save killed at any step of replacing a model (simulated through the test hook, which skips all
 * cleanup as kill -9 would) leaves a loadable model at the path: the old one until the new one is
 * in place, the new one after.
 */
class ModelStoreKillTest {
    static final Dataset DATA = SyntheticData.rule(300, 5);
    static final Savable OLD = new LogisticFamily().train(DATA, null, TrainConfig.of(1).with("c", "0.001"));
    static final Savable NEW = new LogisticFamily().train(DATA, null, TrainConfig.of(2).with("c", "10"));

    @TempDir
    Path tmp;

    @AfterEach
    void noHook() {
        ModelStore.stepHook = step -> { };
    }

    private static List<Object> predictions(Savable m) {
        return List.copyOf(m.predictAll(DATA));
    }

    /** Saves OLD at dir, then replaces it with NEW and kills the save after {@code step}. */
    private static void replaceKilledAt(String step, Path dir) {
        ModelStore.save(OLD, dir);
        ModelStore.stepHook = s -> {
            if (s.equals(step)) {
                throw new ModelStore.KillForTest(s);
            }
        };
        assertThrows(ModelStore.KillForTest.class, () -> ModelStore.save(NEW, dir));
        ModelStore.stepHook = s -> { };
    }

    @ParameterizedTest
    @ValueSource(strings = {"written", "old-moved-aside", "new-in-place"})
    void aKilledReplacementLeavesALoadableModel(String step) throws Exception {
        Assertions.assertNotEquals(predictions(OLD), predictions(NEW), "the two models must be told apart");
        Path dir = tmp.resolve("model");
        replaceKilledAt(step, dir);
        Savable loaded = ModelFamilies.load(dir);
        Savable expected = step.equals("new-in-place") ? NEW : OLD;
        assertEquals(predictions(expected), predictions(loaded), "after a kill at '" + step + "'");
        // the next save succeeds and, an hour on, clears what the killed one left
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path p : s.toList()) {
                if (!p.equals(dir)) {
                    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
                }
            }
        }
        ModelStore.save(NEW, dir);
        assertEquals(predictions(NEW), predictions(ModelFamilies.load(dir)));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(dir), s.toList(), "stale temporaries removed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"old-moved-aside"})
    void withoutRecoveryTheKillWouldLeaveNoModel(String step) throws Exception {
        Path dir = tmp.resolve("model");
        replaceKilledAt(step, dir);
        assertFalse(Files.exists(dir), "the window the issue describes: nothing at the path until recovery");
        assertTrue(ModelFamilies.load(dir) != null);
        assertTrue(Files.isDirectory(dir), "recovered on load");
    }
}
