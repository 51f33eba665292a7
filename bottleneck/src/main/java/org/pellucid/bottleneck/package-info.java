/**
 * Concept models: {@link org.pellucid.bottleneck.ConceptFamily cbm} (concept bottleneck, Koh et al.,
 * ICML 2020) and {@link org.pellucid.bottleneck.ConceptFamily.Embedding cem} (concept embedding
 * model, Espinosa Zarlenga et al., NeurIPS 2022). Input → concepts → label, with test-time
 * {@link org.pellucid.bottleneck.Interventions interventions} and
 * {@link org.pellucid.bottleneck.ConceptMetrics concept metrics} (concept accuracy, leakage).
 */
package org.pellucid.bottleneck;
