package org.pellucid.core.explain;

/**
 * One test on one column, in the user's terms: {@code age > 52}, {@code workclass = Private}.
 *
 * @param feature the column's name
 * @param operator one of {@code <}, {@code <=}, {@code >}, {@code >=}, {@code =}, {@code !=}
 * @param value the threshold or category, as the user would write it
 */
public record Condition(String feature, String operator, String value) {
    @Override
    public String toString() {
        return feature + " " + operator + " " + value;
    }
}
