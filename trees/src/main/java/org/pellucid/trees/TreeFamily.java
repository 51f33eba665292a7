package org.pellucid.trees;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
import org.pellucid.core.tree.TreeLearner;

/**
 * {@code tree}: a CART grown best-first on the true labels within a budget. Options:
 * {@link TreeOptions#TABLE}.
 * {@code pellucid distill} grows the same kind of tree on a teacher's labels instead.
 */
public final class TreeFamily extends BasicFamily {
    /** The family, as the registry creates it. */
    public TreeFamily() {
        super("tree", true, "decision tree (CART, best-first within a leaf budget); explanation: the decision path", TreeOptions.TABLE);
    }

    @Override
    public Optional<String> unsuitable(Dataset data) {
        return data.schema().featureCount() == 0 ? Optional.of("the data has no tabular columns") : Optional.empty();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig cfg) {
        OptionTable.Values v = TreeOptions.TABLE.read(kind(), cfg);
        TreeLearner.Options o = TreeOptions.from(v);
        FeatureEncoder enc = FeatureEncoder.fit(train, NumericEncoding.RAW, 0);
        double[][] x = enc.encodeAll(train);
        double[][] stats = targets(train);
        DecisionTree t = TreeLearner.fit(x, stats, criterion(train), o, new Random(cfg.seed()));
        return new TreeModel(kind(), enc, t, provenance(kind(), cfg.seed(), v.used(), train));
    }

    static SplitCriterion criterion(Dataset d) {
        return d.schema().isClassification() ? new SplitCriterion.Gini(d.schema().classes().size()) : new SplitCriterion.Newton(0);
    }

    /** Per-row statistics: one-hot classes, or (−y, 1) for least squares. */
    static double[][] targets(Dataset d) {
        double[][] s = new double[d.size()][];
        for (int i = 0; i < d.size(); i++) {
            if (d.schema().isClassification()) {
                s[i] = new double[d.schema().classes().size()];
                s[i][d.label(i)] = 1;
            } else {
                s[i] = new double[] {-d.target(i), 1};
            }
        }
        return s;
    }

    static Provenance provenance(String kind, long seed, Map<String, String> options, Dataset train) {
        return Provenance.of(kind, options, seed, train);
    }

    @Override
    public Savable read(ModelReader in) {
        return TreeModel.read(kind(), in);
    }
}
