package org.pellucid.additive;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.ColumnType;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Schema;
import org.pellucid.core.io.ModelFormatException;

/**
 * A generalized additive model with pairwise interactions as lookup tables — the form {@code ga2m}
 * is deployed, saved and explained in: logit_k(x) = bias_k + Σ_j main_j,k(x_j) + Σ_(i,j) pair_ij,k(x_i, x_j).
 *
 * <p>Each column has an axis of cells: a numeric column the quantiles of its training values (a value
 * between two grid points is interpolated linearly, one outside the grid takes the nearest end, a
 * missing one is the training mean, as the encoder imputes it); a category column one cell per level
 * plus one for a missing or unseen value. Main effects are tables over one axis, pairs over two
 * (bilinear between numeric grid points). Because a value's interpolation weights add up to one,
 * moving a constant from a pair's row into the row's main-effect cell changes no prediction, which is
 * what {@link #purify} and {@link #centre} use.
 */
final class AdditiveTables {
    final Axis[] axes;
    final Axis[] pairAxes; // coarser axes the pairs, and the main-effect corrections purification makes, are read on
    final double[][][] main; // [column][cell][class]
    final double[][][] corr; // [column][pair-axis cell][class]: what purification moved out of pairs
    final int[][] pairs; // [pair] = {i, j}
    final double[][][][] pair; // [pair][cell i][cell j][class]
    final double[] bias;
    final int classes;

    AdditiveTables(Axis[] axes, Axis[] pairAxes, double[][][] main, double[][][] corr, int[][] pairs, double[][][][] pair, double[] bias) {
        this.axes = axes;
        this.pairAxes = pairAxes;
        this.main = main;
        this.corr = corr;
        this.pairs = pairs;
        this.pair = pair;
        this.bias = bias;
        this.classes = bias.length;
    }

    /**
     * One column's cells.
     *
     * @param grid raw values of the grid points (numeric), or null for a category column
     * @param levels category cells including the last, missing one (0 for numeric)
     * @param missing the value a missing number is read as (the training mean)
     * @param binary a two-level column the encoder reads as "= second level" (missing reads as the first)
     */
    record Axis(double[] grid, int levels, double missing, boolean binary) {
        int size() {
            return grid != null ? grid.length : levels;
        }

        boolean numeric() {
            return grid != null;
        }

        /** The (at most two) cells of raw value {@code v}, their weights written to {@code w}; returns the count. */
        int cells(double v, int[] idx, double[] w) {
            if (grid == null) {
                int c;
                if (binary) {
                    c = v == 1 ? 1 : 0;
                } else {
                    c = Double.isNaN(v) || v < 0 || v >= levels - 1 || v != Math.rint(v) ? levels - 1 : (int) v;
                }
                idx[0] = c;
                w[0] = 1;
                return 1;
            }
            double x = Double.isNaN(v) ? missing : v;
            int n = grid.length;
            if (n == 1 || x <= grid[0]) {
                idx[0] = 0;
                w[0] = 1;
                return 1;
            }
            if (x >= grid[n - 1]) {
                idx[0] = n - 1;
                w[0] = 1;
                return 1;
            }
            int hi = Arrays.binarySearch(grid, x);
            if (hi >= 0) {
                idx[0] = hi;
                w[0] = 1;
                return 1;
            }
            hi = -hi - 1;
            double t = (x - grid[hi - 1]) / (grid[hi] - grid[hi - 1]);
            idx[0] = hi - 1;
            w[0] = 1 - t;
            idx[1] = hi;
            w[1] = t;
            return 2;
        }

        /** The raw value a cell stands for (a grid point, or a category index; NaN for the missing cell). */
        double value(int cell) {
            if (grid != null) {
                return grid[cell];
            }
            return binary ? cell : cell == levels - 1 ? Double.NaN : cell;
        }

        /**
         * The axis of column {@code c} with at most {@code points} grid points: every distinct training
         * value when there are that few (the table is then exact on every value seen), else half the
         * points at quantiles of the training values and half evenly spaced over their range.
         */
        static Axis of(Column c, double[] values, double mean, int points) {
            if (!c.isNumeric()) {
                boolean binary = c.type() == ColumnType.BINARY;
                return new Axis(null, binary ? 2 : c.categories().size() + 1, Double.NaN, binary);
            }
            double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (v.length == 0) {
                return new Axis(new double[] {mean}, 0, mean, false);
            }
            double[] distinct = Arrays.stream(v).distinct().toArray();
            if (distinct.length <= points) {
                return new Axis(distinct, 0, mean, false);
            }
            int half = Math.max(2, points / 2);
            double[] g = new double[2 * half];
            for (int q = 0; q < half; q++) {
                g[q] = v[(int) Math.round((double) q * (v.length - 1) / (half - 1))];
                g[half + q] = v[0] + (v[v.length - 1] - v[0]) * q / (half - 1);
            }
            return new Axis(Arrays.stream(g).sorted().distinct().toArray(), 0, mean, false);
        }
    }

    /** Row-major logits of every row of {@code d}. */
    float[] logitsOf(Dataset d) {
        float[] out = new float[d.size() * classes];
        for (int i = 0; i < d.size(); i++) {
            double[] l = logits(d.rowValues(i), null, null);
            for (int q = 0; q < classes; q++) {
                out[i * classes + q] = (float) l[q];
            }
        }
        return out;
    }

    /** Adds per-class offsets to the bias (see {@link DecisionOffsets}). */
    void shiftBias(double[] offsets) {
        for (int q = 0; q < classes; q++) {
            bias[q] += offsets[q];
        }
    }

    /** The logits of raw row {@code x}, and each column's and pair's share, in {@code parts} when not null. */
    double[] logits(double[] x, double[][] mainPart, double[][] pairPart) {
        double[] out = bias.clone();
        int[] ia = new int[2];
        double[] wa = new double[2];
        int[] ib = new int[2];
        double[] wb = new double[2];
        for (int j = 0; j < axes.length; j++) {
            int n = axes[j].cells(x[j], ia, wa);
            int nc = pairAxes[j].cells(x[j], ib, wb);
            for (int q = 0; q < classes; q++) {
                double s = 0;
                for (int a = 0; a < n; a++) {
                    s += wa[a] * main[j][ia[a]][q];
                }
                for (int a = 0; a < nc; a++) {
                    s += wb[a] * corr[j][ib[a]][q];
                }
                out[q] += s;
                if (mainPart != null) {
                    mainPart[j][q] = s;
                }
            }
        }
        for (int p = 0; p < pairs.length; p++) {
            int na = pairAxes[pairs[p][0]].cells(x[pairs[p][0]], ia, wa);
            int nb = pairAxes[pairs[p][1]].cells(x[pairs[p][1]], ib, wb);
            for (int q = 0; q < classes; q++) {
                double s = 0;
                for (int a = 0; a < na; a++) {
                    for (int b = 0; b < nb; b++) {
                        s += wa[a] * wb[b] * pair[p][ia[a]][ib[b]][q];
                    }
                }
                out[q] += s;
                if (pairPart != null) {
                    pairPart[p][q] = s;
                }
            }
        }
        return out;
    }

    /**
     * Purification (Lengerich, Tan, Chang, Hooker, Caruana, "Purifying Interaction Effects with the
     * Functional ANOVA", AISTATS 2020): moves each pair's weighted mean along every row and column of
     * its table into the main effects, again and again, until each pair averages to zero along either
     * axis under the training rows' distribution ({@code mass}: rows' interpolation weights per cell
     * pair). Then a pair holds only what no main effect can, and the main effects read the same with
     * or without pairs. Predictions do not change. Returns the largest move of the last sweep.
     */
    double purify(double[][][] mass, int sweeps, double tolerance) {
        double last = 0;
        for (int s = 0; s < sweeps; s++) {
            last = 0;
            for (int p = 0; p < pairs.length; p++) {
                double[][] w = mass[p];
                double[][][] t = pair[p];
                int na = t.length;
                int nb = t[0].length;
                for (int q = 0; q < classes; q++) {
                    for (int a = 0; a < na; a++) {
                        double sw = 0;
                        double sv = 0;
                        for (int b = 0; b < nb; b++) {
                            sw += w[a][b];
                            sv += w[a][b] * t[a][b][q];
                        }
                        double m = sw > 0 ? sv / sw : 0;
                        for (int b = 0; b < nb; b++) {
                            t[a][b][q] -= m;
                        }
                        corr[pairs[p][0]][a][q] += m;
                        last = Math.max(last, Math.abs(m));
                    }
                    for (int b = 0; b < nb; b++) {
                        double sw = 0;
                        double sv = 0;
                        for (int a = 0; a < na; a++) {
                            sw += w[a][b];
                            sv += w[a][b] * t[a][b][q];
                        }
                        double m = sw > 0 ? sv / sw : 0;
                        for (int a = 0; a < na; a++) {
                            t[a][b][q] -= m;
                        }
                        corr[pairs[p][1]][b][q] += m;
                        last = Math.max(last, Math.abs(m));
                    }
                }
            }
            if (last < tolerance) {
                break;
            }
        }
        return last;
    }

    /**
     * Moves each main effect's weighted mean into the bias, so every shape averages to zero under the
     * training rows ({@code mass}: their interpolation weights per cell of the main axes, {@code pairMass}
     * of the pair axes, which the corrections live on).
     */
    void centre(double[][] mass, double[][] pairMass) {
        centre(main, mass);
        centre(corr, pairMass);
    }

    private void centre(double[][][] tables, double[][] mass) {
        for (int j = 0; j < axes.length; j++) {
            double sw = Arrays.stream(mass[j]).sum();
            if (sw <= 0) {
                continue;
            }
            for (int q = 0; q < classes; q++) {
                double m = 0;
                for (int a = 0; a < tables[j].length; a++) {
                    m += mass[j][a] * tables[j][a][q];
                }
                m /= sw;
                for (int a = 0; a < tables[j].length; a++) {
                    tables[j][a][q] -= m;
                }
                bias[q] += m;
            }
        }
    }

    /** Number of table entries (the parameters of the deployed model). */
    long size() {
        long n = bias.length;
        for (double[][] m : main) {
            n += (long) m.length * classes;
        }
        for (double[][] m : corr) {
            n += (long) m.length * classes;
        }
        for (double[][][] t : pair) {
            n += (long) t.length * t[0].length * classes;
        }
        return n;
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("axes", axesJson(axes));
        o.add("pair_axes", axesJson(pairAxes));
        JsonArray pr = new JsonArray();
        for (int[] p : pairs) {
            JsonArray e = new JsonArray();
            e.add(p[0]);
            e.add(p[1]);
            pr.add(e);
        }
        o.add("pairs", pr);
        return o;
    }

    private static JsonArray axesJson(Axis[] axes) {
        JsonArray ax = new JsonArray();
        for (Axis a : axes) {
            JsonObject e = new JsonObject();
            if (a.grid() != null) {
                JsonArray g = new JsonArray();
                Arrays.stream(a.grid()).forEach(g::add);
                e.add("grid", g);
                e.addProperty("missing", a.missing());
            } else {
                e.addProperty("levels", a.levels());
                e.addProperty("binary", a.binary());
            }
            ax.add(e);
        }
        return ax;
    }

    /** Every table entry in one array: bias, then main effects, then pairs (row-major, class fastest). */
    double[] values() {
        double[] v = new double[(int) size()];
        int i = 0;
        for (double b : bias) {
            v[i++] = b;
        }
        for (double[][][] tables : new double[][][][] {main, corr}) {
            for (double[][] m : tables) {
                for (double[] cell : m) {
                    for (double c : cell) {
                        v[i++] = c;
                    }
                }
            }
        }
        for (double[][][] t : pair) {
            for (double[][] row : t) {
                for (double[] cell : row) {
                    for (double c : cell) {
                        v[i++] = c;
                    }
                }
            }
        }
        return v;
    }

    static AdditiveTables fromJson(Schema schema, JsonObject o, double[] v) {
        int k = schema.classes().size();
        Axis[] axes = axesFromJson(schema, o.getAsJsonArray("axes"));
        Axis[] pairAxes = axesFromJson(schema, o.getAsJsonArray("pair_axes"));
        JsonArray pr = o.getAsJsonArray("pairs");
        int[][] pairs = new int[pr.size()][];
        for (int p = 0; p < pairs.length; p++) {
            pairs[p] = new int[] {pr.get(p).getAsJsonArray().get(0).getAsInt(), pr.get(p).getAsJsonArray().get(1).getAsInt()};
            if (pairs[p][0] < 0 || pairs[p][0] >= axes.length || pairs[p][1] < 0 || pairs[p][1] >= axes.length) {
                throw new ModelFormatException("ga2m model: pair " + Arrays.toString(pairs[p]) + " names no column");
            }
        }
        AdditiveTables t = empty(axes, pairAxes, pairs, k);
        if (v.length != t.size()) {
            throw new ModelFormatException("ga2m model: " + v.length + " table values, the axes need " + t.size());
        }
        int i = 0;
        for (int q = 0; q < k; q++) {
            t.bias[q] = v[i++];
        }
        for (double[][][] tables : new double[][][][] {t.main, t.corr}) {
            for (double[][] m : tables) {
                for (double[] cell : m) {
                    for (int q = 0; q < k; q++) {
                        cell[q] = v[i++];
                    }
                }
            }
        }
        for (double[][][] tb : t.pair) {
            for (double[][] row : tb) {
                for (double[] cell : row) {
                    for (int q = 0; q < k; q++) {
                        cell[q] = v[i++];
                    }
                }
            }
        }
        return t;
    }

    private static Axis[] axesFromJson(Schema schema, JsonArray ax) {
        if (ax == null || ax.size() != schema.featureCount()) {
            throw new ModelFormatException("ga2m model: " + (ax == null ? 0 : ax.size()) + " axes for " + schema.featureCount() + " columns");
        }
        Axis[] axes = new Axis[ax.size()];
        for (int j = 0; j < axes.length; j++) {
            JsonObject e = ax.get(j).getAsJsonObject();
            if (e.has("grid")) {
                double[] g = new double[e.getAsJsonArray("grid").size()];
                for (int q = 0; q < g.length; q++) {
                    g[q] = e.getAsJsonArray("grid").get(q).getAsDouble();
                }
                axes[j] = new Axis(g, 0, e.get("missing").getAsDouble(), false);
            } else {
                axes[j] = new Axis(null, e.get("levels").getAsInt(), Double.NaN, e.get("binary").getAsBoolean());
            }
        }
        return axes;
    }

    /** Tables of zeros on the given axes and pairs. */
    static AdditiveTables empty(Axis[] axes, Axis[] pairAxes, int[][] pairs, int classes) {
        double[][][] main = new double[axes.length][][];
        double[][][] corr = new double[axes.length][][];
        for (int j = 0; j < axes.length; j++) {
            main[j] = new double[axes[j].size()][classes];
            corr[j] = new double[pairAxes[j].size()][classes];
        }
        double[][][][] pair = new double[pairs.length][][][];
        for (int p = 0; p < pairs.length; p++) {
            pair[p] = new double[pairAxes[pairs[p][0]].size()][pairAxes[pairs[p][1]].size()][classes];
        }
        return new AdditiveTables(axes, pairAxes, main, corr, pairs, pair, new double[classes]);
    }
}
