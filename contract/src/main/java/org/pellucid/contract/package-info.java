/**
 * The shared model contract as a reusable jqwik suite: {@link org.pellucid.contract.ModelContract}
 * (extend it, name a family, data and a quick configuration), generated rows
 * ({@link org.pellucid.contract.RandomInstances}), and an independent reader of stated rule lists
 * and trees ({@link org.pellucid.contract.StatedFormRunner}, {@link org.pellucid.contract.ConditionTruth})
 * so explanations are checked against what they say, not against the model's own code.
 */
package org.pellucid.contract;
