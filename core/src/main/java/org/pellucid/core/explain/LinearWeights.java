package org.pellucid.core.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The weights of a linear model over encoded inputs, each named in the user's terms
 * ({@code workclass = Private}, {@code age} per standard deviation), per class.
 *
 * @param classes the classes (for binary models only the positive class has weights)
 * @param inputs the name of each encoded input
 * @param weights [class][input]
 * @param intercepts one per class
 * @param units how numeric inputs are scaled ({@code per standard deviation})
 */
public record LinearWeights(List<String> classes, List<String> inputs, List<String> inputColumns, double[][] weights,
                            double[] intercepts, String units) implements GlobalExplanation {

    @Override
    public String title() {
        return "Linear model weights (" + units + ")";
    }

    @Override
    public List<String> features() {
        LinkedHashSet<String> used = new LinkedHashSet<>();
        for (double[] w : weights) {
            for (int j = 0; j < w.length; j++) {
                if (w[j] != 0) {
                    used.add(inputColumns.get(j));
                }
            }
        }
        return new ArrayList<>(used);
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(title()).append('\n');
        for (int k = 0; k < weights.length; k++) {
            b.append(String.format(Locale.ROOT, "logit(%s) = %.4f%n", classes.get(k), intercepts[k]));
            Integer[] order = new Integer[inputs.size()];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            final int kk = k;
            Arrays.sort(order, (a, c) -> Double.compare(Math.abs(weights[kk][c]), Math.abs(weights[kk][a])));
            for (int j : order) {
                if (weights[k][j] != 0) {
                    b.append(String.format(Locale.ROOT, "  %+9.4f × %s%n", weights[k][j], inputs.get(j)));
                }
            }
        }
        return b.toString();
    }
}
