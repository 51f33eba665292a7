package org.pellucid.trees;

import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.models.SurrogateDistiller;
import org.pellucid.core.tree.TreeLearner;

/** The {@link SurrogateDistiller} of this module: {@link Distiller}'s TREPAN-style tree and its {@link org.pellucid.trees.Fidelity}. */
public final class TreeDistiller implements SurrogateDistiller {

    @Override
    public Surrogate distill(Predictor teacher, Dataset train, Settings s) {
        Distiller.Result r = Distiller.distill(teacher, train, new Distiller.Options(
                new TreeLearner.Options(s.maxLeaves(), s.maxDepth(), s.minLeaf(), 255, 0), s.samplesPerNode(), s.confidenceWeights(), s.seed()));
        return new Surrogate(r.tree(), r.teacherQueries(), r.sampledRows());
    }

    @Override
    public SurrogateDistiller.Fidelity fidelity(Savable surrogate, Predictor teacher, Dataset test) {
        if (!(surrogate instanceof TreeModel tree)) {
            throw new IllegalArgumentException("the tree distiller measures trees, not " + surrogate.kind());
        }
        // this module's Fidelity (the interface's nested one has the same simple name)
        org.pellucid.trees.Fidelity f = org.pellucid.trees.Fidelity.of(tree, teacher, test); // clash: SurrogateDistiller.Fidelity is inherited
        return new SurrogateDistiller.Fidelity(f.agreement(), f.accuracy(), f.leaves(), f.depth(), f.averagePathLength(), f.toJson());
    }
}
