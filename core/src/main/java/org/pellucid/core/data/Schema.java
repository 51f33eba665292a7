package org.pellucid.core.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns a model reads (features), the column it predicts (target) and, optionally, the
 * human concepts annotated on each row (for concept bottleneck models). A categorical target makes
 * the task classification; a numeric one makes it regression.
 */
public final class Schema {
    private final List<Column> features;
    private final Column target;
    private final List<String> concepts;
    private final Map<String, Integer> index = new HashMap<>();

    public Schema(List<Column> features, Column target, List<String> concepts) {
        this.features = List.copyOf(features);
        this.target = Objects.requireNonNull(target, "target");
        this.concepts = List.copyOf(concepts == null ? List.of() : concepts);
        for (int i = 0; i < this.features.size(); i++) {
            if (index.put(this.features.get(i).name(), i) != null) {
                throw new DatasetException("duplicate column name '" + this.features.get(i).name() + "'");
            }
        }
    }

    public Schema(List<Column> features, Column target) {
        this(features, target, List.of());
    }

    public List<Column> features() {
        return features;
    }

    public Column feature(int i) {
        return features.get(i);
    }

    public int featureCount() {
        return features.size();
    }

    /** Index of a feature column by name, or -1. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    public List<String> featureNames() {
        List<String> names = new ArrayList<>(features.size());
        for (Column c : features) {
            names.add(c.name());
        }
        return names;
    }

    public Column target() {
        return target;
    }

    public boolean isClassification() {
        return !target.isNumeric();
    }

    /** Class names of a classification target (empty for regression). */
    public List<String> classes() {
        return target.categories();
    }

    public List<String> concepts() {
        return concepts;
    }

    /** A copy with other concept names. */
    public Schema withConcepts(List<String> conceptNames) {
        return new Schema(features, target, conceptNames);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && s.features.equals(features) && s.target.equals(target)
                && s.concepts.equals(concepts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, target, concepts);
    }

    @Override
    public String toString() {
        return "Schema" + featureNames() + " -> " + target.name();
    }
}
