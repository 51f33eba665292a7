package org.pellucid.core.encode;

/**
 * One model input produced by the encoder, tied back to the user's column.
 *
 * @param column index of the source column in the schema
 * @param columnName the source column's name
 * @param label how explanations word this input: {@code age}, {@code workclass = Private},
 *     {@code income in [40, 55)}
 */
public record EncodedFeature(int column, String columnName, String label) {}
