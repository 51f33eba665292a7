/**
 * Global effects of any {@link org.pellucid.core.model.Predictor}: partial dependence and ICE
 * curves, accumulated local effects, and permutation importance.
 */
package org.pellucid.eval.global;
