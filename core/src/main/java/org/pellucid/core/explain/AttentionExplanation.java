package org.pellucid.core.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an attention model looked: a map over input tokens (columns, words, patches) for the output
 * token, computed by {@code method} (raw attention, rollout, flow, gradient-weighted rollout), and
 * the per-layer, per-head attention it came from.
 *
 * @param tokens the input tokens in the user's terms
 * @param tokenFeatures the column each token stands for (same length as tokens; for text, the word)
 * @param scores the map's value per token
 * @param method how scores were computed
 * @param layers attention per layer: [layer][head][query][key]
 */
public record AttentionExplanation(List<String> tokens, List<String> tokenFeatures, double[] scores, String method,
                                   double[][][][] layers) implements Explanation {

    public AttentionExplanation {
        tokens = List.copyOf(tokens);
        tokenFeatures = List.copyOf(tokenFeatures);
        if (scores.length != tokens.size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + tokens.size() + " tokens");
        }
    }

    /** Equal when tokens, methods and every number are equal (records compare arrays by reference). */
    @Override
    public boolean equals(Object o) {
        return o instanceof AttentionExplanation a && tokens.equals(a.tokens) && tokenFeatures.equals(a.tokenFeatures)
                && method.equals(a.method) && Arrays.equals(scores, a.scores)
                && Arrays.deepEquals(layers, a.layers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokens, tokenFeatures, method, Arrays.hashCode(scores),
                Arrays.deepHashCode(layers));
    }

    @Override
    public String toString() {
        return "AttentionExplanation" + tokens + " " + method + " " + Arrays.toString(scores);
    }

    @Override
    public List<String> features() {
        return tokenFeatures;
    }

    @Override
    public Optional<FeatureAttribution> asAttribution() {
        List<Contribution> c = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            c.add(new Contribution(tokenFeatures.get(i), tokens.get(i), scores[i]));
        }
        double total = Arrays.stream(scores).sum();
        return Optional.of(new FeatureAttribution(c, 0, total, "attention mass", method));
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(method).append(":\n");
        for (int i = 0; i < tokens.size(); i++) {
            b.append(String.format(Locale.ROOT, "  %.4f  %s%n", scores[i], tokens.get(i)));
        }
        return b.toString();
    }
}
