/**
 * Glass-box additive models: {@code nam}, a neural additive model (Agarwal et al., NeurIPS 2021) —
 * one small network per numeric column, one learned value per category, summed into the logits.
 */
package org.pellucid.additive;
