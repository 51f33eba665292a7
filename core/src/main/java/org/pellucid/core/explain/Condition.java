package org.pellucid.core.explain;

import com.google.gson.JsonObject;

/**
 * One test on one column, in the user's terms: {@code age > 52}, {@code workclass = Private}.
 *
 * @param feature the column's name
 * @param operator one of {@code <}, {@code <=}, {@code >}, {@code >=}, {@code =}, {@code !=}
 * @param value the threshold or category, as the user would write it
 */
public record Condition(String feature, String operator, String value) {
    /** {@code {"feature", "operator", "value", "text"}}: the condition as explanations and stated forms write it. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("feature", feature);
        o.addProperty("operator", operator);
        o.addProperty("value", value);
        o.addProperty("text", toString());
        return o;
    }

    /** The condition that holds when this one does not (the other branch of a tree's test). */
    public Condition negated() {
        String op = switch (operator) {
            case "<=" -> ">";
            case ">" -> "<=";
            case "<" -> ">=";
            case ">=" -> "<";
            case "=" -> "!=";
            case "!=" -> "=";
            default -> throw new IllegalArgumentException("operator " + operator + " has no negation");
        };
        return new Condition(feature, op, value);
    }

    @Override
    public String toString() {
        return feature + " " + operator + " " + value;
    }
}
