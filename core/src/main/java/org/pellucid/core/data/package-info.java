/**
 * The data layer: {@link org.pellucid.core.data.Dataset} with its {@link org.pellucid.core.data.Schema},
 * loaders for CSV/TSV, ARFF, the UCI {@code .data}+{@code .info} pair, the scikit-learn layout and IDX,
 * the {@link org.pellucid.core.data.DatasetRegistry}, seeded stratified
 * {@link org.pellucid.core.data.Splits}, and {@link org.pellucid.core.data.SyntheticData} with known
 * ground truth. Malformed input is a {@link org.pellucid.core.data.DatasetException} naming file,
 * line and column.
 */
package org.pellucid.core.data;
