package org.pellucid.core.explain;

import java.util.List;
import java.util.Map;

/**
 * A decision tree as a person reads it: numbered nodes, each either a test with where to go when it
 * holds and when it does not, or a leaf with its prediction.
 *
 * @param nodes the nodes; node 0 is the root
 * @param classes the class names the leaves' probabilities refer to (empty for regression)
 * @param missing what a missing value does to a test
 * @param imputed for {@link StatedForm.Missing#IMPUTE_NUMBERS_NO_CATEGORY}: the number each numeric
 *     column's missing value is read as
 */
public record DecisionTreeForm(List<Node> nodes, List<String> classes, StatedForm.Missing missing,
                               Map<String, Double> imputed) implements StatedForm {

    public DecisionTreeForm {
        nodes = List.copyOf(nodes);
        classes = List.copyOf(classes);
        imputed = Map.copyOf(imputed);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a tree has at least one node");
        }
    }

    /** A test ({@code test} non-null, {@code ifTrue}/{@code ifFalse} node numbers) or a leaf ({@code leaf} non-null). */
    public record Node(Condition test, int ifTrue, int ifFalse, double[] leaf) {
        public static Node test(Condition c, int ifTrue, int ifFalse) {
            return new Node(c, ifTrue, ifFalse, null);
        }

        /** A leaf: class probabilities, or a one-element array holding the regression value. */
        public static Node leaf(double[] prediction) {
            return new Node(null, -1, -1, prediction.clone());
        }

        public boolean isLeaf() {
            return test == null;
        }
    }
}
