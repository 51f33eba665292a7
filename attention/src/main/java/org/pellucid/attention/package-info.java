/**
 * Transformers that keep their attention; rollout and flow (Abnar &amp; Zuidema, ACL 2020) and
 * gradient-weighted rollout (Chefer et al., ICCV 2021). Not built yet: tracked by issue #5.
 */
package org.pellucid.attention;
