package org.pellucid.core.models;

import java.util.Optional;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;

/**
 * A kind of model the CLI and the comparison can train by name. Model modules register theirs with
 * {@code META-INF/services/org.pellucid.core.models.ModelFamily}; {@link ModelFamilies} finds them.
 */
public interface ModelFamily {

    /** The registry name ({@code logistic}, {@code mlp}, {@code cbm}, …). */
    String kind();

    /** True for interpretable-by-construction models, false for black boxes. */
    boolean transparent();

    String description();

    /**
     * The options {@link #train} understands, with their defaults, ranges and meanings: the one
     * source for validation, {@code pellucid train MODEL --help} and the README's option tables.
     */
    OptionTable options();

    /** Empty when the family can train on this data, else the reason it cannot. */
    default Optional<String> unsuitable(Dataset data) {
        return Optional.empty();
    }

    /** Trains on {@code train}, using {@code valid} for early stopping and model selection. */
    Savable train(Dataset train, Dataset valid, TrainConfig config);

    /** Rebuilds a saved model of this kind. */
    Savable read(ModelReader in);
}
