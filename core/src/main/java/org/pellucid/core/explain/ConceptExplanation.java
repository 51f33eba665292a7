package org.pellucid.core.explain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A concept model's account of a prediction: the probability of each human concept, each concept's
 * contribution to the predicted class, and which concepts would change the prediction if flipped.
 *
 * @param concepts one entry per concept
 * @param intercept the head's bias for the predicted class
 * @param flips names of concepts whose flip alone changes the predicted class
 * @param inputAttribution the concepts' grounding in input columns, when the model provides one
 */
public record ConceptExplanation(List<ConceptScore> concepts, double intercept, List<String> flips,
                                 Optional<FeatureAttribution> inputAttribution) implements Explanation {

    /**
     * @param concept the concept's name
     * @param probability predicted probability that the concept holds
     * @param contribution its contribution to the predicted class's logit
     * @param intervened whether the value was set by an intervention rather than predicted
     */
    public record ConceptScore(String concept, double probability, double contribution, boolean intervened) {}

    public ConceptExplanation {
        concepts = List.copyOf(concepts);
        flips = List.copyOf(flips);
    }

    @Override
    public List<String> features() {
        return inputAttribution.map(FeatureAttribution::features).orElse(List.of());
    }

    @Override
    public Optional<FeatureAttribution> asAttribution() {
        return inputAttribution;
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder();
        for (ConceptScore c : concepts) {
            b.append(String.format(Locale.ROOT, "  %-24s p=%.3f  %+8.4f%s%n", c.concept(), c.probability(), c.contribution(),
                    c.intervened() ? "  (intervened)" : ""));
        }
        if (!flips.isEmpty()) {
            b.append("  flipping any of ").append(flips).append(" changes the prediction\n");
        }
        return b.toString();
    }
}
