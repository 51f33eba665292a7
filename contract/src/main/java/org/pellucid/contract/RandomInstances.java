package org.pellucid.contract;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;

/**
 * jqwik generators of instances for a schema: numbers drawn from (and somewhat beyond) the range
 * seen in the data, any category, and missing values, so contracts are checked off the data too.
 */
public final class RandomInstances {
    private RandomInstances() {}

    public static Arbitrary<Instance> of(Dataset data) {
        Schema s = data.schema();
        List<Arbitrary<Double>> cols = new ArrayList<>();
        for (int j = 0; j < s.featureCount(); j++) {
            Column c = s.feature(j);
            Arbitrary<Double> present;
            if (c.isNumeric()) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < data.size(); i++) {
                    double v = data.value(i, j);
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                if (!(lo <= hi)) {
                    lo = 0;
                    hi = 1;
                }
                double span = Math.max(hi - lo, 1e-6);
                double from = lo - 0.5 * span;
                // integers mapped onto the interval: jqwik's decimal generator needs bounds of a fixed scale
                present = Arbitraries.integers().between(0, 1_000_000).map(k -> from + 2 * span * k / 1e6);
            } else {
                present = Arbitraries.integers().between(0, c.categories().size() - 1).map(Integer::doubleValue);
            }
            cols.add(Arbitraries.frequencyOf(Tuple.of(9, present),
                    Tuple.of(1, Arbitraries.just(Double.NaN))));
        }
        return Combinators.combine(cols).as(values -> {
            double[] v = new double[values.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = values.get(j);
            }
            return new Instance(s, v);
        });
    }
}
