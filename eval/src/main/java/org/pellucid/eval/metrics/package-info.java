/**
 * Explanation metrics, each declaring its {@link org.pellucid.eval.metrics.Category} and
 * {@link org.pellucid.eval.metrics.Direction} and returning per-example values with a bootstrap
 * interval: fidelity (deletion/insertion AUC, ERASER comprehensiveness and sufficiency,
 * faithfulness correlation, simulatable agreement), simulability (size, forward simulation) and
 * stability (max-sensitivity).
 */
package org.pellucid.eval.metrics;
