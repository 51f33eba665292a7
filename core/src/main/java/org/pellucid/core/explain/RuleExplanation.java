package org.pellucid.core.explain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules that fired for a row and how they combined into the prediction.
 *
 * @param fired the rules whose conditions all hold for this row
 * @param combination how fired rules produced the output ({@code weighted vote}, {@code first match})
 */
public record RuleExplanation(List<FiredRule> fired, String combination) implements Explanation {

    /**
     * @param conditions the rule's conditions, all of which hold
     * @param outcome the class the rule speaks for
     * @param weight its weight in the combination
     */
    public record FiredRule(List<Condition> conditions, String outcome, double weight) {
        public FiredRule {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String toString() {
            List<String> c = conditions.stream().map(Condition::toString).toList();
            return "IF " + (c.isEmpty() ? "TRUE" : String.join(" AND ", c)) + " THEN " + outcome;
        }
    }

    public RuleExplanation {
        fired = List.copyOf(fired);
    }

    @Override
    public List<String> features() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        for (FiredRule r : fired) {
            for (Condition c : r.conditions()) {
                s.add(c.feature());
            }
        }
        return new ArrayList<>(s);
    }

    @Override
    public Optional<FeatureAttribution> asAttribution() {
        return Optional.empty();
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder("fired rules (" + combination + "):\n");
        for (FiredRule r : fired) {
            b.append(String.format(Locale.ROOT, "  [%+.3f] %s%n", r.weight(), r));
        }
        return b.toString();
    }
}
