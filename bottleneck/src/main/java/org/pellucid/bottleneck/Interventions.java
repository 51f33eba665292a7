package org.pellucid.bottleneck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.model.Prediction;

/**
 * Test-time interventions (Koh et al. 2020, §6; Espinosa Zarlenga et al. 2022, §5): concept groups
 * are replaced by their true values one at a time, in an order a policy chooses, and the task
 * accuracy is measured after each step. The policies never look at the true concept values or the
 * label when choosing — only at the model's own predictions:
 * <ul>
 *   <li>{@code random}: a seeded random order per row;</li>
 *   <li>{@code uncertainty}: the least certain concept first (probability nearest 0.5, or the
 *       lowest top probability in a categorical group);</li>
 *   <li>{@code greedy}: at each step, the concept whose intervention is expected to move the
 *       predicted class distribution most, {@code Σ_v P(v) · ‖q(c ← v) − q(c)‖₁}, taken under the
 *       model's own concept probabilities.</li>
 * </ul>
 */
public final class Interventions {
    private Interventions() {}

    /**
     * Task accuracy after intervening on 0, 1, …, G concept groups (G+1 values); the last value
     * is the accuracy of the head on the true concepts.
     */
    public static double[] curve(ConceptModel model, Dataset test, HasConcepts.Policy policy, long seed) {
        if (!test.hasConcepts()) {
            throw new IllegalArgumentException("an intervention curve needs the true concepts; '" + test.name() + "' has none");
        }
        List<HasConcepts.Group> groups = model.groups().groups();
        int gCount = groups.size();
        double[] correct = new double[gCount + 1];
        int[] labels = test.labels();
        for (int r = 0; r < test.size(); r++) {
            Instance x = test.row(r);
            double[] truth = test.concepts(r);
            ConceptModel.ConceptState st = model.concepts(x);
            List<Integer> order = order(model, st, policy, new Random(seed * 31 + r));
            double[] values = st.probabilities().clone();
            for (int step = 0; step <= gCount; step++) {
                if (step > 0) {
                    HasConcepts.Group g = groups.get(order.get(step - 1));
                    System.arraycopy(truth, g.from(), values, g.from(), g.size());
                }
                if (ConceptModel.argmax(model.classLogits(st, values)) == labels[r]) {
                    correct[step]++;
                }
            }
        }
        for (int s = 0; s <= gCount; s++) {
            correct[s] /= test.size();
        }
        return correct;
    }

    /** The order in which a policy intervenes on the concept groups of one row. */
    static List<Integer> order(ConceptModel model, ConceptModel.ConceptState st, HasConcepts.Policy policy, Random rnd) {
        List<HasConcepts.Group> groups = model.groups().groups();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            idx.add(i);
        }
        double[] p = st.probabilities();
        switch (policy) {
            case RANDOM -> Collections.shuffle(idx, rnd);
            case UNCERTAINTY -> idx.sort((a, b) -> Double.compare(certainty(p, groups.get(a)), certainty(p, groups.get(b))));
            case GREEDY -> {
                List<Integer> chosen = new ArrayList<>();
                double[] values = p.clone();
                double[] hard = model.groups().harden(p);
                while (!idx.isEmpty()) {
                    double[] q = softmax(model.classLogits(st, values));
                    int best = -1;
                    double bestGain = -1;
                    for (int gi : idx) {
                        double gain = expectedChange(model, st, values, groups.get(gi), q, p);
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = gi;
                        }
                    }
                    chosen.add(best);
                    idx.remove(Integer.valueOf(best));
                    // commit the model's own most likely value: the policy never sees the truth
                    HasConcepts.Group g = groups.get(best);
                    System.arraycopy(hard, g.from(), values, g.from(), g.size());
                }
                return chosen;
            }
        }
        return idx;
    }

    private static double certainty(double[] p, HasConcepts.Group g) {
        if (g.binary()) {
            return Math.abs(p[g.from()] - 0.5);
        }
        double max = 0;
        for (int i = g.from(); i < g.to(); i++) {
            max = Math.max(max, p[i]);
        }
        return max;
    }

    private static double expectedChange(ConceptModel model, ConceptModel.ConceptState st, double[] values,
                                         HasConcepts.Group g, double[] q, double[] p) {
        double e = 0;
        if (g.binary()) {
            for (int v = 0; v <= 1; v++) {
                double[] t = values.clone();
                t[g.from()] = v;
                double prob = v == 1 ? p[g.from()] : 1 - p[g.from()];
                e += prob * l1(softmax(model.classLogits(st, t)), q);
            }
        } else {
            for (int alt = g.from(); alt < g.to(); alt++) {
                double[] t = values.clone();
                Arrays.fill(t, g.from(), g.to(), 0);
                t[alt] = 1;
                e += p[alt] * l1(softmax(model.classLogits(st, t)), q);
            }
        }
        return e;
    }

    private static double l1(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s;
    }

    static double[] softmax(double[] z) {
        return Prediction.softmax(z);
    }
}
