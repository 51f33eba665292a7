/**
 * Attention models that keep their attention: a transformer over column or image-patch tokens
 * ({@link org.pellucid.attention.AttentionFamily attention}) and the maps that turn attention into
 * explanations ({@link org.pellucid.attention.AttentionMaps}: rollout and attention flow after
 * Abnar &amp; Zuidema, ACL 2020; gradient-weighted rollout after Chefer, Gur &amp; Wolf, ICCV 2021).
 */
package org.pellucid.attention;
