package org.pellucid.core.data;

import java.util.List;
import java.util.Objects;

/**
 * One column of a table as the user named it. Categorical and binary columns carry their category
 * names in a fixed order; a value of such a column is stored as the index of its category.
 *
 * @param name the user's column name
 * @param type numeric, categorical or binary
 * @param categories the category names (empty for numeric columns)
 */
public record Column(String name, ColumnType type, List<String> categories) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        categories = List.copyOf(categories == null ? List.of() : categories);
        if (type != ColumnType.NUMERIC && categories.isEmpty()) {
            throw new IllegalArgumentException("column '" + name + "' is " + type + " but has no categories");
        }
        if (type == ColumnType.BINARY && categories.size() != 2) {
            throw new IllegalArgumentException("binary column '" + name + "' needs exactly 2 categories");
        }
    }

    public static Column numeric(String name) {
        return new Column(name, ColumnType.NUMERIC, List.of());
    }

    public static Column categorical(String name, List<String> categories) {
        return new Column(name, ColumnType.CATEGORICAL, categories);
    }

    public boolean isNumeric() {
        return type == ColumnType.NUMERIC;
    }

    /** Index of a category name, or -1 when the column has no such category. */
    public int categoryIndex(String value) {
        return categories.indexOf(value);
    }

    /** The user's words for a stored value: the number itself or the category name; "?" when missing. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        if (isNumeric()) {
            return Numbers.format(value);
        }
        int i = (int) value;
        return i >= 0 && i < categories.size() ? categories.get(i) : "<unseen>";
    }
}
