/**
 * Rule models: a differentiable rule layer ({@link org.pellucid.neurosymbolic.RuleNetwork}, after
 * RRL, Wang et al., NeurIPS 2021) trained with gradient grafting, whose crisp IF-THEN rules become
 * the model ({@link org.pellucid.neurosymbolic.RuleModel}); expert rules are parsed
 * ({@link org.pellucid.neurosymbolic.RuleParser}) and injected into rule nodes (after KBANN,
 * Towell &amp; Shavlik 1994).
 */
package org.pellucid.neurosymbolic;
