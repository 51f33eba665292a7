/**
 * Decision-tree models and surrogates: {@link org.pellucid.trees.TreeModel} (the {@code tree}
 * model, {@link org.pellucid.core.model.Simulatable}), the {@link org.pellucid.trees.Distiller}
 * that imitates any predictor with TREPAN-style sampling, and {@link org.pellucid.trees.Fidelity}.
 */
package org.pellucid.trees;
