package org.pellucid.core.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row to predict or explain, in the schema's terms: numbers as they are, categories as the
 * index of their name, NaN for missing. Build one from the user's words with {@link #of}.
 */
public final class Instance {
    private final Schema schema;
    private final double[] values;

    public Instance(Schema schema, double[] values) {
        this.schema = Objects.requireNonNull(schema);
        if (values.length != schema.featureCount()) {
            throw new DatasetException("an instance needs " + schema.featureCount() + " values, got " + values.length);
        }
        this.values = values.clone();
    }

    /**
     * An instance from column name → text value, as a user would type it. Unknown columns and
     * unknown categories are errors; absent columns are missing.
     */
    public static Instance of(Schema schema, Map<String, String> byName) {
        double[] v = new double[schema.featureCount()];
        Arrays.fill(v, Double.NaN);
        for (Map.Entry<String, String> e : byName.entrySet()) {
            int j = schema.indexOf(e.getKey());
            if (j < 0) {
                throw new DatasetException(null, -1, e.getKey(), "no such column; columns are " + schema.featureNames());
            }
            Column c = schema.feature(j);
            String s = e.getValue().trim();
            if (MissingValues.isMissing(s)) {
                continue;
            }
            if (c.isNumeric()) {
                Double d = Numbers.tryParse(s);
                if (d == null) {
                    throw new DatasetException(null, -1, c.name(), "'" + s + "' is not a number");
                }
                v[j] = d;
            } else {
                int k = c.categoryIndex(s);
                if (k < 0) {
                    throw new DatasetException(null, -1, c.name(), "unknown category '" + s + "'; known: " + c.categories());
                }
                v[j] = k;
            }
        }
        return new Instance(schema, v);
    }

    public Schema schema() {
        return schema;
    }

    public int size() {
        return values.length;
    }

    public double get(int j) {
        return values[j];
    }

    /** A copy of the stored values. */
    public double[] values() {
        return values.clone();
    }

    /** Column j in the user's words ({@code Private}, {@code 39}, {@code ?}). */
    public String text(int j) {
        return schema.feature(j).format(values[j]);
    }

    /** Every column in the user's words, in schema order. */
    public Map<String, String> asText() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int j = 0; j < values.length; j++) {
            m.put(schema.feature(j).name(), text(j));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instance i && i.schema.equals(schema) && Arrays.equals(i.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
