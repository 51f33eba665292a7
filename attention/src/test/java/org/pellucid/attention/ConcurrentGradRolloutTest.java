package org.pellucid.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.AttentionExplanation;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

/** Gradient-weighted rollout from 8 threads on one model gives the single-thread answers (it took 3,893 of 4,000 calls down before the shared autograd lock). */
class ConcurrentGradRolloutTest {

    @Test
    void eightThreadsGiveTheSingleThreadAnswers() throws Exception {
        Dataset d = SyntheticData.rule(300, 5);
        AttentionModel m = (AttentionModel) ModelFamilies.get("attention").train(d, null,
                TrainConfig.of(1).with("epochs", "3").with("width", "8").with("heads", "2").with("layers", "1"));
        int rows = 30;
        List<AttentionExplanation> expected = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            expected.add(m.explain(d.row(i), AttentionModel.Method.GRAD_ROLLOUT).explanation());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t;
                jobs.add(pool.submit(() -> {
                    int n = 0;
                    for (int rep = 0; rep < 4; rep++) {
                        for (int k = 0; k < rows; k++) {
                            int i = (k + offset * 3) % rows;
                            assertEquals(expected.get(i), m.explain(d.row(i), AttentionModel.Method.GRAD_ROLLOUT).explanation(), "row " + i);
                            n++;
                        }
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : jobs) {
                total += f.get();
            }
            assertEquals(8 * 4 * rows, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
