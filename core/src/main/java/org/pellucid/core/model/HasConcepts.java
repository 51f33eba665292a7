package org.pellucid.core.model;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;

/**
 * A concept bottleneck model as the CLI and the report see it (Koh et al., "Concept Bottleneck
 * Models", ICML 2020): its concepts, their predicted probabilities, its concept measurements and its
 * intervention curve (an image encoder is reached through {@link ConvolutionalModel.Has}). Commands reach
 * concept models through this interface only, never their class.
 */
public interface HasConcepts extends ConceptIntervenable, Model {

    /**
     * A group of concept outputs that together say one thing: one binary concept ({@code to - from == 1})
     * or one categorical concept, one output per level.
     *
     * @param name the group's name
     * @param from its first output
     * @param to one past its last output
     */
    record Group(String name, int from, int to) {
        /** Whether the group is one yes/no concept. */
        public boolean binary() {
            return to - from == 1;
        }

        /** How many outputs the group has: 1 for a yes/no concept, one per level for a categorical one. */
        public int size() {
            return to - from;
        }
    }

    /** The order in which an intervention curve sets concept groups to their true values. */
    enum Policy {
        /** Groups in a random order (seeded). */
        RANDOM,
        /** The group the model is least sure of first. */
        UNCERTAINTY,
        /** The group whose correction raises accuracy most first. */
        GREEDY;

        /** Parses {@code random}, {@code uncertainty} (or {@code most-uncertain}) or {@code greedy}. */
        public static Policy parse(String s) {
            return switch (s) {
                case "random" -> RANDOM;
                case "uncertainty", "most-uncertain" -> UNCERTAINTY;
                case "greedy" -> GREEDY;
                default -> throw new IllegalArgumentException("intervention policy must be random, uncertainty or greedy, got '" + s + "'");
            };
        }

        /** The policy's name on the command line. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every concept output's name, in order. */
    List<String> conceptNames();

    /** The concept groups, in output order. */
    List<Group> conceptGroups();

    /** The predicted probability of every concept output for row x. */
    double[] conceptProbabilities(Instance x);

    /**
     * The concept measurements on labelled rows with true concepts, as JSON: {@code concept_accuracy},
     * {@code accuracy_soft_concepts}, {@code accuracy_hard_concepts}, {@code accuracy_true_concepts} and {@code leakage}.
     *
     * @throws IllegalArgumentException when {@code test} has no true concepts
     */
    JsonObject conceptMetrics(Dataset test);

    /**
     * Task accuracy after intervening on 0, 1, …, G concept groups in the policy's order (G + 1 values).
     *
     * @throws IllegalArgumentException when {@code test} has no true concepts
     */
    double[] interventionCurve(Dataset test, Policy policy, long seed);
}
