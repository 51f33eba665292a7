package org.pellucid.core.models;

import com.google.gson.JsonObject;
import java.util.ServiceLoader;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Predictor;

/**
 * Learns a small readable model that mimics any predictor (a surrogate; the {@code trees} module's
 * TREPAN-style tree), and says how faithfully it does. Found through {@link ServiceLoader}, as model
 * families are, so commands distil without naming the module that does it.
 */
public interface SurrogateDistiller {

    /**
     * The surrogate's budget and sampling.
     *
     * @param maxLeaves most leaves
     * @param maxDepth deepest path
     * @param minLeaf fewest rows in a leaf
     * @param samplesPerNode synthetic rows drawn per node and labelled by the teacher (0: the training rows only)
     * @param confidenceWeights weight each row by the teacher's probability for its label
     * @param seed seed of the sampling
     */
    record Settings(int maxLeaves, int maxDepth, int minLeaf, int samplesPerNode, boolean confidenceWeights, long seed) {}

    /** A surrogate and what it cost: the teacher's predictions asked for, and the synthetic rows drawn. */
    record Surrogate(Savable model, long teacherQueries, int sampledRows) {}

    /**
     * How faithfully a surrogate mimics its teacher on held-out rows.
     *
     * @param agreement share of rows where both predict the same class
     * @param accuracy the surrogate's accuracy on the rows' labels
     * @param leaves the surrogate's leaves
     * @param depth its depth
     * @param averagePathLength mean number of tests a row passes on its way to a leaf
     * @param json all of it, with agreement per class and per leaf
     */
    record Fidelity(double agreement, double accuracy, int leaves, int depth, double averagePathLength, JsonObject json) {}

    /** A surrogate of {@code teacher} learned on {@code train}. */
    Surrogate distill(Predictor teacher, Dataset train, Settings settings);

    /**
     * {@code surrogate}'s fidelity to {@code teacher} on {@code test}.
     *
     * @throws IllegalArgumentException when {@code surrogate} is not a model this distiller makes
     */
    Fidelity fidelity(Savable surrogate, Predictor teacher, Dataset test);

    /** The distiller on the class path. */
    static SurrogateDistiller find() {
        for (SurrogateDistiller d : ServiceLoader.load(SurrogateDistiller.class)) {
            return d;
        }
        throw new IllegalStateException("no surrogate distiller on the class path (the pellucid-trees module provides one)");
    }
}
