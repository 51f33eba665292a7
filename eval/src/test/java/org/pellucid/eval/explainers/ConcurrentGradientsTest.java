package org.pellucid.eval.explainers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.Savable;
import org.pellucid.core.models.MlpFamily;
import org.pellucid.core.models.TrainConfig;

/**
 * Gradient explainers on one model from 8 threads give exactly the single-thread answers: DJL's
 * gradient collector is process-wide, and without the shared lock ({@code Autograd}) most calls
 * threw "A PtGradientCollector is already collecting".
 */
class ConcurrentGradientsTest {
    private static final Dataset DATA = SyntheticData.rule(300, 4);
    private static final Savable MLP = new MlpFamily().train(DATA, null, TrainConfig.of(1).with("epochs", "5").with("hidden", "16"));

    @ParameterizedTest
    @EnumSource(GradientExplainer.Method.class)
    void eightThreadsGiveTheSingleThreadAnswers(GradientExplainer.Method method) throws Exception {
        GradientExplainer g = GradientExplainer.of(method, Output.PROBABILITY, 3);
        int rows = 40;
        List<FeatureAttribution> expected = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            expected.add(g.explain(MLP, DATA.row(i), 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t;
                jobs.add(pool.submit(() -> {
                    int n = 0;
                    for (int rep = 0; rep < 3; rep++) {
                        for (int k = 0; k < rows; k++) {
                            int i = (k + offset * 5) % rows;
                            assertEquals(expected.get(i), g.explain(MLP, DATA.row(i), 1), method + " row " + i);
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
            assertEquals(8 * 3 * rows, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
