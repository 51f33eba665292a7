package org.pellucid.eval.explainers;

/** Gaussian elimination with partial pivoting for the small symmetric systems explainers solve. */
final class LinearSolve {
    private LinearSolve() {}

    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            double d = a[col][col];
            if (Math.abs(d) < 1e-300) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / d;
                if (f == 0) {
                    continue;
                }
                for (int k = col; k < n; k++) {
                    a[r][k] -= f * a[col][k];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = Math.abs(a[r][r]) < 1e-300 ? 0 : s / a[r][r];
        }
        return x;
    }
}
