package org.pellucid.core.encode;

/** How numeric columns are encoded. */
public enum NumericEncoding {
    /** (x − mean) / std over the training rows; a constant column keeps std 1. */
    STANDARDIZE,
    /** One indicator per training-quantile bin (the bin's interval names it). */
    QUANTILE_BINS,
    /** The value as it is, in the user's units (for trees, whose thresholds must read as the data). */
    RAW
}
