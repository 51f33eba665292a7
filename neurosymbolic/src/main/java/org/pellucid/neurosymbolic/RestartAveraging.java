package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.Provenance;

/** Several trainings' crisp rule sets averaged into one flat weighted rule list. */
final class RestartAveraging {
    private RestartAveraging() {}

    /**
     * The restarts' rule sets as one: the average of their class scores, which is again one flat
     * weighted rule list — every rule with its votes divided by the number of restarts, equal rules
     * merged, the biases averaged — then simplified on the training rows as a single restart's
     * rules are ({@link RuleSetPruning#simplified}). Averaging models trained from different starts
     * is the oldest remedy for their variance (Breiman 1996's bagging, here without resampling:
     * training each restart on a bootstrap sample was measured and did not help, magic04 0.852
     * against 0.853). The caller keeps the result only when its validation macro-F1 beats the best
     * single restart.
     */
    static RuleModel combine(List<RuleModel> models, Dataset train, boolean refine, int maxRules) {
        int classes = train.schema().classes().size();
        double[] bias = new double[classes];
        List<List<Rule>> sets = new ArrayList<>();
        for (RuleModel m : models) {
            for (int c = 0; c < classes; c++) {
                bias[c] += m.bias()[c] / models.size();
            }
            sets.add(m.rules());
        }
        double[][] rows = RulesFamily.rows(train);
        List<Rule> kept = RuleSetPruning.simplified(averaged(sets, classes), bias, rows, train.labels(), new HashSet<>(), refine, maxRules);
        Provenance pv = models.get(0).provenance();
        return new RuleModel(train.schema(), kept, bias, Rule.stats(kept, rows, train.labels()), List.of(), pv);
    }

    /** The rules of all sets, each vote divided by the number of sets, equal rules merged (votes added). */
    static List<Rule> averaged(List<List<Rule>> sets, int classes) {
        Map<String, Rule> merged = new LinkedHashMap<>();
        for (List<Rule> set : sets) {
            for (Rule r : set) {
                double[] w = new double[classes];
                String key = r.key();
                Rule prev = merged.get(key);
                for (int c = 0; c < classes; c++) {
                    w[c] = r.weight(c) / sets.size() + (prev == null ? 0 : prev.weight(c));
                }
                merged.put(key, new Rule(r.literals(), r.conjunction(), w));
            }
        }
        return new ArrayList<>(merged.values());
    }
}
