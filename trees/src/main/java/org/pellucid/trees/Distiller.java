package org.pellucid.trees;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.model.Model;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.TrainingSummary;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.Region;
import org.pellucid.core.tree.SplitCriterion;
import org.pellucid.core.tree.TreeLearner;

/**
 * Distils any {@link Predictor} — a Pellucid model, a black box, a lambda — into a small decision
 * tree that imitates it. The teacher labels the training rows; then, while the tree grows, every
 * node left with fewer than {@code samplesPerNode} rows receives new rows drawn from its own region
 * of the data distribution ({@link RegionSampler}) and labelled by the teacher, so deep splits are
 * chosen on enough evidence (TREPAN, Craven &amp; Shavlik 1996; the same idea of querying the model
 * where data is thin drives Bastani, Kim &amp; Bastani 2017). Every teacher query is counted.
 */
public final class Distiller {

    /**
     * @param tree the budget
     * @param samplesPerNode TREPAN's minimum rows per node (0: no sampling, a plain CART on teacher labels)
     * @param confidenceWeights weight each teacher-labelled row by the teacher's probability for its label
     * @param seed seeds the sampler
     */
    public record Options(TreeLearner.Options tree, int samplesPerNode, boolean confidenceWeights, long seed) {
        public Options {
            if (samplesPerNode < 0) {
                throw new IllegalArgumentException("samples per node must be non-negative, got " + samplesPerNode);
            }
        }
    }

    /** The distilled tree and what it cost. */
    public record Result(TreeModel tree, long teacherQueries, int sampledRows) {}

    private Distiller() {}

    public static Result distill(Predictor teacher, Dataset train, Options o) {
        if (!teacher.schema().equals(train.schema())) {
            throw new IllegalArgumentException("the teacher reads other columns than the data has");
        }
        FeatureEncoder enc = FeatureEncoder.fit(train, NumericEncoding.RAW, 0);
        double[][] x = enc.encodeAll(train);
        boolean cls = train.schema().isClassification();
        int k = cls ? train.schema().classes().size() : 0;
        AtomicLong queries = new AtomicLong();
        List<Prediction> labels = teacher.predictAll(train);
        queries.addAndGet(train.size());
        double[][] stats = new double[train.size()][];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = statsOf(labels.get(i), cls, k, o.confidenceWeights());
        }
        TreeLearner.Augmenter aug = null;
        if (o.samplesPerNode() > 0) {
            RegionSampler sampler = new RegionSampler(enc, train);
            aug = new TreeLearner.Augmenter() {
                @Override
                public int minSamples() {
                    return o.samplesPerNode();
                }

                @Override
                public List<double[]> sample(Region region, int count, Random rnd) {
                    return sampler.sample(region, count, rnd);
                }

                @Override
                public double[] stats(double[] row) {
                    queries.incrementAndGet();
                    Prediction p = teacher.predict(new Instance(train.schema(), enc.decode(row)));
                    return statsOf(p, cls, k, o.confidenceWeights());
                }
            };
        }
        SplitCriterion crit = cls ? new SplitCriterion.Gini(k) : new SplitCriterion.Newton(0);
        TreeLearner.Result r = TreeLearner.fit(x, stats, crit, o.tree(), new Random(o.seed()), aug);
        DecisionTree t = r.tree();
        String teacherKind = teacher instanceof Model m ? m.kind() : "predictor";
        Map<String, String> opts = new TreeMap<>(Map.of("teacher", teacherKind, "samples-per-node", "" + o.samplesPerNode(),
                "confidence-weights", "" + o.confidenceWeights(), "max-leaves", "" + o.tree().maxLeaves(),
                "max-depth", "" + o.tree().maxDepth(), "min-leaf", "" + o.tree().minLeaf(), "max-bins", "" + o.tree().maxBins()));
        TreeModel model = new TreeModel("tree", enc, t, TreeFamily.provenance("tree", o.seed(), opts, train)
                .withTraining(TrainingSummary.none().with("teacher_queries", queries.get())
                        .with("augmented_rows", r.augmentedRows())));
        return new Result(model, queries.get(), r.augmentedRows());
    }

    private static double[] statsOf(Prediction p, boolean cls, int k, boolean weighted) {
        if (!cls) {
            return new double[] {-p.value(), 1};
        }
        double[] s = new double[k];
        s[p.classIndex()] = weighted ? p.probability(p.classIndex()) : 1;
        return s;
    }
}
