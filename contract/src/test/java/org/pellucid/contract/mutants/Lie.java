package org.pellucid.contract.mutants;

/** What a toy model gets wrong on purpose; the contract must catch each. */
public enum Lie {
    /** Honest. */
    NONE,
    /** The path states {@code <=} where the row went {@code >} (and the other way round). */
    WRONG_OPERATOR,
    /** The model the issue describes: wrong operator and a threshold 1000 higher, in the path and the stated tree alike. */
    WRONG_PATH,
    /** Path and stated tree give a threshold a quarter of a standard deviation above the one used. */
    SHIFTED_THRESHOLD,
    /** The rule is listed as fired on rows where it does not hold. */
    PHANTOM_RULE,
    /** Every attribution is off by a constant while claiming to be exact. */
    ATTRIBUTION_OFFSET,
    /** Training draws noise from an unseeded generator. */
    NONDETERMINISTIC,
    /** The save leaves the threshold out; the load falls back to 0. */
    DROPPED_PARAMETER,
    /** A training result (the threshold found) is written into the provenance's options. */
    RESULT_IN_OPTIONS
}
