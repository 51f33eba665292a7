package org.pellucid.baselines;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.TrainingSummary;
import org.pellucid.core.models.BasicFamily;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.SplitCriterion;
import org.pellucid.core.tree.TreeEnsemble;
import org.pellucid.core.tree.TreeLearner;

/**
 * {@code gbm}: gradient tree boosting (Friedman, Annals of Statistics 2001) with second-order leaf
 * values and L2-regularised leaves (Chen &amp; Guestrin, KDD 2016), on histogram splits: logistic
 * loss for two classes (one score), softmax for more (one tree per class per round). Early stopping
 * on the validation split's log-loss. Options: {@link #OPTIONS}.
 */
public final class BoostingFamily extends BasicFamily {
    /** The options, with their defaults and ranges. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .integer("trees", 300, 1, 100_000, "most boosting rounds")
            .number("lr", 0.1, 0, true, 1, "shrinkage: each round's tree is scaled by it")
            .integer("max-leaves", 31, 2, Integer.MAX_VALUE, "most leaves of each round's tree")
            .integer("min-leaf", 20, 1, Integer.MAX_VALUE, "fewest training rows in a leaf")
            .number("lambda", 1, 0, false, 1e6, "L2 penalty on leaf values")
            .integer("patience", 20, 0, 100_000, "rounds without a lower validation log-loss before stopping (0: never stop early)")
            .build();

    /** The family, as the registry creates it. */
    public BoostingFamily() {
        super("gbm", false, "gradient-boosted trees; black box, explained post hoc", OPTIONS);
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        if (!data.schema().isClassification()) {
            return Optional.of("this boosting model classifies; the target is numeric");
        }
        return data.schema().featureCount() == 0 ? Optional.of("the data has no tabular columns") : Optional.empty();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = OPTIONS.read(kind(), cfg);
        requireSuitable(train);
        int rounds = v.integer("trees");
        double lr = v.number("lr");
        double lambda = v.number("lambda");
        int patience = v.integer("patience");
        TreeLearner.Options o = new TreeLearner.Options(v.integer("max-leaves"), 64, v.integer("min-leaf"), 255, 0);
        FeatureEncoder enc = FeatureEncoder.fit(train, NumericEncoding.RAW, 0);
        double[][] x = enc.encodeAll(train);
        int n = x.length;
        int k = train.schema().classes().size();
        int outputs = k == 2 ? 1 : k;
        int[] y = train.labels();
        double[] init = priorScores(train.classCounts(), n, k);
        double[][] score = repeated(init, n);
        double[][] vx = valid == null ? null : enc.encodeAll(valid);
        double[][] vscore = vx == null ? null : repeated(init, vx.length);
        TreeLearner.Prepared binned = TreeLearner.prepare(x, o.maxBins());
        List<DecisionTree[]> trees = new ArrayList<>();
        Random rnd = new Random(cfg.seed());
        SplitCriterion crit = new SplitCriterion.Newton(lambda);
        double best = Double.POSITIVE_INFINITY;
        int bestRounds = 0;
        for (int r = 0; r < rounds; r++) {
            DecisionTree[] round = new DecisionTree[outputs];
            double[][] p = new double[n][];
            for (int i = 0; i < n; i++) {
                p[i] = EnsembleModel.scoresToProbabilities(score[i], k);
            }
            for (int c = 0; c < outputs; c++) {
                int cls = k == 2 ? 1 : c;
                DecisionTree t = TreeLearner.fit(binned, gradients(p, y, cls), crit, o, rnd, null).tree();
                round[c] = scaled(t, lr);
                addTo(score, round[c], x, c);
                if (vx != null) {
                    addTo(vscore, round[c], vx, c);
                }
            }
            trees.add(round);
            if (vx != null) {
                double loss = logLoss(vscore, valid.labels(), k);
                if (loss < best - 1e-9) {
                    best = loss;
                    bestRounds = trees.size();
                } else if (patience > 0 && trees.size() - bestRounds >= patience) {
                    break;
                }
            } else {
                bestRounds = trees.size();
            }
        }
        DecisionTree[][] kept = trees.subList(0, Math.max(1, bestRounds)).toArray(new DecisionTree[0][]);
        return new EnsembleModel(kind(), enc, TreeEnsemble.Combination.SUM_SCORES, kept, init,
                Provenance.of(kind(), v.used(), cfg.seed(), train).withTraining(TrainingSummary.none()
                        .with("rounds_kept", kept.length)));
    }

    /** The starting scores: the log-odds of the (add-one smoothed) class-1 prior for two classes, else each class's log prior. */
    private static double[] priorScores(int[] counts, int n, int k) {
        int outputs = k == 2 ? 1 : k;
        double[] init = new double[outputs];
        for (int c = 0; c < outputs; c++) {
            int cls = k == 2 ? 1 : c;
            double prior = (counts[cls] + 1.0) / (n + k);
            init[c] = k == 2 ? Math.log(prior / (1 - prior)) : Math.log(prior);
        }
        return init;
    }

    /** Adds the tree's prediction for each row to that row's score of output {@code c}. */
    private static void addTo(double[][] scores, DecisionTree t, double[][] rows, int c) {
        for (int i = 0; i < rows.length; i++) {
            scores[i][c] += t.predict(rows[i])[0];
        }
    }

    private static double[][] repeated(double[] row, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = row.clone();
        }
        return out;
    }

    /** Per row, the log-loss gradient and Hessian (floored at 1e-6) of class {@code cls}'s score. */
    private static double[][] gradients(double[][] p, int[] y, int cls) {
        double[][] gh = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            double pi = p[i][cls];
            double yi = y[i] == cls ? 1 : 0;
            gh[i] = new double[] {pi - yi, Math.max(pi * (1 - pi), 1e-6)};
        }
        return gh;
    }

    /** Summed (not mean) −log p(true class) of the rows' scores; the early-stopping loss. */
    private static double logLoss(double[][] scores, int[] labels, int k) {
        double loss = 0;
        for (int i = 0; i < scores.length; i++) {
            loss -= Math.log(Math.max(1e-15, EnsembleModel.scoresToProbabilities(scores[i], k)[labels[i]]));
        }
        return loss;
    }

    /** The same tree with every leaf value multiplied by the learning rate (shrinkage). */
    private static DecisionTree scaled(DecisionTree t, double lr) {
        JsonObject j = t.toJson();
        JsonArray v = j.getAsJsonArray("value");
        JsonArray nv = new JsonArray();
        for (var e : v) {
            JsonArray a = new JsonArray();
            for (var d : e.getAsJsonArray()) {
                a.add(d.getAsDouble() * lr);
            }
            nv.add(a);
        }
        j.add("value", nv);
        return DecisionTree.fromJson(j);
    }

    @Override
    public Savable read(ModelReader in) {
        return EnsembleModel.read(kind(), in);
    }
}
