package org.pellucid.core.tree;

/**
 * How good a node's statistics are, for choosing splits: a split's gain is
 * {@code score(left) + score(right) − score(parent)}. Statistics are per-sample vectors summed.
 */
public sealed interface SplitCriterion {

    /** Width of the per-sample statistics vector. */
    int width();

    double score(double[] stats, int offset);

    /** The leaf's output from its summed statistics. */
    double[] leafValue(double[] stats);

    /**
     * Gini impurity for classification (Breiman et al., 1984): statistics are the sample's weight in
     * its class's slot; score = Σ c_k² / W − W, i.e. −W·gini. Leaf value: the class distribution.
     */
    record Gini(int classes) implements SplitCriterion {
        @Override
        public int width() {
            return classes;
        }

        @Override
        public double score(double[] s, int o) {
            double w = 0;
            double sq = 0;
            for (int k = 0; k < classes; k++) {
                w += s[o + k];
                sq += s[o + k] * s[o + k];
            }
            return w <= 0 ? 0 : sq / w - w;
        }

        @Override
        public double[] leafValue(double[] s) {
            double w = 0;
            for (int k = 0; k < classes; k++) {
                w += s[k];
            }
            double[] p = new double[classes];
            for (int k = 0; k < classes; k++) {
                p[k] = w <= 0 ? 1.0 / classes : s[k] / w;
            }
            return p;
        }
    }

    /**
     * Second-order (Newton) regression, as in gradient boosting (Friedman 2001; Chen &amp; Guestrin
     * 2016): statistics are (gradient, hessian); score = G² / (H + λ); leaf value −G / (H + λ). With
     * gradient −y and hessian 1 it is least-squares regression (the leaf value is the mean of y).
     */
    record Newton(double lambda) implements SplitCriterion {
        @Override
        public int width() {
            return 2;
        }

        @Override
        public double score(double[] s, int o) {
            return s[o] * s[o] / (s[o + 1] + lambda);
        }

        @Override
        public double[] leafValue(double[] s) {
            return new double[] {-s[0] / (s[1] + lambda)};
        }
    }
}
