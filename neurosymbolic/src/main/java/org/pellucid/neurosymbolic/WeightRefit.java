package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * Refits the class weights of a crisp rule set, and its bias, to the training rows. The weights the
 * rule layer learned were tuned to the rules as they were during training; after thresholds move,
 * conditions are dropped and rules are pruned, the votes are refitted to the rules as they now are.
 * With the rules fixed this is a multinomial logistic regression on the 0/1 firing of each rule —
 * convex, so the fit is the best votes for these rules (RuleFit, Friedman &amp; Popescu 2008, fits
 * its rule weights the same way, there with a lasso). A small ridge penalty keeps rules that fire
 * on few rows from getting large votes; rows are weighted by class as the training loss weighed them.
 */
final class WeightRefit {
    private static final int ITERATIONS = 300;
    private static final double RATE = 0.05;
    private static final double RIDGE = 1e-3;

    private WeightRefit() {}

    /** The rules with refitted weights, same order; {@code bias} is refitted in place. */
    static List<Rule> refit(List<Rule> rules, double[] bias, double[][] rows, int[] labels, double[] classWeight) {
        int n = rows.length;
        int k = bias.length;
        int m = rules.size();
        if (n == 0 || m == 0) {
            return rules;
        }
        int[][] fired = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] f = new int[m];
            int c = 0;
            for (int r = 0; r < m; r++) {
                if (rules.get(r).fires(rows[i])) {
                    f[c++] = r;
                }
            }
            fired[i] = java.util.Arrays.copyOf(f, c);
        }
        double[][] w = new double[m + 1][]; // row m is the bias
        for (int r = 0; r < m; r++) {
            w[r] = rules.get(r).weights().clone();
        }
        w[m] = bias.clone();
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += classWeight == null ? 1 : classWeight[labels[i]];
        }
        double[][] mean = new double[m + 1][k];
        double[][] var = new double[m + 1][k];
        double[][] grad = new double[m + 1][k];
        double[] z = new double[k];
        for (int it = 1; it <= ITERATIONS; it++) {
            for (double[] g : grad) {
                java.util.Arrays.fill(g, 0);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(w[m], 0, z, 0, k);
                for (int r : fired[i]) {
                    for (int c = 0; c < k; c++) {
                        z[c] += w[r][c];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    z[c] = Math.exp(z[c] - max);
                    sum += z[c];
                }
                double wi = (classWeight == null ? 1 : classWeight[labels[i]]) / total;
                for (int c = 0; c < k; c++) {
                    double d = wi * (z[c] / sum - (c == labels[i] ? 1 : 0));
                    grad[m][c] += d;
                    for (int r : fired[i]) {
                        grad[r][c] += d;
                    }
                }
            }
            double c1 = 1 - Math.pow(0.9, it);
            double c2 = 1 - Math.pow(0.999, it);
            for (int r = 0; r <= m; r++) {
                for (int c = 0; c < k; c++) {
                    double g = grad[r][c] + (r < m ? RIDGE * w[r][c] : 0);
                    mean[r][c] = 0.9 * mean[r][c] + 0.1 * g;
                    var[r][c] = 0.999 * var[r][c] + 0.001 * g * g;
                    w[r][c] -= RATE * (mean[r][c] / c1) / (Math.sqrt(var[r][c] / c2) + 1e-8);
                }
            }
        }
        System.arraycopy(w[m], 0, bias, 0, k);
        List<Rule> out = new ArrayList<>(m);
        for (int r = 0; r < m; r++) {
            out.add(new Rule(rules.get(r).literals(), rules.get(r).conjunction(), w[r]));
        }
        return out;
    }
}
