package org.pellucid.core.model;

/**
 * How much a person must read to follow a model. Measures that do not apply are 0.
 *
 * @param features input columns the model uses
 * @param parameters non-zero learned numbers a reader would have to see
 * @param rules rules (rule models) or leaves (trees)
 * @param literals conditions across all rules
 * @param nodes tree nodes
 * @param depth tree depth
 * @param concepts concepts (concept models)
 */
public record Complexity(int features, int parameters, int rules, int literals, int nodes, int depth, int concepts) {

    public static Complexity ofFeatures(int features, int parameters) {
        return new Complexity(features, parameters, 0, 0, 0, 0, 0);
    }

    /**
     * The size of the explanation in "things to read": rules + literals for rule models, nodes for
     * trees, concepts for concept models, else features.
     */
    public int size() {
        if (rules > 0 || literals > 0) {
            return rules + literals;
        }
        if (nodes > 0) {
            return nodes;
        }
        if (concepts > 0) {
            return concepts;
        }
        return features;
    }
}
