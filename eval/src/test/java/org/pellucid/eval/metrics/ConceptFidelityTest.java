package org.pellucid.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.ConceptExplanation;
import org.pellucid.core.model.ConceptIntervenable;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.Prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The concept-level metrics on a toy whose answer is known: only the first concept matters. */
class ConceptFidelityTest {
    static final Dataset DATA = SyntheticData.xor(300, 2);

    /** P(1) = σ(6·(c0 − 0.5)), c0 = x1 &gt; 0.5 as a probability; c1 ignored; honest or lying about flips. */
    static ConceptIntervenable toy(boolean lieAboutFlips) {
        return (x, given) -> {
            double[] c = {x.get(0) > 0.5 ? 0.95 : 0.05, x.get(1) > 0.5 ? 0.95 : 0.05};
            if (given != null) {
                for (int k = 0; k < 2; k++) {
                    if (!Double.isNaN(given[k])) {
                        c[k] = given[k];
                    }
                }
            }
            double z = 6 * (c[0] - 0.5);
            double p = 1 / (1 + Math.exp(-z));
            Prediction pred = Prediction.ofProbabilities(new double[] {1 - p, p}, DATA.schema().classes());
            List<ConceptExplanation.ConceptScore> s = new ArrayList<>();
            s.add(new ConceptExplanation.ConceptScore("x1_high", c[0], z, false));
            s.add(new ConceptExplanation.ConceptScore("x2_high", c[1], 0, false));
            List<String> flips = lieAboutFlips ? List.of("x2_high") : List.of("x1_high");
            return new Explained<>(pred, new ConceptExplanation(s, 0, flips, Optional.empty()));
        };
    }

    private static Map<String, Double> run(boolean lie) {
        return ConceptFidelity.all(toy(lie), DATA.subset(IntStream.range(0, 100).toArray()), DATA, 1).stream()
                .collect(Collectors.toMap(MetricResult::name, MetricResult::value));
    }

    @Test
    void theExplanationsOrderBeatsARandomOneAndHonestFlipsScoreOne() {
        Map<String, Double> m = run(false);
        assertTrue(m.get("concept_deletion_auc") < m.get("concept_deletion_auc_random"), m.toString());
        assertEquals(1.0, m.get("flip_precision"), 1e-12);
        assertEquals(1.0, m.get("flip_recall"), 1e-12);
    }

    @Test
    void statedFlipsThatDoNotFlipAreCaught() {
        Map<String, Double> m = run(true);
        assertEquals(0.0, m.get("flip_precision"), 1e-12, "x2_high is named but changes nothing");
        assertEquals(0.0, m.get("flip_recall"), 1e-12, "x1_high flips the class but is not named");
    }
}
