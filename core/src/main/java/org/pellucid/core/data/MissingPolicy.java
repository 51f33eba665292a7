package org.pellucid.core.data;

/** What to do with missing feature values. Missing targets are always an error. */
public enum MissingPolicy {
    /**
     * Keep the rows; the encoder gives a missing number the training mean and a missing category
     * no active indicator. The default: no information is thrown away.
     */
    IMPUTE,
    /** Remove rows that have any missing value, counted in the {@link MissingReport}. */
    DROP_ROWS,
    /** Refuse data with missing values, naming the first one. */
    ERROR
}
