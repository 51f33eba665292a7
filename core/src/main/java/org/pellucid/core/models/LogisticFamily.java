package org.pellucid.core.models;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.TrainingSummary;
import org.pellucid.core.train.LogisticSolver;

/**
 * {@code logistic}: L2-regularised logistic (two classes) or softmax regression, solved to
 * convergence by L-BFGS ({@link LogisticSolver}) on all the rows it is given — the training and the
 * validation rows, since a convex model needs no early stopping. The penalty is chosen as
 * scikit-learn's {@code LogisticRegressionCV} chooses it: stratified inner cross-validation over ten
 * values of C from 10⁻⁴ to 10⁴, the most accurate kept (the strongest penalty on a tie), then one
 * fit on all rows. (It was trained by Adam with early stopping on a 20% hold-out; on small tables
 * that lost several points of macro-F1 against scikit-learn.) Options: {@link #OPTIONS}.
 */
public final class LogisticFamily extends BasicFamily {
    /** The options, with their defaults and ranges. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .number("c", "chosen by inner cross-validation over 10⁻⁴ … 10⁴", 1e-8, false, 1e8,
                    "inverse L2 strength, as scikit-learn's C (larger: weaker penalty)")
            .integer("cv-folds", 5, 2, 20, "folds of the inner cross-validation that chooses c")
            .integer("max-iter", 1000, 1, 100_000, "most L-BFGS iterations")
            .number("tol", 1e-4, 0, true, 1, "stop when every gradient entry of the mean objective is below this (scikit-learn's default)")
            .build();

    /** The C values tried, as scikit-learn's default {@code Cs=10}: ten, log-spaced from 1e-4 to 1e4. */
    static final double[] GRID = IntStream.range(0, 10).mapToDouble(i -> Math.pow(10, -4 + 8.0 * i / 9)).toArray();

    /** The family, as the registry creates it. */
    public LogisticFamily() {
        super("logistic", true, "logistic regression; explanation: exact per-column contributions to the logit", OPTIONS);
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        if (!data.schema().isClassification()) {
            return Optional.of("logistic regression needs a class target");
        }
        if (data.schema().featureCount() == 0) {
            return Optional.of("the data has no tabular columns (token sequences need the attention model)");
        }
        return Optional.empty();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = OPTIONS.read(kind(), cfg);
        requireSuitable(train);
        FeatureEncoder enc = FeatureEncoder.fit(train);
        int k = train.schema().classes().size();
        double[][] x = enc.encodeAll(train);
        int[] y = train.labels();
        if (valid != null && valid.size() > 0) {
            x = concat(x, enc.encodeAll(valid));
            y = IntStream.concat(Arrays.stream(y), Arrays.stream(valid.labels())).toArray();
        }
        int maxIter = v.integer("max-iter");
        double tol = v.number("tol");
        double[][] xs = x;
        int[] ys = y;
        double[] cvAccuracy = {Double.NaN};
        double c = v.number("c", () -> chooseC(xs, ys, k, v.integer("cv-folds"), cfg.seed(), maxIter, tol, cvAccuracy));
        LogisticSolver.Fit fit = LogisticSolver.fit(x, y, k, c, maxIter, tol, null);
        TrainingSummary summary = TrainingSummary.none().with("iterations", fit.iterations())
                .withNote("converged", "" + fit.converged()).with("training_rows", x.length);
        if (!Double.isNaN(cvAccuracy[0])) {
            summary = summary.with("chosen_c", c).with("inner_cv_accuracy_at_chosen_c", cvAccuracy[0]);
        }
        Provenance prov = Provenance.of(kind(), v.used(), cfg.seed(), train).withTraining(summary);
        return new LogisticModel(enc, fit.weights(), fit.intercepts(), prov);
    }

    /**
     * The C of {@link #GRID} with the lowest stratified inner cross-validated log-loss (the first,
     * i.e. the strongest penalty, on a tie); each fold walks the grid warm-started. Log-loss rather
     * than scikit-learn's default accuracy: on an imbalanced table accuracy ties across most of the
     * grid (every C that predicts the majority class scores the same), and the tie-break then picks
     * a penalty too strong; on the 1,500-row HR table of {@code benchmarks/logistic_cv.py} choosing by
     * accuracy gave CV macro-F1 0.525, by log-loss 0.553 (the fixed-C solutions match scikit-learn's
     * to four decimals).
     */
    static double chooseC(double[][] x, int[] y, int k, int folds, long seed, int maxIter, double tol, double[] bestAccuracy) {
        int f = Math.min(folds, x.length);
        if (f < 2) {
            bestAccuracy[0] = Double.NaN;
            return 1.0;
        }
        double[] loss = new double[GRID.length];
        int[] rightAtBest = new int[GRID.length];
        for (Splits.Fold fold : Splits.kFold(y, x.length, f, seed)) {
            double[][] tx = rows(x, fold.train());
            int[] ty = Arrays.stream(fold.train()).map(i -> y[i]).toArray();
            double[][] vx = rows(x, fold.test());
            LogisticSolver.Fit warm = null;
            for (int g = 0; g < GRID.length; g++) {
                warm = LogisticSolver.fit(tx, ty, k, GRID[g], maxIter, tol, warm);
                int[] vy = Arrays.stream(fold.test()).map(i -> y[i]).toArray();
                loss[g] += LogisticSolver.logLoss(warm, vx, vy) * vx.length;
                int[] p = LogisticSolver.predict(warm, vx);
                for (int q = 0; q < p.length; q++) {
                    rightAtBest[g] += p[q] == vy[q] ? 1 : 0;
                }
            }
        }
        int best = 0;
        for (int g = 1; g < GRID.length; g++) {
            if (loss[g] < loss[best] - 1e-12 * Math.abs(loss[best])) {
                best = g;
            }
        }
        bestAccuracy[0] = rightAtBest[best] / (double) x.length;
        return GRID[best];
    }

    private static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public Savable read(ModelReader in) {
        return LogisticModel.read(in);
    }
}
