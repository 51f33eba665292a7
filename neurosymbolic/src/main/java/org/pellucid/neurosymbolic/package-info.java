/**
 * Differentiable rule layers (after RRL, Wang et al., NeurIPS 2021) and knowledge injection.
 * Not built yet: tracked by issue #6.
 */
package org.pellucid.neurosymbolic;
