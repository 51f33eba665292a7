package org.pellucid.eval.global;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.Predictor;
import org.pellucid.eval.explainers.Output;

/**
 * Partial dependence (Friedman, "Greedy function approximation: a gradient boosting machine", 2001)
 * and individual conditional expectation curves (Goldstein et al., "Peeking inside the black box",
 * 2015): for each value v of a column, every sampled row with that column set to v is predicted;
 * the ICE curve of a row is its outputs over the grid, the PDP their mean, and the centred ICE each
 * curve minus its value at the first grid point. Numeric columns use a grid of distinct quantiles;
 * categorical columns every level. Works for any {@link Predictor}.
 *
 * @param column the column's name
 * @param grid the values set, in the data's own terms ("42.5", "Private")
 * @param values the grid's stored values (numbers, or category indices)
 * @param pdp the mean output at each grid value
 * @param ice one curve per row of {@code iceRows}
 * @param iceRows the data rows the ICE curves belong to
 * @param target what is plotted, e.g. {@code P(approve)}
 */
public record PartialDependence(String column, List<String> grid, double[] values, double[] pdp, double[][] ice, int[] iceRows,
                                String target) {

    /** The centred ICE curves: each curve minus its value at the first grid point. */
    public double[][] centredIce() {
        double[][] c = new double[ice.length][];
        for (int i = 0; i < ice.length; i++) {
            c[i] = new double[ice[i].length];
            for (int g = 0; g < ice[i].length; g++) {
                c[i][g] = ice[i][g] - ice[i][0];
            }
        }
        return c;
    }

    /**
     * @param rows at most this many data rows are averaged (a seeded sample)
     * @param iceCurves of which at most this many keep their ICE curve
     */
    public static PartialDependence of(Predictor model, Dataset data, int j, int target, Output output, int gridPoints, int rows,
                                       int iceCurves, long seed) {
        Column c = data.schema().feature(j);
        double[] values;
        if (c.isNumeric()) {
            values = Probe.quantileGrid(data, j, gridPoints);
        } else {
            values = IntStream.range(0, c.categories().size()).asDoubleStream().toArray();
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("column " + c.name() + " has no values to vary");
        }
        int[] idx = Probe.sample(data.size(), rows, seed);
        double[][] x = Probe.rows(data, idx);
        int keep = Math.min(iceCurves, idx.length);
        double[] pdp = new double[values.length];
        double[][] ice = new double[keep][values.length];
        for (int g = 0; g < values.length; g++) {
            double[] out = Probe.outputs(model, data, Probe.with(x, j, values[g]), target, output);
            double s = 0;
            for (int i = 0; i < out.length; i++) {
                s += out[i];
                if (i < keep) {
                    ice[i][g] = out[i];
                }
            }
            pdp[g] = s / out.length;
        }
        List<String> grid = new ArrayList<>();
        for (double v : values) {
            grid.add(c.format(v));
        }
        String cls = data.schema().isClassification() ? data.schema().classes().get(target) : data.schema().target().name();
        return new PartialDependence(c.name(), grid, values, pdp, ice, Arrays.copyOf(idx, keep), output.describe(cls));
    }
}
