package org.pellucid.eval.counterfactual;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Schema;

/**
 * What a change costs and what it may be (Wachter, Mittelstadt &amp; Russell 2017 scale distances by
 * the median absolute deviation): a number's change costs |Δ| / MAD of its column in the training
 * rows (the standard deviation when the MAD is 0, 1 when both are), a category's change costs 1, and
 * a missing number made present costs 1. Numbers stay inside the training range; immutable columns
 * never change.
 */
public final class CounterfactualCost {
    private final Schema schema;
    private final double[] mad;
    private final double[] min;
    private final double[] max;
    private final boolean[] immutable;

    public CounterfactualCost(Dataset train, Set<String> immutableColumns) {
        this.schema = train.schema();
        int p = schema.featureCount();
        mad = new double[p];
        min = new double[p];
        max = new double[p];
        immutable = new boolean[p];
        for (String c : immutableColumns) {
            int j = schema.indexOf(c);
            if (j < 0) {
                throw new IllegalArgumentException("immutable column '" + c + "' is not a column; columns are " + schema.featureNames());
            }
            immutable[j] = true;
        }
        for (int j = 0; j < p; j++) {
            if (!schema.feature(j).isNumeric()) {
                continue;
            }
            final int jj = j;
            double[] v = IntStream.range(0, train.size()).mapToDouble(i -> train.value(i, jj)).filter(Double::isFinite)
                    .sorted().toArray();
            if (v.length == 0) {
                mad[j] = 1;
                continue;
            }
            min[j] = v[0];
            max[j] = v[v.length - 1];
            double med = v[v.length / 2];
            double[] dev = Arrays.stream(v).map(x -> Math.abs(x - med)).sorted().toArray();
            double m = dev[dev.length / 2];
            if (m <= 0) {
                double mean = Arrays.stream(v).average().orElse(0);
                m = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0));
            }
            mad[j] = m > 0 ? m : 1;
        }
    }

    public Schema schema() {
        return schema;
    }

    public boolean immutable(int j) {
        return immutable[j];
    }

    public double mad(int j) {
        return mad[j];
    }

    public double min(int j) {
        return min[j];
    }

    public double max(int j) {
        return max[j];
    }

    /** The cost of turning {@code from} into {@code to}. */
    public double cost(double[] from, double[] to) {
        double c = 0;
        for (int j = 0; j < from.length; j++) {
            c += cost(j, from[j], to[j]);
        }
        return c;
    }

    /** The cost of column {@code j} going from {@code from} to {@code to}. */
    public double cost(int j, double from, double to) {
        if (same(from, to)) {
            return 0;
        }
        if (!schema.feature(j).isNumeric() || Double.isNaN(from) || Double.isNaN(to)) {
            return 1;
        }
        return Math.abs(to - from) / mad[j];
    }

    static boolean same(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }
}
