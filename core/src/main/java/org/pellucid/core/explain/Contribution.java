package org.pellucid.core.explain;

/**
 * One column's share in an attribution.
 *
 * @param feature the column's name
 * @param value the row's value in the user's words ({@code Private}, {@code 39}, {@code ?})
 * @param attribution the column's contribution to the explained output
 */
public record Contribution(String feature, String value, double attribution) {}
