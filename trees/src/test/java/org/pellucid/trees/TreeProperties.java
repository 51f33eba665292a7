package org.pellucid.trees;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assertions;
import org.pellucid.contract.RandomInstances;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.encode.NumericEncoding;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.TreePathExplanation;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.Region;
import org.pellucid.core.tree.TreeLearner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TreeProperties {
    static final Dataset DATA = SyntheticData.rule(1500, 3);
    static final TreeModel TREE = (TreeModel) new TreeFamily().train(DATA, null, TrainConfig.of(1).with("max-leaves", "16"));

    @Provide
    Arbitrary<Instance> rows() {
        return RandomInstances.of(DATA);
    }

    @Property(tries = 300)
    void thePrintedPathLeadsToThePredictedLeaf(@ForAll("rows") Instance x) {
        TreePathExplanation e = TREE.explain(x).explanation();
        for (Condition c : e.steps()) {
            assertTrue(TREE.holds(c, x), "printed condition " + c + " does not hold for " + x);
        }
        assertEquals(TREE.predict(x), TREE.predictionAt(e.leaf()));
        assertEquals(TREE.predict(x).classIndex(), TREE.asExecutable().predict(x).classIndex());
        assertEquals(e.steps().size(), TREE.tree().path(TREE.encoder().encode(x)).length - 1, "size = path length");
    }

    /**
     * A tree teacher is piecewise constant on the same candidate thresholds the student searches, so
     * a student with room to grow reproduces it on the rows it was distilled on. (On unseen rows a
     * student may separate the same training rows with another column, so exactness is a property
     * of the distillation sample; held-out agreement is what {@code distill} reports.)
     */
    @Property(tries = 200)
    void aTreeTeacherWithinTheBudgetIsImitatedExactly(@ForAll @IntRange(min = 2, max = 12) int leaves, @ForAll long seed) {
        Dataset d = SyntheticData.rule(600, seed);
        TreeModel teacher = treeTeacher(d, leaves, 1);
        Distiller.Result r = Distiller.distill(teacher, d,
                new Distiller.Options(TreeLearner.Options.leaves(4 * leaves).withMinLeaf(1), 0, false, seed));
        assertEquals(1.0, Fidelity.of(r.tree(), teacher, d).agreement(), "a student with room to grow copies a tree");
    }

    /**
     * With TREPAN sampling on, every kept split wins at least min-leaf real rows, and each node says
     * how many of its rows are real: the leaves' real rows add up to the training rows, and sampled
     * rows are counted apart. Shown biting: with the pruning off the sampled student
     * grew 9 leaves for a 3-leaf teacher.
     */
    @Property(tries = 20)
    void aSampledStudentKeepsOnlySplitsTheRealRowsPayFor(@ForAll @IntRange(min = 2, max = 8) int leaves, @ForAll long seed) {
        Dataset d = SyntheticData.rule(600, seed);
        TreeModel teacher = treeTeacher(d, leaves, 5);
        Distiller.Result r = Distiller.distill(teacher, d,
                new Distiller.Options(TreeLearner.Options.leaves(16).withMinLeaf(5), 100, false, seed));
        DecisionTree t = r.tree().tree();
        double real = 0;
        double sampled = 0;
        for (int n = 0; n < t.nodes(); n++) {
            if (t.isLeaf(n)) {
                real += t.rows(n);
                sampled += t.samples(n);
            }
        }
        assertEquals(d.size(), real, 1e-9, "the leaves' real rows are the training rows");
        Assertions.assertTrue(sampled <= r.sampledRows(), sampled + " sampled rows in leaves, " + r.sampledRows() + " drawn");
        Assertions.assertTrue(t.leaves() <= teacher.tree().leaves(),
                t.leaves() + " leaves to imitate a " + teacher.tree().leaves() + "-leaf teacher");
    }

    @Property(tries = 15)
    void moreBudgetNeverLowersTrainingFidelity(@ForAll @IntRange(min = 2, max = 30) int leaves, @ForAll long seed) {
        Dataset d = SyntheticData.trig(500, seed);
        var teacher = Predictor.ofProbabilities(d.schema(),
                v -> Math.sin(v[0]) + v[2] * v[6] / 10 > 0.3 ? new double[] {0.2, 0.8} : new double[] {0.9, 0.1});
        double a = Fidelity.of(Distiller.distill(teacher, d, new Distiller.Options(TreeLearner.Options.leaves(leaves), 0, false, 1)).tree(),
                teacher, d).agreement();
        double b = Fidelity.of(Distiller.distill(teacher, d, new Distiller.Options(TreeLearner.Options.leaves(leaves + 4), 0, false, 1)).tree(),
                teacher, d).agreement();
        assertTrue(b >= a - 1e-12, "training fidelity fell from " + a + " to " + b);
    }

    @Property(tries = 100)
    void theSamplerOnlyDrawsInsideTheRegion(@ForAll @IntRange(min = 0, max = 30) int node, @ForAll long seed) {
        FeatureEncoder enc = FeatureEncoder.fit(DATA, NumericEncoding.RAW, 0);
        RegionSampler sampler = new RegionSampler(enc, DATA);
        // the region of some node of a real tree, and a region no training row falls in
        var t = TREE.tree();
        int n = node % t.nodes();
        Region region = Region.everything(enc.width());
        int[] path = pathTo(t, n);
        for (int k = 0; k + 1 < path.length; k++) {
            int p = path[k];
            region = t.left(p) == path[k + 1] ? region.left(t.feature(p), t.threshold(p)) : region.right(t.feature(p), t.threshold(p));
        }
        for (Region r : List.of(region, region.right(0, 1e9).left(0, 2e9))) {
            for (double[] z : sampler.sample(r, 25, new Random(seed))) {
                assertTrue(r.contains(z), "sampled row outside its region");
            }
        }
    }

    private static int[] pathTo(DecisionTree t, int target) {
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {0});
        while (!stack.isEmpty()) {
            int[] p = stack.pop();
            int last = p[p.length - 1];
            if (last == target) {
                return p;
            }
            if (!t.isLeaf(last)) {
                for (int c : new int[] {t.left(last), t.right(last)}) {
                    int[] q = Arrays.copyOf(p, p.length + 1);
                    q[p.length] = c;
                    stack.push(q);
                }
            }
        }
        throw new IllegalStateException();
    }

    private static TreeModel treeTeacher(Dataset d, int leaves, int minLeaf) {
        return (TreeModel) new TreeFamily().train(d, null, TrainConfig.of(1).with("max-leaves", "" + leaves)
                .with("min-leaf", "" + minLeaf));
    }
}
