/**
 * Post-hoc explainers for any predictor — KernelSHAP, the random control — and the adapter that
 * reads a transparent model's built-in explanation as an attribution, all returning the core
 * {@link org.pellucid.core.explain.FeatureAttribution}.
 */
package org.pellucid.eval.explainers;
