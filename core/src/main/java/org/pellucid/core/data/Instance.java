package org.pellucid.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row to predict or explain, in the schema's terms: numbers as they are, categories as the
 * index of their name, NaN for missing. Build one from the user's words with {@link #of}.
 */
public final class Instance {
    private final Schema schema;
    private final double[] values;
    private final int[] tokens;
    private final List<String> vocabulary;

    public Instance(Schema schema, double[] values) {
        this(schema, values, null, null);
    }

    /**
     * A row that also carries a token sequence (ids into {@code vocabulary}), as text datasets do.
     */
    public Instance(Schema schema, double[] values, int[] tokens, List<String> vocabulary) {
        this.schema = Objects.requireNonNull(schema);
        if (values.length != schema.featureCount()) {
            throw new DatasetException("an instance needs " + schema.featureCount() + " values, got " + values.length);
        }
        if ((tokens == null) != (vocabulary == null)) {
            throw new DatasetException("a token sequence needs its vocabulary");
        }
        if (tokens != null) {
            for (int t : tokens) {
                if (t < 0 || t >= vocabulary.size()) {
                    throw new DatasetException("token id " + t + " is outside the vocabulary of " + vocabulary.size() + " words");
                }
            }
        }
        this.values = values.clone();
        this.tokens = tokens == null ? null : tokens.clone();
        this.vocabulary = vocabulary;
    }

    /** The token ids of a text row, or null for a tabular row. */
    public int[] tokens() {
        return tokens == null ? null : tokens.clone();
    }

    /** The vocabulary the token ids refer to, or null. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** The words of a text row (empty for a tabular row). */
    public List<String> words() {
        List<String> w = new ArrayList<>();
        if (tokens != null) {
            for (int t : tokens) {
                w.add(vocabulary.get(t));
            }
        }
        return w;
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
        return o instanceof Instance i && i.schema.equals(schema) && Arrays.equals(i.values, values)
                && Arrays.equals(i.tokens, tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return tokens == null ? asText().toString() : String.join(" ", words());
    }
}
