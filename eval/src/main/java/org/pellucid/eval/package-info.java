/**
 * Black-box baselines, post-hoc explainers and fidelity / simulability / stability metrics.
 * Not built yet: tracked by issue #8.
 */
package org.pellucid.eval;
