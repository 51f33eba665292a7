package org.pellucid.core.encode;

/** How numeric columns are encoded. */
public enum NumericEncoding {
    /** (x − mean) / std over the training rows; a constant column keeps std 1. */
    STANDARDIZE,
    /** One indicator per training-quantile bin (the bin's interval names it). */
    QUANTILE_BINS,
    /**
     * The training rows' empirical distribution function, linearly interpolated between up to
     * {@code bins} quantile knots (mid-ranks at tied values), scaled to unit variance on [−√3, √3]: a
     * monotone map that spreads skewed columns (capital gains, counts) evenly, as NODE's quantile
     * transform does (Popov et al., ICLR 2020). One input per column, like {@link #STANDARDIZE}.
     */
    QUANTILE,
    /** The value as it is, in the user's units (for trees, whose thresholds must read as the data). */
    RAW
}
