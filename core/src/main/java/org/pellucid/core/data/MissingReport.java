package org.pellucid.core.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many values were missing per column, and how many rows the {@link MissingPolicy} removed.
 * Nothing is dropped silently: loaders and the CLI print this report whenever it is not empty.
 *
 * @param perColumn missing values per column name (only columns with at least one)
 * @param rowsDropped rows removed by {@link MissingPolicy#DROP_ROWS}
 * @param policy the rule that was applied
 */
public record MissingReport(Map<String, Integer> perColumn, int rowsDropped, MissingPolicy policy) {

    public MissingReport {
        // in the file's column order, the same every run (Map.copyOf's order is not stable)
        perColumn = Collections.unmodifiableMap(new LinkedHashMap<>(perColumn));
    }

    public static MissingReport count(Schema schema, double[][] x) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int j = 0; j < schema.featureCount(); j++) {
            int c = 0;
            for (double[] row : x) {
                if (Double.isNaN(row[j])) {
                    c++;
                }
            }
            if (c > 0) {
                m.put(schema.feature(j).name(), c);
            }
        }
        return new MissingReport(m, 0, MissingPolicy.IMPUTE);
    }

    public int total() {
        return perColumn.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean isEmpty() {
        return perColumn.isEmpty() && rowsDropped == 0;
    }

    /** One line for stderr, e.g. {@code 4262 missing values (workclass 1836, ...); kept and imputed}. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(total()).append(" missing value").append(total() == 1 ? "" : "s");
        if (!perColumn.isEmpty()) {
            b.append(" (");
            perColumn.forEach((k, v) -> b.append(k).append(' ').append(v).append(", "));
            b.setLength(b.length() - 2);
            b.append(')');
        }
        b.append(switch (policy) {
            case IMPUTE -> "; imputed at encoding (numeric: training mean, categorical: no category active)";
            case DROP_ROWS -> "; " + rowsDropped + " row" + (rowsDropped == 1 ? "" : "s") + " with a missing value dropped";
            case ERROR -> "";
        });
        return b.toString();
    }
}
