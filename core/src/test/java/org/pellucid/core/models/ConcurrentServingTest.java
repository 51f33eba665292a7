package org.pellucid.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;

/** A loaded model serves predictions and explanations from many threads at once, identically. */
class ConcurrentServingTest {

    private static void hammer(Savable trained) throws Exception {
        Dataset d = SyntheticData.rule(200, 11);
        Path dir = Files.createTempDirectory("pellucid-serve").resolve("m");
        ModelStore.save(trained, dir);
        Savable loaded = ModelFamilies.load(dir);
        List<Prediction> expected = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            expected.add(loaded.predict(d.row(i))); // one thread first: the reference
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t;
                jobs.add(pool.submit(() -> {
                    int checked = 0;
                    for (int rep = 0; rep < 5; rep++) {
                        for (int k = 0; k < d.size(); k++) {
                            int i = (k + offset * 25) % d.size();
                            Prediction p = loaded.predict(d.row(i));
                            assertEquals(expected.get(i), p, "row " + i);
                            if (loaded instanceof InterpretableModel<?> im) {
                                assertEquals(p, im.explain(d.row(i)).prediction());
                            }
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> f : jobs) {
                total += f.get();
            }
            assertEquals(8 * 5 * d.size(), total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mlpFromManyThreads() throws Exception {
        Dataset d = SyntheticData.rule(400, 2);
        hammer(new MlpFamily().train(d, null, TrainConfig.of(1).with("epochs", "5").with("hidden", "16")));
    }

    @Test
    void logisticFromManyThreads() throws Exception {
        Dataset d = SyntheticData.rule(400, 2);
        hammer(new LogisticFamily().train(d, null, TrainConfig.of(1)));
    }
}
