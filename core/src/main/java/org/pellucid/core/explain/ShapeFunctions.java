package org.pellucid.core.explain;

import java.util.List;
import org.pellucid.core.data.Numbers;

/**
 * An additive model's global explanation as pictures are drawn from it: each column's shape (its
 * contribution to the explained logit along the column's values, with how many rows sit there) and
 * each pairwise interaction as a heat map. The report draws any model that offers them
 * ({@link org.pellucid.core.model.HasShapeFunctions}), whatever its family.
 *
 * @param target what the values are contributions to, e.g. {@code log-odds(approve)}
 */
public record ShapeFunctions(String target, List<Curve> curves, List<Pair> pairs) {

    public ShapeFunctions {
        curves = List.copyOf(curves);
        pairs = List.copyOf(pairs);
    }

    /**
     * One column's shape.
     *
     * @param labels the category names for a categorical column (then {@code x} is 0, 1, …), empty for a numeric one
     * @param x the column's values the shape is read at, ascending
     * @param y the contribution at each of them
     * @param density the share of the given rows nearest to each x (sums to 1 over the curve)
     */
    public record Curve(String column, List<String> labels, double[] x, double[] y, double[] density) {
        public Curve {
            labels = List.copyOf(labels);
            if (x.length != y.length || x.length != density.length) {
                throw new IllegalArgumentException("a shape needs as many x, y and density values; got " + x.length + ", " + y.length
                        + ", " + density.length);
            }
        }

        public boolean numeric() {
            return labels.isEmpty();
        }
    }

    /**
     * A pair's contribution over a grid of both columns' values: {@code z[a][b]} at {@code xLabels[a]}, {@code yLabels[b]}.
     */
    public record Pair(String first, String second, List<String> xLabels, List<String> yLabels, double[][] z) {
        public Pair {
            xLabels = List.copyOf(xLabels);
            yLabels = List.copyOf(yLabels);
        }
    }

    /** Share of {@code values} (NaN skipped) nearest to each of the ascending points {@code x}. */
    public static double[] density(double[] x, double[] values) {
        double[] d = new double[x.length];
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v) || x.length == 0) {
                continue;
            }
            int lo = Math.min(Numbers.lowerBound(x, v), x.length - 1);
            int best = lo > 0 && Math.abs(x[lo - 1] - v) <= Math.abs(x[lo] - v) ? lo - 1 : lo;
            d[best]++;
            n++;
        }
        for (int i = 0; i < d.length && n > 0; i++) {
            d[i] /= n;
        }
        return d;
    }
}
