package org.pellucid.eval.metrics;

import java.util.Map;
import java.util.Optional;

/** What each reported metric means and which way is better, for CLI text, JSON and the report. */
public final class MetricGuide {
    private MetricGuide() {}

    /** A metric's direction and its meaning in one line. */
    public record Entry(Direction direction, String meaning) {
        /** ↑ when higher is better, ↓ when lower is. */
        public String arrow() {
            return direction == Direction.HIGHER_IS_BETTER ? "↑" : "↓";
        }
    }

    private static final Map<String, Entry> GUIDE = Map.ofEntries(
            Map.entry("simulatable_agreement", new Entry(Direction.HIGHER_IS_BETTER,
                    "share of rows on which the model's stated form, run on its own, gives the model's prediction")),
            Map.entry("deletion_auc", new Entry(Direction.LOWER_IS_BETTER,
                    "area under the output as the most important columns are removed first: a faithful ranking drops it fast")),
            Map.entry("insertion_auc", new Entry(Direction.HIGHER_IS_BETTER,
                    "area under the output as the most important columns are put back first")),
            Map.entry("comprehensiveness", new Entry(Direction.HIGHER_IS_BETTER,
                    "output drop when the top columns are removed (ERASER)")),
            Map.entry("sufficiency", new Entry(Direction.LOWER_IS_BETTER,
                    "output drop when only the top columns are kept (ERASER)")),
            Map.entry("faithfulness_correlation", new Entry(Direction.HIGHER_IS_BETTER,
                    "correlation between the attributions of removed columns and the output change their removal causes")),
            Map.entry("infidelity", new Entry(Direction.LOWER_IS_BETTER,
                    "squared error between attribution · perturbation and the output change it predicts")),
            Map.entry("completeness_gap", new Entry(Direction.LOWER_IS_BETTER,
                    "|output − baseline − Σ attributions|, in the explanation's own units")),
            Map.entry("size", new Entry(Direction.LOWER_IS_BETTER,
                    "what a reader follows for one row: columns covering 90% of the attribution, path steps, rule conditions or concepts")),
            Map.entry("attribution_size", new Entry(Direction.LOWER_IS_BETTER,
                    "columns covering 90% of the attribution form of a path, rule list or concept explanation")),
            Map.entry("global_size", new Entry(Direction.LOWER_IS_BETTER, "size of the whole model: leaves, rules, weights")),
            Map.entry("forward_simulation", new Entry(Direction.HIGHER_IS_BETTER,
                    "accuracy of predicting the model from the explanation's top columns alone")),
            Map.entry("forward_simulation_random_columns", new Entry(Direction.HIGHER_IS_BETTER,
                    "the same with random columns: the control")),
            Map.entry("simulation_gain", new Entry(Direction.HIGHER_IS_BETTER,
                    "forward simulation minus its random-column control")),
            Map.entry("simulation_columns", new Entry(Direction.LOWER_IS_BETTER, "columns the simulation was allowed")),
            Map.entry("max_sensitivity", new Entry(Direction.LOWER_IS_BETTER,
                    "largest change of the explanation under small input perturbations")),
            Map.entry("concept_deletion_auc", new Entry(Direction.LOWER_IS_BETTER,
                    "probability of the predicted class as concepts are set to their training mean, the explanation's first")),
            Map.entry("concept_deletion_auc_random", new Entry(Direction.LOWER_IS_BETTER,
                    "the same in a random order: the control")),
            Map.entry("flip_precision", new Entry(Direction.HIGHER_IS_BETTER,
                    "share of the concepts the explanation says flip the prediction that do")),
            Map.entry("flip_recall", new Entry(Direction.HIGHER_IS_BETTER,
                    "share of the concepts that flip the prediction that the explanation names")),
            Map.entry("token_deletion_auc", new Entry(Direction.LOWER_IS_BETTER,
                    "deletion AUC with words erased from the text")),
            Map.entry("token_comprehensiveness", new Entry(Direction.HIGHER_IS_BETTER,
                    "comprehensiveness with words erased from the text")));

    public static Optional<Entry> of(String metric) {
        return Optional.ofNullable(GUIDE.get(metric));
    }
}
