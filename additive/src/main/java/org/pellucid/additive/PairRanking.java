package org.pellucid.additive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * FAST (Lou, Caruana, Gehrke, Hooker, "Accurate Intelligible Models with Pairwise Interactions",
 * KDD 2013): ranks every pair of columns by how much of the main-effect model's residual the best
 * two-by-two step function on the pair explains. Each column is cut into cells; for a pair, the
 * residuals are summed into the cells' two-dimensional histogram, and for every cut (a threshold on
 * each column) the four quadrants are fitted by their means, read off cumulative sums in constant time.
 * A pair's score is the largest drop in squared error over all cuts, summed over the classes
 * (residual = one-hot label − predicted probability).
 */
final class PairRanking {
    private PairRanking() {}

    /** A pair of columns and its FAST score (larger: more interaction left in the residual). */
    record Scored(int first, int second, double gain) {}

    /**
     * @param cells per row and column, the cell index (0 ≤ cell &lt; sizes[column])
     * @param sizes number of cells of each column
     * @param residual per row and class
     * @return every pair with a positive gain, best first
     */
    static List<Scored> rank(int[][] cells, int[] sizes, double[][] residual) {
        int cols = sizes.length;
        int k = residual.length == 0 ? 0 : residual[0].length;
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < cols; i++) {
            for (int j = i + 1; j < cols; j++) {
                double g = gain(cells, i, j, sizes[i], sizes[j], residual, k);
                if (g > 1e-12) {
                    out.add(new Scored(i, j, g));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Scored::gain).reversed().thenComparingInt(Scored::first).thenComparingInt(Scored::second));
        return out;
    }

    /** The best drop in squared error of a two-by-two step function on columns i and j. */
    static double gain(int[][] cells, int i, int j, int na, int nb, double[][] residual, int k) {
        // cumulative count and residual sums: C[a][b] = rows with cell_i <= a and cell_j <= b
        double[][] cnt = new double[na][nb];
        double[][][] sum = new double[na][nb][k];
        for (int r = 0; r < cells.length; r++) {
            int a = cells[r][i];
            int b = cells[r][j];
            cnt[a][b]++;
            for (int q = 0; q < k; q++) {
                sum[a][b][q] += residual[r][q];
            }
        }
        for (int a = 0; a < na; a++) {
            for (int b = 0; b < nb; b++) {
                double c = cnt[a][b] + (a > 0 ? cnt[a - 1][b] : 0) + (b > 0 ? cnt[a][b - 1] : 0) - (a > 0 && b > 0 ? cnt[a - 1][b - 1] : 0);
                cnt[a][b] = c;
                for (int q = 0; q < k; q++) {
                    sum[a][b][q] += (a > 0 ? sum[a - 1][b][q] : 0) + (b > 0 ? sum[a][b - 1][q] : 0)
                            - (a > 0 && b > 0 ? sum[a - 1][b - 1][q] : 0);
                }
            }
        }
        double nAll = cnt[na - 1][nb - 1];
        double[] sAll = sum[na - 1][nb - 1];
        double best = 0;
        for (int a = 0; a + 1 < na; a++) {
            for (int b = 0; b + 1 < nb; b++) {
                double n00 = cnt[a][b];
                double nA = cnt[a][nb - 1]; // cell_i <= a
                double nB = cnt[na - 1][b]; // cell_j <= b
                double n01 = nA - n00;
                double n10 = nB - n00;
                double n11 = nAll - nA - nB + n00;
                double total = 0;
                for (int q = 0; q < k; q++) {
                    double s00 = sum[a][b][q];
                    double s01 = sum[a][nb - 1][q] - s00;
                    double s10 = sum[na - 1][b][q] - s00;
                    double s11 = sAll[q] - s00 - s01 - s10;
                    total += sq(s00, n00) + sq(s01, n01) + sq(s10, n10) + sq(s11, n11) - sq(sAll[q], nAll);
                }
                best = Math.max(best, total);
            }
        }
        return best;
    }

    private static double sq(double s, double n) {
        return n > 0 ? s * s / n : 0;
    }
}
