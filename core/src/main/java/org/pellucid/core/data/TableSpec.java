package org.pellucid.core.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to turn a {@link RawTable} into a {@link Dataset}: which column is the target, which
 * columns to leave out, declared types (others are inferred), and the missing-value rule.
 *
 * @param target target column name; null means the last column
 * @param ignore columns to leave out (identifiers, leaks)
 * @param declared column name → declared type; undeclared columns are inferred
 * @param categoryOrder column name → declared category order (ARFF nominal lists)
 * @param missing what to do with missing feature values
 * @param regression treat a numeric target as a value to regress rather than as class labels
 */
public record TableSpec(String target, List<String> ignore, Map<String, ColumnType> declared,
                        Map<String, List<String>> categoryOrder, MissingPolicy missing, boolean regression) {

    public TableSpec {
        ignore = List.copyOf(ignore == null ? List.of() : ignore);
        declared = Map.copyOf(declared == null ? Map.of() : declared);
        categoryOrder = Map.copyOf(categoryOrder == null ? Map.of() : categoryOrder);
        missing = missing == null ? MissingPolicy.IMPUTE : missing;
    }

    public static TableSpec defaults() {
        return new TableSpec(null, List.of(), Map.of(), Map.of(), MissingPolicy.IMPUTE, false);
    }

    public TableSpec withTarget(String t) {
        return new TableSpec(t, ignore, declared, categoryOrder, missing, regression);
    }

    public TableSpec withIgnore(List<String> cols) {
        return new TableSpec(target, cols, declared, categoryOrder, missing, regression);
    }

    public TableSpec withDeclared(Map<String, ColumnType> types) {
        return new TableSpec(target, ignore, types, categoryOrder, missing, regression);
    }

    public TableSpec withCategoryOrder(Map<String, List<String>> order) {
        return new TableSpec(target, ignore, declared, order, missing, regression);
    }

    public TableSpec withMissing(MissingPolicy policy) {
        return new TableSpec(target, ignore, declared, categoryOrder, policy, regression);
    }

    public TableSpec withRegression(boolean r) {
        return new TableSpec(target, ignore, declared, categoryOrder, missing, r);
    }

    static Map<String, ColumnType> mutable() {
        return new HashMap<>();
    }
}
