package org.pellucid.eval.baselines;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.SplitCriterion;
import org.pellucid.core.tree.TreeLearner;

/**
 * {@code rf}: a random forest (Breiman, Machine Learning 2001) — bootstrap samples, a random subset
 * of √p inputs tried at each split, class distributions averaged. Trees grow in parallel, each from
 * its own seed, so the forest is the same whatever the thread count. Options: {@code trees} (100),
 * {@code max-depth} (20), {@code min-leaf} (1), {@code features-per-split} (√ inputs).
 */
public final class ForestFamily implements ModelFamily {
    private static final Set<String> OPTIONS = Set.of("trees", "max-depth", "min-leaf", "features-per-split");

    @Override
    public String kind() {
        return "rf";
    }

    @Override
    public boolean transparent() {
        return false;
    }

    @Override
    public String description() {
        return "random forest; black box, explained post hoc";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
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
        cfg.requireOnly(kind(), OPTIONS);
        unsuitable(train).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        FeatureEncoder enc = FeatureEncoder.fit(train, NumericEncoding.RAW, 0);
        double[][] x = enc.encodeAll(train);
        int k = train.schema().classes().size();
        int n = x.length;
        int ntrees = cfg.intOption("trees", 100);
        int mtry = cfg.intOption("features-per-split", Math.max(1, (int) Math.round(Math.sqrt(enc.width()))));
        TreeLearner.Options o = new TreeLearner.Options(Integer.MAX_VALUE, cfg.intOption("max-depth", 20),
                cfg.intOption("min-leaf", 1), 255, mtry);
        if (ntrees < 1) {
            throw new IllegalArgumentException("trees must be at least 1");
        }
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
        Map<String, String> opts = new TreeMap<>(Map.of("trees", "" + ntrees, "max-depth", "" + o.maxDepth(),
                "min-leaf", "" + o.minLeaf(), "features-per-split", "" + mtry));
        return new EnsembleModel(kind(), enc, EnsembleModel.Combination.AVERAGE_DISTRIBUTIONS, trees, new double[0],
                new Provenance(kind(), opts, cfg.seed(), train.fingerprint(), train.name(), Provenance.currentVersions(),
                        Instant.now().toString()));
    }

    @Override
    public Savable read(ModelReader in) {
        return EnsembleModel.read(kind(), in);
    }
}
