package org.pellucid.core.tree;

import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.model.Model;

/**
 * A model made of {@link DecisionTree}s over encoded inputs — what tree explainers (TreeSHAP) need
 * to see of a forest or a boosted ensemble, without depending on the module that trains it.
 */
public interface TreeEnsemble extends Model {

    /** How the trees' outputs combine into the prediction. */
    enum Combination {
        /** A forest: class distributions of the trees averaged. */
        AVERAGE_DISTRIBUTIONS,
        /** Boosting: initial scores plus the trees' scores, through a logistic or softmax link. */
        SUM_SCORES
    }

    FeatureEncoder encoder();

    Combination combination();

    /** Rounds (forest: trees; boosting: rounds). */
    int size();

    /** The trees of round {@code r}: one for a forest or a one-score booster, one per class otherwise. */
    DecisionTree[] round(int r);

    /** Boosting's initial scores (empty for a forest). */
    double[] init();
}
