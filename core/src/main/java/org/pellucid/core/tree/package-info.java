/**
 * Decision trees shared by the tree surrogates ({@code trees}) and the tree-ensemble baselines
 * ({@code eval}): a best-first, histogram-based CART learner with an optional TREPAN-style sampler,
 * and an immutable flat {@link org.pellucid.core.tree.DecisionTree} that saves as JSON.
 */
package org.pellucid.core.tree;
