/**
 * Sparse neural models that say which columns they use: {@code sparse-mlp} (group-lasso proximal
 * steps) and {@code lassonet} (Lemhadri et al., JMLR 2021: skip path + hierarchical proximal
 * operator), both trained along a warm-started regularisation path.
 */
package org.pellucid.sparse;
