package org.pellucid.core.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-expresses a dataset loaded on its own (say, a new CSV to explain) in the schema a model was
 * trained with: columns matched by name, categories by name. A missing column is an error; a
 * category the model never saw becomes a missing value, counted and reported in {@link #unseen()}
 * — the model's encoder then gives it no active category, its defined treatment.
 */
public final class Alignment {
    private final Dataset aligned;
    private final Map<String, Integer> unseen;

    private Alignment(Dataset aligned, Map<String, Integer> unseen) {
        this.aligned = aligned;
        this.unseen = unseen;
    }

    public Dataset dataset() {
        return aligned;
    }

    /** Column → number of values whose category the model had not seen. */
    public Map<String, Integer> unseen() {
        return unseen;
    }

    public static Alignment align(Dataset data, Schema model) {
        Schema s = data.schema();
        if (s.equals(model)) {
            return new Alignment(data, Map.of());
        }
        int p = model.featureCount();
        int[] src = sourceColumns(data, model);
        Map<String, Integer> unseen = new LinkedHashMap<>();
        double[][] x = new double[data.size()][p];
        for (int j = 0; j < p; j++) {
            Column want = model.feature(j);
            Column have = s.feature(src[j]);
            int[] map = null;
            if (!want.isNumeric()) {
                map = new int[have.categories().size()];
                for (int c = 0; c < map.length; c++) {
                    map[c] = want.categoryIndex(have.categories().get(c));
                }
            }
            for (int i = 0; i < data.size(); i++) {
                double v = data.value(i, src[j]);
                if (map != null && !Double.isNaN(v)) {
                    int m = map[(int) v];
                    if (m < 0) {
                        unseen.merge(want.name(), 1, Integer::sum);
                        v = Double.NaN;
                    } else {
                        v = m;
                    }
                }
                x[i][j] = v;
            }
        }
        double[] y = targets(data, model);
        List<String> concepts = new ArrayList<>(model.concepts());
        Dataset.Builder b = Dataset.builder(model.withConcepts(concepts)).name(data.name()).features(x).targets(y);
        if (data.hasConcepts() && s.concepts().equals(model.concepts())) {
            double[][] c = new double[data.size()][];
            for (int i = 0; i < c.length; i++) {
                c[i] = data.concepts(i);
            }
            b.concepts(c);
        }
        return new Alignment(b.build(), Map.copyOf(unseen));
    }

    /** Where each of the model's columns is in the data; a column missing or of the other kind is an error. */
    private static int[] sourceColumns(Dataset data, Schema model) {
        Schema s = data.schema();
        int[] src = new int[model.featureCount()];
        for (int j = 0; j < src.length; j++) {
            Column want = model.feature(j);
            src[j] = s.indexOf(want.name());
            if (src[j] < 0) {
                throw new DatasetException(data.name(), -1, want.name(),
                        "the model needs this column but the data does not have it; data columns are " + s.featureNames());
            }
            Column have = s.feature(src[j]);
            if (want.isNumeric() != have.isNumeric()) {
                throw new DatasetException(data.name(), -1, want.name(), "the model expects it "
                        + (want.isNumeric() ? "numeric" : "categorical") + " but the data's values are "
                        + (have.isNumeric() ? "numeric" : "not numbers"));
            }
        }
        return src;
    }

    /** The data's targets in the model's coding; a class the model does not know is an error. */
    private static double[] targets(Dataset data, Schema model) {
        double[] y = new double[data.size()];
        Column mt = model.target();
        Column dt = data.schema().target();
        for (int i = 0; i < data.size(); i++) {
            if (mt.isNumeric()) {
                y[i] = data.target(i);
            } else {
                String name = dt.format(data.target(i));
                int k = mt.categoryIndex(name);
                if (k < 0) {
                    throw new DatasetException(data.name(), -1, dt.name(), "class '" + name + "' is not one the model knows: "
                            + mt.categories());
                }
                y[i] = k;
            }
        }
        return y;
    }
}
