/**
 * Explanations as typed values: the sealed {@link org.pellucid.core.explain.Explanation} family
 * (feature attribution, concept, attention, rule, tree path) and
 * {@link org.pellucid.core.explain.GlobalExplanation}s, all in the user's column names and values.
 */
package org.pellucid.core.explain;
