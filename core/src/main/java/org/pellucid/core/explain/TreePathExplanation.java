package org.pellucid.core.explain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The decision path a tree took for a row: each test in the user's units and category names, then
 * the leaf's outcome.
 *
 * @param steps the conditions that held, root first
 * @param outcome the leaf's prediction in the user's terms
 * @param leaf the leaf's identifier within the tree
 */
public record TreePathExplanation(List<Condition> steps, String outcome, int leaf) implements Explanation {

    public TreePathExplanation {
        steps = List.copyOf(steps);
    }

    @Override
    public List<String> features() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        steps.forEach(c -> s.add(c.feature()));
        return List.copyOf(s);
    }

    @Override
    public Optional<FeatureAttribution> asAttribution() {
        return Optional.empty();
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder("  ");
        for (Condition c : steps) {
            b.append(c).append(" → ");
        }
        return b.append(outcome).append('\n').toString();
    }
}
