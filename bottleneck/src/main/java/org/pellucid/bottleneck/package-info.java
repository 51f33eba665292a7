/**
 * Concept bottleneck (Koh et al., ICML 2020) and concept embedding models (Espinosa Zarlenga et al.,
 * NeurIPS 2022) with interventions. Not built yet: tracked by issue #4.
 */
package org.pellucid.bottleneck;
