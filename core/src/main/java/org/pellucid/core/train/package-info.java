/**
 * The DJL training core shared by every neural model: {@link org.pellucid.core.train.Network},
 * the flat-parameter {@link org.pellucid.core.train.Trainer} (Adam/AdamW, early stopping, seeded,
 * memory released per step), progress reporting and device choice.
 */
package org.pellucid.core.train;
