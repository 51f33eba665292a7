package org.pellucid.core.explain;

import java.util.List;

/**
 * A weighted rule list: every class starts at its bias, every rule whose conditions hold adds its
 * weights, and the class probabilities are the softmax of the sums.
 *
 * @param rules the rules, in the order the model lists them
 * @param bias the class scores before any rule fires
 * @param classes the class names, in score order
 * @param missing what a missing value does to a condition
 */
public record RuleListForm(List<StatedRule> rules, double[] bias, List<String> classes, StatedForm.Missing missing)
        implements StatedForm {

    public RuleListForm {
        rules = List.copyOf(rules);
        bias = bias.clone();
        classes = List.copyOf(classes);
    }

    /**
     * @param conditions the rule's conditions
     * @param all true when every condition must hold (AND), false when any one suffices (OR)
     * @param outcome the class the rule speaks for
     * @param weights what the rule adds to each class's score when it fires
     */
    public record StatedRule(List<Condition> conditions, boolean all, String outcome, double[] weights) {
        public StatedRule {
            conditions = List.copyOf(conditions);
            weights = weights.clone();
        }
    }
}
