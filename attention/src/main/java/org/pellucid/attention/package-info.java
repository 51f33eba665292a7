/**
 * Attention models that keep their attention: a transformer over column or image-patch tokens
 * ({@link org.pellucid.attention.AttentionFamily attention}), explained by the maps that turn its
 * attention into explanations ({@link org.pellucid.core.explain.AttentionMaps}: rollout and attention
 * flow after Abnar &amp; Zuidema, ACL 2020; gradient-weighted rollout after Chefer, Gur &amp; Wolf,
 * ICCV 2021). The maps live in core because they are arithmetic on attention weights that any
 * model can produce, not only this one.
 */
package org.pellucid.attention;
