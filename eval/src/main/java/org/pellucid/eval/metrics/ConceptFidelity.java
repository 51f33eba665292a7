package org.pellucid.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.ConceptExplanation;
import org.pellucid.core.model.ConceptIntervenable;
import org.pellucid.core.model.Explained;

/**
 * Fidelity of concept explanations, at the level of concepts (the explanation's own units), by
 * intervening on the concepts (Koh et al. 2020):
 * <ul>
 *   <li>{@code concept_deletion_auc}: the concepts are set, one at a time, in the explanation's order
 *       (largest |contribution| first) to their mean over training rows, and the probability of the
 *       originally predicted class is averaged over the k + 1 steps; a faithful explanation makes it
 *       fall fast (lower is better). {@code concept_deletion_auc_random} is the same in a random
 *       order, the control.</li>
 *   <li>{@code flip_precision}: of the concepts the explanation says flip the prediction on their own,
 *       the share that do when set to the opposite of their predicted value; {@code flip_recall}: of the
 *       concepts that do, the share it names.</li>
 * </ul>
 */
public final class ConceptFidelity {
    private ConceptFidelity() {}

    public static List<MetricResult> all(ConceptIntervenable model, Dataset rows, Dataset train, long seed) {
        int trainRows = Math.min(200, train.size());
        double[] mean = null;
        for (int i = 0; i < trainRows; i++) {
            List<ConceptExplanation.ConceptScore> c = model.explain(train.row(i), null).explanation().concepts(); // null: no intervention
            if (mean == null) {
                mean = new double[c.size()];
            }
            for (int k = 0; k < c.size(); k++) {
                mean[k] += c.get(k).probability() / trainRows;
            }
        }
        Random r = new Random(seed);
        int n = rows.size();
        double[] ordered = new double[n];
        double[] random = new double[n];
        double[] precision = new double[n];
        double[] recall = new double[n];
        for (int i = 0; i < n; i++) {
            Instance x = rows.row(i);
            Explained<ConceptExplanation> e = model.explain(x, nan(mean.length));
            int cls = e.prediction().classIndex();
            List<ConceptExplanation.ConceptScore> cs = e.explanation().concepts();
            Integer[] order = new Integer[cs.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(Math.abs(cs.get(b).contribution()), Math.abs(cs.get(a).contribution())));
            double start = e.prediction().probability(cls);
            ordered[i] = deletion(model, x, order, mean, cls, start);
            List<Integer> shuffled = new ArrayList<>(Arrays.asList(order));
            Collections.shuffle(shuffled, r);
            random[i] = deletion(model, x, shuffled.toArray(new Integer[0]), mean, cls, start);
            int stated = 0;
            int statedTrue = 0;
            int actual = 0;
            int actualNamed = 0;
            for (int k = 0; k < cs.size(); k++) {
                double[] g = nan(cs.size());
                g[k] = cs.get(k).probability() >= 0.5 ? 0 : 1;
                boolean changes = model.explain(x, g).prediction().classIndex() != cls;
                boolean named = e.explanation().flips().contains(cs.get(k).concept());
                stated += named ? 1 : 0;
                statedTrue += named && changes ? 1 : 0;
                actual += changes ? 1 : 0;
                actualNamed += changes && named ? 1 : 0;
            }
            precision[i] = stated == 0 ? Double.NaN : statedTrue / (double) stated;
            recall[i] = actual == 0 ? Double.NaN : actualNamed / (double) actual;
        }
        return List.of(
                MetricResult.ofExamples("concept_deletion_auc", Category.FIDELITY, Direction.LOWER_IS_BETTER, ordered, seed),
                MetricResult.ofExamples("concept_deletion_auc_random", Category.FIDELITY, Direction.LOWER_IS_BETTER, random, seed),
                MetricResult.ofExamples("flip_precision", Category.FIDELITY, Direction.HIGHER_IS_BETTER, precision, seed),
                MetricResult.ofExamples("flip_recall", Category.FIDELITY, Direction.HIGHER_IS_BETTER, recall, seed));
    }

    /** Mean P(cls) over the k + 1 steps of setting concepts to their mean in {@code order}; {@code start} is step 0. */
    private static double deletion(ConceptIntervenable model, Instance x, Integer[] order, double[] mean, int cls, double start) {
        double[] g = nan(mean.length);
        double sum = start;
        for (int k : order) {
            g[k] = mean[k];
            sum += model.explain(x, g).prediction().probability(cls);
        }
        return sum / (order.length + 1);
    }

    private static double[] nan(int k) {
        double[] v = new double[k];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
