package org.pellucid.trees;

import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.tree.TreeLearner;

/** Tree budget options shared by {@code tree} and {@code distill}, read from a {@link TrainConfig}. */
final class TreeOptions {
    static final java.util.Set<String> NAMES = java.util.Set.of("max-leaves", "max-depth", "min-leaf", "max-bins");

    private TreeOptions() {}

    static TreeLearner.Options from(TrainConfig cfg) {
        return new TreeLearner.Options(cfg.intOption("max-leaves", 32), cfg.intOption("max-depth", 12),
                cfg.intOption("min-leaf", 5), cfg.intOption("max-bins", 255), 0);
    }
}
