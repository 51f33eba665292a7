package org.pellucid.core.model;

/** Version strings recorded in provenance and model manifests. */
public final class Versions {
    public static final String PELLUCID = "0.1.0";
    public static final String DJL = "0.35.1";
    /** Bumped whenever the saved-model layout changes; older or newer files are refused. */
    public static final int MODEL_FORMAT = 1;

    private Versions() {}
}
