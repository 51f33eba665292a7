package org.pellucid.core.data;

/** What kind of values a column holds; decides how it is encoded and how explanations word it. */
public enum ColumnType {
    /** Real numbers; explanations speak of thresholds ({@code age > 52}). */
    NUMERIC,
    /** A finite set of named values; explanations speak of equality ({@code workclass = Private}). */
    CATEGORICAL,
    /** Two values, stored as category 0 and 1 of a two-category column. */
    BINARY
}
