package org.pellucid.eval.explainers;

import org.pellucid.core.model.Prediction;

/** Which number of a prediction an explainer attributes. */
public enum Output {
    /** The probability of the target class (the regression value for regressors). */
    PROBABILITY,
    /** log(p / (1 − p)) of the target class: additive for logistic models. */
    LOG_ODDS;

    public double of(Prediction p, int targetClass) {
        if (!p.isClassification()) {
            return p.value();
        }
        double q = p.probability(targetClass);
        if (this == PROBABILITY) {
            return q;
        }
        q = Math.min(1 - 1e-15, Math.max(1e-15, q));
        return Math.log(q / (1 - q));
    }

    public String describe(String className) {
        return this == PROBABILITY ? "P(" + className + ")" : "log-odds(" + className + ")";
    }
}
