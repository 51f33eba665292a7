package org.pellucid.baselines;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.BasicFamily;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.SplitCriterion;
import org.pellucid.core.tree.TreeEnsemble;
import org.pellucid.core.tree.TreeLearner;

/**
 * {@code rf}: a random forest (Breiman, Machine Learning 2001) — bootstrap samples, a random subset
 * of √p inputs tried at each split, class distributions averaged. Trees grow in parallel, each from
 * its own seed, so the forest is the same whatever the thread count. Options: {@link #OPTIONS}.
 */
public final class ForestFamily extends BasicFamily {
    /** The options, with their defaults and ranges. */
    public static final OptionTable OPTIONS = OptionTable.builder()
            .integer("trees", 100, 1, 100_000, "trees in the forest")
            .integer("max-depth", 20, 1, 1000, "most tests on any path of a tree")
            .integer("min-leaf", 1, 1, Integer.MAX_VALUE, "fewest bootstrap rows in a leaf")
            .integer("features-per-split", "round(√ encoded inputs)", 1, Integer.MAX_VALUE, "inputs tried at each split")
            .build();

    /** The family, as the registry creates it. */
    public ForestFamily() {
        super("rf", false, "random forest; black box, explained post hoc", OPTIONS);
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        if (!data.schema().isClassification()) {
            return Optional.of("this random forest classifies; the target is numeric");
        }
        return data.schema().featureCount() == 0 ? Optional.of("the data has no tabular columns") : Optional.empty();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = OPTIONS.read(kind(), cfg);
        requireSuitable(train);
        FeatureEncoder enc = FeatureEncoder.fit(train, NumericEncoding.RAW, 0);
        double[][] x = enc.encodeAll(train);
        int k = train.schema().classes().size();
        int n = x.length;
        int ntrees = v.integer("trees");
        int mtry = v.integer("features-per-split", () -> Math.max(1, (int) Math.round(Math.sqrt(enc.width()))));
        TreeLearner.Options o = new TreeLearner.Options(Integer.MAX_VALUE, v.integer("max-depth"), v.integer("min-leaf"), 255, mtry);
        long[] seeds = new Random(cfg.seed()).longs(ntrees).toArray();
        DecisionTree[][] trees = new DecisionTree[ntrees][];
        IntStream.range(0, ntrees).parallel().forEach(t -> {
            Random r = new Random(seeds[t]);
            double[][] bx = new double[n][];
            double[][] bs = new double[n][];
            for (int i = 0; i < n; i++) {
                int j = r.nextInt(n);
                bx[i] = x[j];
                bs[i] = new double[k];
                bs[i][train.label(j)] = 1;
            }
            trees[t] = new DecisionTree[] {TreeLearner.fit(bx, bs, new SplitCriterion.Gini(k), o, r)};
        });
        Map<String, String> opts = v.used();
        return new EnsembleModel(kind(), enc, TreeEnsemble.Combination.AVERAGE_DISTRIBUTIONS, trees, new double[0],
                Provenance.of(kind(), opts, cfg.seed(), train));
    }

    @Override
    public Savable read(ModelReader in) {
        return EnsembleModel.read(kind(), in);
    }
}
