package org.pellucid.core.model;

import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.Explanation;
import org.pellucid.core.explain.GlobalExplanation;

/**
 * A model that explains itself. Contract (checked for every model by the {@code ModelContract}
 * test harness that {@code pellucid-core}'s test-jar exports):
 * <ul>
 *   <li>{@code explain(x).prediction()} equals {@code predict(x)}, exactly;</li>
 *   <li>the same seed and data give the same model on CPU;</li>
 *   <li>where the model is {@link Simulatable}, running its explanation reproduces the prediction;</li>
 *   <li>save → load keeps predictions and explanations identical.</li>
 * </ul>
 *
 * @param <E> the kind of local explanation the model gives
 */
public interface InterpretableModel<E extends Explanation> extends Model {

    /** The prediction for x and its explanation, computed together. */
    Explained<E> explain(Instance x);

    @Override
    default Prediction predict(Instance x) {
        return explain(x).prediction();
    }

    /** The model as a whole: weights, rules, tree, concept head, selected features. */
    GlobalExplanation describe();
}
