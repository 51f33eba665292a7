package org.pellucid.core.model;

/**
 * A trained Pellucid model, black box or transparent: it predicts, it knows its kind and how it was
 * made. Transparent ones are {@link InterpretableModel}s.
 */
public interface Model extends Predictor {

    /** The registry name of this kind of model ({@code mlp}, {@code logistic}, …). */
    String kind();

    /** Options, seed, data fingerprint and versions that made this model. */
    Provenance provenance();
}
