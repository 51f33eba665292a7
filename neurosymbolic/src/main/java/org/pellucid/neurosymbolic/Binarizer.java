package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Numbers;
import org.pellucid.core.data.Schema;

/**
 * The binarisation layer: the literals a rule can use. Each numeric column gets thresholds at the
 * training data's quantiles ({@code x <= t} and {@code x > t} for each cut point t), each category
 * its own literal ({@code x = c}) and its negation ({@code x != c}); literals of injected rules are
 * added as given. Thresholds are fixed after fitting (RRL's first version binarises with fixed
 * random bins; quantiles make them reproducible and data-spread).
 */
public final class Binarizer {
    private final Schema schema;
    private final List<Literal> literals;

    public Binarizer(Schema schema, List<Literal> literals) {
        this.schema = schema;
        this.literals = List.copyOf(new LinkedHashSet<>(literals));
    }

    public static Binarizer fit(Dataset train, int bins, List<Literal> extra) {
        Schema s = train.schema();
        List<Literal> lits = new ArrayList<>();
        for (int j = 0; j < s.featureCount(); j++) {
            Column c = s.feature(j);
            if (c.isNumeric()) {
                double[] v = new double[train.size()];
                int n = 0;
                for (int i = 0; i < train.size(); i++) {
                    double x = train.rowValues(i)[j];
                    if (!Double.isNaN(x)) {
                        v[n++] = x;
                    }
                }
                v = Arrays.copyOf(v, n);
                Arrays.sort(v);
                LinkedHashSet<Double> cuts = new LinkedHashSet<>();
                for (int q = 1; q < bins && n > 0; q++) {
                    int k = (int) ((long) q * (n - 1) / bins);
                    double lo = v[k];
                    double hi = v[Math.min(n - 1, k + 1)];
                    if (lo < v[n - 1]) {
                        cuts.add(Double.parseDouble(Literal.number(lo == hi ? lo : Numbers.roundest(lo, hi))));
                    }
                }
                for (double t : cuts) {
                    lits.add(new Literal(j, "<=", t));
                    lits.add(new Literal(j, ">", t));
                }
            } else {
                for (int k = 0; k < c.categories().size(); k++) {
                    lits.add(new Literal(j, "=", k));
                    if (c.categories().size() > 2) {
                        lits.add(new Literal(j, "!=", k));
                    }
                }
            }
        }
        lits.addAll(extra);
        return new Binarizer(s, lits);
    }

    public List<Literal> literals() {
        return literals;
    }

    public int size() {
        return literals.size();
    }

    public int indexOf(Literal l) {
        return literals.indexOf(l);
    }

    public Schema schema() {
        return schema;
    }

    /** 0/1 per literal. */
    public float[] apply(double[] row) {
        float[] out = new float[literals.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = literals.get(k).holds(row) ? 1f : 0f;
        }
        return out;
    }

    public float[] applyAll(Dataset d) {
        int k = literals.size();
        float[] out = new float[d.size() * k];
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(apply(d.rowValues(i)), 0, out, i * k, k);
        }
        return out;
    }
}
