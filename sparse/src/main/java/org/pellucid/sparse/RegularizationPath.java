package org.pellucid.sparse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.pellucid.core.train.Objective;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.ProgressListener;
import org.pellucid.core.train.StepHook;
import org.pellucid.core.train.TensorData;
import org.pellucid.core.train.TrainResult;
import org.pellucid.core.train.Trainer;
import org.pellucid.core.train.TrainingOptions;
import org.pellucid.core.train.WarmStart;

/**
 * The regularisation path with warm starts (LassoNet, Lemhadri et al. 2021, §3): train dense, then
 * raise λ geometrically, each time continuing from the previous solution with the proximal step
 * active, until at most {@code stopAt} columns remain (0 for the whole path). Each point keeps its
 * parameters so a point can be chosen on validation accuracy, then refitted on its support without
 * shrinkage.
 */
final class RegularizationPath {

    record Point(PathPoint summary, float[] params, boolean[] support) {}

    /**
     * @param pathTraining the optimizer settings while λ rises (SGD with momentum: proximal steps
     *     assume gradient-proportional updates); {@code training} is used for the dense start and the refit
     */
    record Settings(double lambdaStart, double factor, int epochsPerLambda, int denseEpochs, int refitEpochs, int patience,
                    int maxPoints, int stopAt, TrainingOptions training, TrainingOptions pathTraining) {}

    private RegularizationPath() {}

    static List<Point> run(SparseNetwork net, Groups groups, TensorData train, TensorData valid, Settings s,
                           DoubleFunction<StepHook> proximal, ProgressListener log) {
        TrainingOptions dense = s.training().withEpochs(s.denseEpochs()).withPatience(s.patience());
        TrainResult r = Trainer.fit(net, train, valid, Objective.softmaxCrossEntropy(), Trainer.ValidationMetric.accuracy(),
                StepHook.none(), dense);
        float[] params = r.parameters();
        List<Point> points = new ArrayList<>();
        double lambda = s.lambdaStart();
        double factor = s.factor();
        int previous = groups.count();
        for (int t = 0; t < s.maxPoints(); t++) {
            TrainingOptions o = s.pathTraining().withEpochs(s.epochsPerLambda()).withPatience(0).withSeed(s.training().seed() + t + 1);
            TrainResult step = Trainer.fit(new WarmStart(net, params), train, valid, Objective.softmaxCrossEntropy(),
                    Trainer.ValidationMetric.accuracy(), proximal.apply(lambda), o);
            boolean[] support = support(net, groups, step.parameters());
            int active = count(support);
            boolean collapse = active < previous / 2 && previous > Math.max(2, 2 * s.stopAt());
            boolean overshoot = s.stopAt() > 0 && previous > s.stopAt() && active < 0.8 * s.stopAt();
            if ((collapse || overshoot) && factor > 1.005 && t > 0) {
                // more than half the columns left at once: step back and raise λ more gently
                lambda /= factor;
                factor = Math.sqrt(factor);
                lambda *= factor;
                log.onMessage(String.format(java.util.Locale.ROOT, "path: %d → %d columns at once; refining the λ step to ×%.4f",
                        previous, active, factor));
                continue;
            }
            params = step.parameters();
            previous = active;
            double acc = step.history().get(step.history().size() - 1).validation();
            points.add(new Point(new PathPoint(lambda, active, acc), params, support));
            log.onMessage(String.format(java.util.Locale.ROOT, "path point %d: lambda %.4g, %d active columns, validation accuracy %.4f",
                    t + 1, lambda, active, acc));
            if (active <= s.stopAt()) {
                break;
            }
            lambda *= factor;
        }
        return points;
    }

    /**
     * Refits a chosen support without shrinkage (the hierarchy constraint, if any, still enforced),
     * from a fresh start on the kept columns: the path's weights are shrunk and were bent to survive
     * the penalty; measured on Fashion-MNIST (50 pixels), a fresh refit generalises better.
     */
    static float[] refit(SparseNetwork net, Groups groups, Point p, TensorData train, TensorData valid, Settings s, StepHook constraint) {
        SupportMask mask = new SupportMask(groups, p.support());
        StepHook both = (flat, layout, step) -> {
            constraint.afterStep(flat, layout, step);
            mask.afterStep(flat, layout, step);
        };
        TrainingOptions o = s.training().withEpochs(s.refitEpochs()).withPatience(s.patience());
        float[] start = net.initialize(new java.util.Random(s.training().seed() + 7919));
        mask.zero(net.layout(), start);
        return Trainer.fit(new WarmStart(net, start), train, valid, Objective.softmaxCrossEntropy(),
                Trainer.ValidationMetric.accuracy(), both, o).parameters();
    }

    static boolean[] support(SparseNetwork net, Groups groups, float[] params) {
        boolean[] a = new boolean[groups.count()];
        int in = groups.width();
        for (ParamLayout.Slot s : net.layout().slots()) {
            if (!s.name().equals("w0") && !s.name().equals("theta")) {
                continue;
            }
            int rows = (int) (s.size() / in);
            for (int g = 0; g < a.length; g++) {
                for (int r = 0; r < rows && !a[g]; r++) {
                    for (int j : groups.inputs()[g]) {
                        if (params[(int) s.offset() + r * in + j] != 0) {
                            a[g] = true;
                            break;
                        }
                    }
                }
            }
        }
        return a;
    }

    static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }

    /**
     * The parsimonious point (the one-standard-error rule of Breiman et al., "Classification and
     * Regression Trees", 1984, §3.4.3, as glmnet's {@code lambda.1se}): among points with at most
     * {@code maxFeatures} columns, the one with the fewest columns whose validation accuracy is
     * within one binomial standard error, √(a(1 − a)/n), of the best accuracy a (ties: the more
     * accurate). On the demo's credit table the densest point (8 columns, 5 of them noise) was 0.3
     * points above the 4-column one, well inside one standard error of 400 validation rows.
     */
    static Point chooseParsimonious(List<Point> points, int maxFeatures, int validRows) {
        Point best = choose(points, maxFeatures);
        double a = best.summary().validAccuracy();
        double se = Math.sqrt(Math.max(a * (1 - a), 0) / Math.max(1, validRows));
        Point pick = best;
        for (Point p : points) {
            int f = p.summary().activeFeatures();
            if (f > maxFeatures || f == 0 || p.summary().validAccuracy() < a - se - 1e-12) {
                continue;
            }
            if (f < pick.summary().activeFeatures()
                    || (f == pick.summary().activeFeatures() && p.summary().validAccuracy() > pick.summary().validAccuracy())) {
                pick = p;
            }
        }
        return pick;
    }

    /** The point with the best validation accuracy among those with at most {@code maxFeatures} (ties: fewer features). */
    static Point choose(List<Point> points, int maxFeatures) {
        Point best = null;
        for (Point p : points) {
            int a = p.summary().activeFeatures();
            if (a > maxFeatures || a == 0) {
                continue;
            }
            if (best == null || p.summary().validAccuracy() > best.summary().validAccuracy() + 1e-12
                    || (Math.abs(p.summary().validAccuracy() - best.summary().validAccuracy()) <= 1e-12
                    && a < best.summary().activeFeatures())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no point of the path keeps between 1 and " + maxFeatures + " columns; "
                    + "lower lambda-start or raise max-features");
        }
        return best;
    }
}
