package org.pellucid.additive;

import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Dataset;

/**
 * Main-effect shapes learned by cyclic gradient boosting on the lookup tables' own cells: the way
 * Lou, Caruana and Gehrke ("Intelligible Models for Classification and Regression", KDD 2012) and
 * InterpretML's Explainable Boosting Machine (Nori et al. 2019) fit a GAM. Each cycle visits the
 * columns in turn; for one column it sums the softmax cross-entropy's gradient and Hessian of every
 * row into the column's cells (a row between two grid points split by its interpolation weights),
 * fits a regression tree of at most {@code leaves} contiguous ranges of cells (every level its own leaf
 * for a category), and adds a Newton step scaled by the learning rate to the cells of each leaf. A
 * row's value is read exactly as the finished table reads it (linear interpolation between grid
 * points), so what was trained is what is deployed. Training stops when the validation
 * cross-entropy has not improved for {@code patience} cycles, and keeps the best cycle's tables. A
 * monotone column's table is projected after every step onto the monotone tables nearest it in the
 * rows' weighted least squares (pool-adjacent-violators on its log-odds), so it is monotone by
 * construction, and the rows' logits move by the projected step.
 */
final class BoostedShapes {
    /**
     * @param learningRate the Newton step's scale
     * @param maxCycles most passes over the columns
     * @param patience cycles without a better validation cross-entropy before stopping
     * @param leaves most leaves of a numeric column's tree (contiguous ranges of cells)
     * @param minLeafRows least (interpolation-weighted) training rows in a leaf
     * @param l2 added to a leaf's Hessian sum (shrinks leaves with few rows)
     * @param minGain least gain (loss reduction in Newton units, as XGBoost's {@code gamma}) a cut must bring; a column
     *     whose best cut brings less is left as it is in that step, so chance cuts on noise are not taken
     * @param monotone per column: +1 non-decreasing, -1 non-increasing in the log-odds of the second of two classes, 0 free
     */
    record Options(double learningRate, int maxCycles, int patience, int leaves, double minLeafRows, double l2, double minGain,
                   int[] monotone) {}

    /** The tables found: main[column][cell][class] and the bias, with the cycle kept and how training ended. */
    record Result(double[][][] main, double[] bias, int bestCycle, int cycles) {}

    private final AdditiveTables.Axis[] axes;
    private final int k;
    private final Options o;

    BoostedShapes(AdditiveTables.Axis[] axes, int classes, Options o) {
        this.axes = axes;
        this.k = classes;
        this.o = o;
    }

    /**
     * Each row's (at most two) cells and the first one's weight, per column, and how many
     * (interpolation-weighted) rows each cell holds: [column][cell].
     */
    private record Cells(int[][] a, int[][] b, double[][] wa, double[][] rows) {
        static Cells of(Dataset d, AdditiveTables.Axis[] axes) {
            int n = d.size();
            int[][] a = new int[axes.length][n];
            int[][] b = new int[axes.length][n];
            double[][] wa = new double[axes.length][n];
            int[] idx = new int[2];
            double[] w = new double[2];
            for (int j = 0; j < axes.length; j++) {
                for (int i = 0; i < n; i++) {
                    int m = axes[j].cells(d.value(i, j), idx, w);
                    a[j][i] = idx[0];
                    b[j][i] = m == 2 ? idx[1] : idx[0];
                    wa[j][i] = m == 2 ? w[0] : 1;
                }
            }
            double[][] rows = new double[axes.length][];
            for (int j = 0; j < axes.length; j++) {
                rows[j] = new double[axes[j].size()];
                for (int i = 0; i < n; i++) {
                    rows[j][a[j][i]] += wa[j][i];
                    rows[j][b[j][i]] += 1 - wa[j][i];
                }
            }
            return new Cells(a, b, wa, rows);
        }
    }

    Result fit(Dataset train, Dataset valid) {
        int cols = axes.length;
        double[][][] t = new double[cols][][];
        for (int j = 0; j < cols; j++) {
            t[j] = new double[axes[j].size()][k];
        }
        double[] bias = priors(train);
        Cells ct = Cells.of(train, axes);
        Cells cv = valid == null || valid.size() == 0 ? null : Cells.of(valid, axes);
        double[] f = start(train.size(), bias);
        double[] fv = cv == null ? null : start(valid.size(), bias);
        int[] y = train.labels();
        double best = Double.POSITIVE_INFINITY;
        double[][][] kept = copy(t);
        int bestCycle = 0;
        int cycle = 0;
        while (cycle < o.maxCycles()) {
            cycle++;
            for (int j = 0; j < cols; j++) {
                double[][] delta = step(j, ct, f, y);
                if (o.monotone() != null && o.monotone()[j] != 0) {
                    delta = projected(t[j], delta, o.monotone()[j], ct.rows()[j]);
                }
                for (int c = 0; c < delta.length; c++) {
                    for (int q = 0; q < k; q++) {
                        t[j][c][q] += delta[c][q];
                    }
                }
                apply(j, ct, f, delta);
                if (cv != null) {
                    apply(j, cv, fv, delta);
                }
            }
            if (cv == null) {
                kept = t;
                bestCycle = cycle;
                continue;
            }
            double loss = crossEntropy(fv, valid.labels());
            if (loss < best - 1e-9) {
                best = loss;
                kept = copy(t);
                bestCycle = cycle;
            } else if (cycle - bestCycle >= o.patience()) {
                break;
            }
        }
        return new Result(kept, bias, bestCycle, cycle);
    }

    /** Log class frequencies of the training rows (the start, before any shape). */
    private double[] priors(Dataset train) {
        double[] b = new double[k];
        for (int label : train.labels()) {
            b[label]++;
        }
        for (int q = 0; q < k; q++) {
            b[q] = Math.log((b[q] + 1) / (train.size() + k));
        }
        return b;
    }

    private double[] start(int n, double[] bias) {
        double[] f = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(bias, 0, f, i * k, k);
        }
        return f;
    }

    /** One boosting step on column j: the change of every cell, [cell][class]. */
    private double[][] step(int j, Cells c, double[] f, int[] y) {
        int cells = axes[j].size();
        double[][] g = new double[cells][k];
        double[][] h = new double[cells][k];
        double[] p = new double[k];
        for (int i = 0; i < y.length; i++) {
            softmax(f, i, p);
            double wa = c.wa()[j][i];
            int a = c.a()[j][i];
            int b = c.b()[j][i];
            for (int q = 0; q < k; q++) {
                double gi = p[q] - (y[i] == q ? 1 : 0);
                double hi = Math.max(p[q] * (1 - p[q]), 1e-6);
                g[a][q] += wa * gi;
                h[a][q] += wa * hi;
                g[b][q] += (1 - wa) * gi;
                h[b][q] += (1 - wa) * hi;
            }
        }
        int[] leafOf = axes[j].numeric() ? ranges(g, h, c.rows()[j]) : levels(cells);
        int leaves = 0;
        for (int l : leafOf) {
            leaves = Math.max(leaves, l + 1);
        }
        double[][] lg = new double[leaves][k];
        double[][] lh = new double[leaves][k];
        for (int cell = 0; cell < cells; cell++) {
            for (int q = 0; q < k; q++) {
                lg[leafOf[cell]][q] += g[cell][q];
                lh[leafOf[cell]][q] += h[cell][q];
            }
        }
        double[][] delta = new double[cells][k];
        for (int cell = 0; cell < cells; cell++) {
            for (int q = 0; q < k; q++) {
                int l = leafOf[cell];
                delta[cell][q] = -o.learningRate() * lg[l][q] / (lh[l][q] + o.l2());
            }
        }
        return delta;
    }

    /**
     * The step that takes a two-class table from {@code t} to the monotone projection of {@code t + delta}:
     * its log-odds (second class minus first) fitted by weighted pool-adjacent-violators with
     * direction {@code sign}, each cell's class mean kept.
     */
    static double[][] projected(double[][] t, double[][] delta, int sign, double[] rows) {
        int n = t.length;
        double[] d = new double[n];
        double[] w = new double[n];
        for (int c = 0; c < n; c++) {
            d[c] = sign * ((t[c][1] + delta[c][1]) - (t[c][0] + delta[c][0]));
            w[c] = rows[c] + 1e-6; // a cell no row reaches still takes part, nearly weightless
        }
        double[] fit = pava(d, w);
        double[][] out = new double[n][2];
        for (int c = 0; c < n; c++) {
            double mean = ((t[c][0] + delta[c][0]) + (t[c][1] + delta[c][1])) / 2;
            double lo = sign * fit[c];
            out[c][0] = mean - lo / 2 - t[c][0];
            out[c][1] = mean + lo / 2 - t[c][1];
        }
        return out;
    }

    /** The non-decreasing sequence nearest {@code y} in weighted least squares (pool adjacent violators). */
    static double[] pava(double[] y, double[] w) {
        int n = y.length;
        double[] value = new double[n];
        double[] weight = new double[n];
        int[] count = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            value[blocks] = y[i];
            weight[blocks] = w[i];
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
                double wt = weight[blocks - 2] + weight[blocks - 1];
                value[blocks - 2] = (value[blocks - 2] * weight[blocks - 2] + value[blocks - 1] * weight[blocks - 1]) / wt;
                weight[blocks - 2] = wt;
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int at = 0;
        for (int b = 0; b < blocks; b++) {
            for (int r = 0; r < count[b]; r++) {
                out[at++] = value[b];
            }
        }
        return out;
    }

    private static int[] levels(int cells) {
        int[] leafOf = new int[cells];
        for (int c = 0; c < cells; c++) {
            leafOf[c] = c;
        }
        return leafOf;
    }

    /**
     * Contiguous ranges of cells, at most {@code leaves}, grown greedily: each split is the cut of one
     * existing range with the largest gain Σ_q (G_L²/H_L + G_R²/H_R − G²/H), both sides holding at
     * least {@code minLeafRows} rows.
     */
    private int[] ranges(double[][] g, double[][] h, double[] rows) {
        int cells = g.length;
        List<int[]> segs = new ArrayList<>();
        segs.add(new int[] {0, cells});
        for (int split = 1; split < o.leaves(); split++) {
            double bestGain = Math.max(o.minGain(), 1e-12);
            int bestSeg = -1;
            int bestCut = -1;
            for (int s = 0; s < segs.size(); s++) {
                double[] found = bestCut(g, h, rows, segs.get(s)[0], segs.get(s)[1], bestGain);
                if (found != null) {
                    bestGain = found[0];
                    bestSeg = s;
                    bestCut = (int) found[1];
                }
            }
            if (bestSeg < 0) {
                break;
            }
            int[] seg = segs.remove(bestSeg);
            segs.add(new int[] {seg[0], bestCut});
            segs.add(new int[] {bestCut, seg[1]});
        }
        int[] leafOf = new int[cells];
        for (int s = 0; s < segs.size(); s++) {
            for (int c = segs.get(s)[0]; c < segs.get(s)[1]; c++) {
                leafOf[c] = s;
            }
        }
        return leafOf;
    }

    /** The cut of cells [from, to) with the largest gain above {@code atLeast}, as {gain, cut}; null when none beats it. */
    private double[] bestCut(double[][] g, double[][] h, double[] rows, int from, int to, double atLeast) {
        double[] tg = new double[k];
        double[] th = new double[k];
        double tr = 0;
        for (int c = from; c < to; c++) {
            tr += rows[c];
            for (int q = 0; q < k; q++) {
                tg[q] += g[c][q];
                th[q] += h[c][q];
            }
        }
        double whole = score(tg, th);
        double[] lg = new double[k];
        double[] lh = new double[k];
        double lr = 0;
        double[] best = null;
        double bestGain = atLeast;
        for (int cut = from + 1; cut < to; cut++) {
            lr += rows[cut - 1];
            for (int q = 0; q < k; q++) {
                lg[q] += g[cut - 1][q];
                lh[q] += h[cut - 1][q];
            }
            if (lr < o.minLeafRows() || tr - lr < o.minLeafRows()) {
                continue;
            }
            double gain = 0;
            for (int q = 0; q < k; q++) {
                double rg = tg[q] - lg[q];
                double rh = th[q] - lh[q];
                gain += lg[q] * lg[q] / (lh[q] + o.l2()) + rg * rg / (rh + o.l2());
            }
            gain -= whole;
            if (gain > bestGain) {
                bestGain = gain;
                best = new double[] {gain, cut};
            }
        }
        return best;
    }

    private double score(double[] g, double[] h) {
        double s = 0;
        for (int q = 0; q < k; q++) {
            s += g[q] * g[q] / (h[q] + o.l2());
        }
        return s;
    }

    /** Adds column j's cell changes to every row's logits, read the way the table reads them. */
    private void apply(int j, Cells c, double[] f, double[][] delta) {
        int n = f.length / k;
        for (int i = 0; i < n; i++) {
            double wa = c.wa()[j][i];
            int a = c.a()[j][i];
            int b = c.b()[j][i];
            for (int q = 0; q < k; q++) {
                f[i * k + q] += wa * delta[a][q] + (1 - wa) * delta[b][q];
            }
        }
    }

    private void softmax(double[] f, int i, double[] p) {
        double m = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < k; q++) {
            m = Math.max(m, f[i * k + q]);
        }
        double s = 0;
        for (int q = 0; q < k; q++) {
            p[q] = Math.exp(f[i * k + q] - m);
            s += p[q];
        }
        for (int q = 0; q < k; q++) {
            p[q] /= s;
        }
    }

    private double crossEntropy(double[] f, int[] y) {
        double[] p = new double[k];
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            softmax(f, i, p);
            s -= Math.log(Math.max(p[y[i]], 1e-15));
        }
        return s / y.length;
    }

    private static double[][][] copy(double[][][] t) {
        double[][][] c = new double[t.length][][];
        for (int j = 0; j < t.length; j++) {
            c[j] = new double[t[j].length][];
            for (int a = 0; a < t[j].length; a++) {
                c[j][a] = t[j][a].clone();
            }
        }
        return c;
    }
}
