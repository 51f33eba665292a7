package org.pellucid.core.model;

import org.pellucid.core.data.Schema;
import org.pellucid.core.encode.FeatureEncoder;

/**
 * What every model that reads its rows through a {@link FeatureEncoder} states the same way — its
 * kind, its schema (the encoder's) and its provenance — held once, as Tribuo's {@code Model} holds
 * its provenance. A subclass keeps only what is its own: its parameters, its prediction and its
 * explanation.
 */
public abstract class EncodedModel implements Model {
    private final String kind;
    /** The encoder the model was trained with: the columns it reads, and how. */
    protected final FeatureEncoder encoder;
    /** How the model was made. */
    protected final Provenance provenance;

    /**
     * @param kind the registry name
     * @param encoder the encoder fitted on the training rows
     * @param provenance options, seed, data fingerprint and versions that made the model
     */
    protected EncodedModel(String kind, FeatureEncoder encoder, Provenance provenance) {
        this.kind = kind;
        this.encoder = encoder;
        this.provenance = provenance;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final Schema schema() {
        return encoder.schema();
    }

    @Override
    public final Provenance provenance() {
        return provenance;
    }

    /** The encoder the model reads its rows with. */
    public FeatureEncoder encoder() {
        return encoder;
    }
}
