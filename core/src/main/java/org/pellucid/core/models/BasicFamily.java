package org.pellucid.core.models;

import org.pellucid.core.data.Dataset;

/**
 * What every family states the same way — its registry name, whether it is transparent, a one-line
 * description and its option table — held once, so a family's class holds only its own checks
 * ({@link #unsuitable}), its training and its reading.
 */
public abstract class BasicFamily implements ModelFamily {
    private final String kind;
    private final boolean transparent;
    private final String description;
    private final OptionTable options;

    /**
     * @param kind the registry name
     * @param transparent true for a model interpretable by construction, false for a black box
     * @param description one line for {@code pellucid models} and the report
     * @param options the options {@link #train} reads
     */
    protected BasicFamily(String kind, boolean transparent, String description, OptionTable options) {
        this.kind = kind;
        this.transparent = transparent;
        this.description = description;
        this.options = options;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final boolean transparent() {
        return transparent;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final OptionTable options() {
        return options;
    }

    /**
     * Throws when this family cannot train on {@code data}.
     *
     * @throws IllegalArgumentException with {@link #unsuitable}'s reason
     */
    protected final void requireSuitable(Dataset data) {
        unsuitable(data).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
    }
}
