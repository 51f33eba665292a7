/**
 * Black-box baselines beyond the foundation's {@code mlp}: {@code rf} (random forest) and {@code gbm}
 * (gradient boosting), grown with Pellucid's own histogram trees so they save as JSON.
 */
package org.pellucid.baselines;
