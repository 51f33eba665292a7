package org.pellucid.eval.explainers;

/** An explainer was asked to explain a model it cannot work with (e.g. gradients of a forest). */
public final class UnsupportedExplainerException extends IllegalArgumentException {
    public UnsupportedExplainerException(String message) {
        super(message);
    }
}
