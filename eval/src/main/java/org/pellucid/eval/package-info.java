/**
 * Scoring explanations: {@link org.pellucid.eval.Evaluation} runs an explainer and every metric that
 * applies on held-out rows. Sub-packages hold the black-box baselines, the explainers and the metrics.
 */
package org.pellucid.eval;
