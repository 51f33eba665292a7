/**
 * The model registry ({@link org.pellucid.core.models.ModelFamily}, found through ServiceLoader) and
 * the two models that prove the whole path: {@code logistic} (transparent, exact contributions) and
 * {@code mlp} (black box, DJL).
 */
package org.pellucid.core.models;
