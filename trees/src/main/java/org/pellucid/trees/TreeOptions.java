package org.pellucid.trees;

import org.pellucid.core.models.OptionTable;
import org.pellucid.core.tree.TreeLearner;

/** The tree budget options of {@code tree}, with their defaults and ranges. */
final class TreeOptions {
    static final OptionTable TABLE = OptionTable.builder()
            .integer("max-leaves", 32, 1, Integer.MAX_VALUE, "most leaves (the tree grows best-first until it has them)")
            .integer("max-depth", 12, 1, 1000, "most tests on any path from root to leaf")
            .integer("min-leaf", 5, 1, Integer.MAX_VALUE, "fewest training rows in a leaf")
            .integer("max-bins", 255, 2, 32767, "histogram bins per numeric column for split search")
            .build();

    private TreeOptions() {}

    static TreeLearner.Options from(OptionTable.Values v) {
        return new TreeLearner.Options(v.integer("max-leaves"), v.integer("max-depth"), v.integer("min-leaf"),
                v.integer("max-bins"), 0);
    }
}
