package org.pellucid.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Simulatable;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.SplitCriterion;
import org.pellucid.core.tree.TreeLearner;

/**
 * Simulability: can a reader (here, a stand-in student) reproduce the model from what the
 * explanation says?
 *
 * <ul>
 *   <li>simulatable agreement: how often a {@link Simulatable} explanation, run as a model, gives
 *       the model's class (1.0 by construction for trees and rule lists; checked, not assumed);</li>
 *   <li>forward simulation: a depth-3 decision tree trained on half the rows to predict the
 *       model's class from only the k columns the explanations rank highest, scored on the other
 *       half; and the same student given k random columns instead — the difference is the
 *       explanation-aided simulation gain, in the spirit of Pruthi et al. (TACL 2022).</li>
 * </ul>
 */
public final class SimulabilityMetrics {
    private static final int STUDENT_DEPTH = 3;
    private static final int RANDOM_DRAWS = 5;

    private SimulabilityMetrics() {}

    public static MetricResult simulatableAgreement(Predictor model, Dataset rows, long seed) {
        if (!(model instanceof Simulatable s)) {
            throw new IllegalArgumentException("the model does not claim to be simulatable");
        }
        List<Prediction> a = model.predictAll(rows);
        List<Prediction> b = s.asExecutable().predictAll(rows);
        double[] same = new double[rows.size()];
        for (int i = 0; i < same.length; i++) {
            same[i] = a.get(i).classIndex() == b.get(i).classIndex() ? 1 : 0;
        }
        return MetricResult.ofExamples("simulatable_agreement", Category.FIDELITY, Direction.HIGHER_IS_BETTER, same, seed);
    }

    /** Columns ranked by mean |attribution| over the explained rows. */
    public static int[] ranking(List<FeatureAttribution> expl, int p) {
        double[] mean = new double[p];
        for (FeatureAttribution a : expl) {
            double[] v = a.values();
            for (int j = 0; j < p; j++) {
                mean[j] += Math.abs(v[j]) / expl.size();
            }
        }
        Integer[] idx = new Integer[p];
        for (int j = 0; j < p; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(mean[y], mean[x]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** {with explanation, with random columns (mean of draws)} student accuracy. */
    public static double[] forwardSimulation(EvalContext ctx, List<FeatureAttribution> expl, int k) {
        Dataset rows = ctx.rows();
        int p = rows.schema().featureCount();
        int kk = Math.min(k, p);
        int[] ranked = ranking(expl, p);
        double with = studentAccuracy(ctx, Arrays.copyOf(ranked, kk));
        Random r = new Random(ctx.seed());
        double without = 0;
        for (int d = 0; d < RANDOM_DRAWS; d++) {
            without += studentAccuracy(ctx, r.ints(0, p).distinct().limit(kk).toArray()) / RANDOM_DRAWS;
        }
        return new double[] {with, without};
    }

    static double studentAccuracy(EvalContext ctx, int[] columns) {
        Dataset rows = ctx.rows();
        FeatureEncoder enc = FeatureEncoder.fit(rows, NumericEncoding.RAW, 0);
        List<Integer> inputs = new ArrayList<>();
        for (int c : columns) {
            for (int k = 0; k < enc.width(c); k++) {
                inputs.add(enc.offset(c) + k);
            }
        }
        int n = rows.size();
        int half = n / 2;
        int classes = rows.schema().classes().size();
        double[][] x = new double[n][inputs.size()];
        for (int i = 0; i < n; i++) {
            double[] z = enc.encode(rows.rowValues(i));
            for (int t = 0; t < inputs.size(); t++) {
                x[i][t] = z[inputs.get(t)];
            }
        }
        double[][] stats = new double[half][classes];
        for (int i = 0; i < half; i++) {
            stats[i][ctx.targets()[i]] = 1;
        }
        DecisionTree t = TreeLearner.fit(Arrays.copyOf(x, half), stats, new SplitCriterion.Gini(classes),
                TreeLearner.Options.leaves(1 << STUDENT_DEPTH).withMaxDepth(STUDENT_DEPTH), new Random(ctx.seed()));
        int ok = 0;
        for (int i = half; i < n; i++) {
            double[] pr = t.predict(x[i]);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (pr[c] > pr[best]) {
                    best = c;
                }
            }
            ok += best == ctx.targets()[i] ? 1 : 0;
        }
        return (double) ok / (n - half);
    }
}
