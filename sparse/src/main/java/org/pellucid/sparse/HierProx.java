package org.pellucid.sparse;

import java.util.Arrays;

/**
 * LassoNet's hierarchical proximal operator (Lemhadri, Ruan, Abraham &amp; Tibshirani, JMLR 2021,
 * Algorithm 2), applied per column group g to its skip weights θ_g and first-layer weights W_g:
 * it solves {@code min ½‖θ−θ̄‖² + ½‖W−W̄‖² + λ‖θ‖₂ s.t. ‖W‖_∞ ≤ M‖θ‖₂} in closed form, so after every
 * step a column feeds the hidden layer only as far as its linear (skip) weight is active — and a
 * column with θ_g = 0 feeds nothing at all.
 */
public final class HierProx {
    private HierProx() {}

    /**
     * @param theta the group's skip weights, updated in place
     * @param w the group's first-layer weights, updated in place
     * @param lambda the threshold (learning rate × λ)
     * @param m the hierarchy constant M
     */
    public static void apply(double[] theta, double[] w, double lambda, double m) {
        double thetaNorm = 0;
        for (double t : theta) {
            thetaNorm += t * t;
        }
        thetaNorm = Math.sqrt(thetaNorm);
        int k = w.length;
        double[] sorted = new double[k];
        for (int i = 0; i < k; i++) {
            sorted[i] = Math.abs(w[i]);
        }
        Arrays.sort(sorted);
        // descending
        for (int i = 0; i < k / 2; i++) {
            double tmp = sorted[i];
            sorted[i] = sorted[k - 1 - i];
            sorted[k - 1 - i] = tmp;
        }
        double cum = 0;
        double chosen = 0;
        boolean found = false;
        for (int j = 0; j <= k; j++) {
            if (j > 0) {
                cum += sorted[j - 1];
            }
            double wj = m / (1 + j * m * m) * Math.max(0, thetaNorm + m * cum - lambda);
            double upper = j == 0 ? Double.POSITIVE_INFINITY : sorted[j - 1];
            double lower = j == k ? 0 : sorted[j];
            if (wj <= upper && wj >= lower) {
                chosen = wj;
                found = true;
                break;
            }
        }
        if (!found) {
            // numerically at a boundary: fall back to the last candidate (all weights kept)
            chosen = m / (1 + k * m * m) * Math.max(0, thetaNorm + m * cum - lambda);
        }
        double scale = thetaNorm == 0 ? 0 : chosen / m / thetaNorm;
        for (int i = 0; i < theta.length; i++) {
            theta[i] *= scale;
        }
        for (int i = 0; i < k; i++) {
            w[i] = Math.signum(w[i]) * Math.min(chosen, Math.abs(w[i]));
        }
    }
}
