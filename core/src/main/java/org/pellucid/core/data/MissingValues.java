package org.pellucid.core.data;

import java.util.Set;

/** The spellings of a missing value that every loader recognises. */
public final class MissingValues {
    private static final Set<String> TOKENS = Set.of("", "?", "NA", "N/A", "NaN", "nan", "null", "NULL", "None");

    private MissingValues() {}

    public static boolean isMissing(String trimmed) {
        return TOKENS.contains(trimmed);
    }
}
