/**
 * One small runnable program per module — build a model in code, train, explain, score, save and
 * load: {@link org.pellucid.examples.programs.TreeSurrogateExample trees},
 * {@link org.pellucid.examples.programs.SparseExample sparse},
 * {@link org.pellucid.examples.programs.ConceptExample bottleneck},
 * {@link org.pellucid.examples.programs.AttentionExample attention},
 * {@link org.pellucid.examples.programs.RulesExample neurosymbolic},
 * {@link org.pellucid.examples.programs.EvalExample eval}. Each takes an optional row count.
 */
package org.pellucid.examples.programs;
