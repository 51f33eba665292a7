package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Schema;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.ParamLayout;
import org.pellucid.core.train.TrainResult;

/**
 * From a trained rule network to a rule list: every node made crisp (a literal is in a rule when its
 * membership weight passes 0.5), dead and always-true nodes dropped or folded into the bias,
 * duplicates merged, the list pruned and its thresholds refitted ({@link RuleSetPruning}), the class
 * votes centred, and what became of each injected rule decided.
 */
final class CrispExtraction {
    private CrispExtraction() {}

    /** Crisp nodes merged by (type, literal set), the key each surviving node got, and the bias. */
    private record Crisp(Map<String, Rule> merged, Map<Integer, String> keyOfNode, double[] bias) {}

    static RuleModel extract(Schema s, Binarizer bin, float[] p, ParamLayout layout, int free, int conj, int disj, int classes,
                             List<RuleParser.Parsed> injected, Dataset train, TrainConfig cfg, OptionTable.Values v, TrainResult res) {
        double[][] rows = RulesFamily.rows(train);
        Crisp crisp = crispNodes(bin, p, layout, conj, disj, classes, rows);
        double[] bias = crisp.bias();
        Set<Rule> injectedRules = new HashSet<>();
        for (int r = 0; r < injected.size(); r++) {
            String key = crisp.keyOfNode().get(free + r);
            if (key != null) {
                injectedRules.add(crisp.merged().get(key));
            }
        }
        List<Rule> simple = RuleSetPruning.simplified(new ArrayList<>(crisp.merged().values()), bias, rows, train.labels(), injectedRules,
                v.flag("refine-thresholds"), v.integer("max-rules"));
        Map<String, Rule> centredByKey = centred(simple, classes);
        List<Rule> rules = new ArrayList<>(centredByKey.values());
        List<Rule.Stats> stats = Rule.stats(rules, rows, train.labels());
        double bm = Arrays.stream(bias).average().orElse(0);
        for (int c = 0; c < classes; c++) {
            bias[c] -= bm;
        }
        List<RuleModel.Fate> fates = fates(s, injected, free, crisp.keyOfNode(), centredByKey);
        Provenance prov = Provenance.of("rules", v.used(), cfg.seed(), train).withTraining(res.summary()
                        .with("literals", bin.size()).with("injected_rules", injected.size()));
        return new RuleModel(s, rules, bias, stats, fates, prov);
    }

    /**
     * Every node made crisp, in node order: a node that never fires on the training rows or votes for
     * no class is dropped, one that always fires is folded into the bias, and nodes with the same type
     * and literals are merged (their votes added).
     */
    private static Crisp crispNodes(Binarizer bin, float[] p, ParamLayout layout, int conj, int disj, int classes, double[][] rows) {
        int k = bin.size();
        int nodes = conj + disj;
        ParamLayout.Slot ow = layout.slot("out_w");
        ParamLayout.Slot ob = layout.slot("out_b");
        double[] bias = new double[classes];
        for (int c = 0; c < classes; c++) {
            bias[c] = p[(int) ob.offset() + c];
        }
        Map<String, Rule> merged = new LinkedHashMap<>();
        Map<Integer, String> keyOfNode = new TreeMap<>();
        for (int n = 0; n < nodes; n++) {
            boolean isConj = n < conj;
            ParamLayout.Slot ws = layout.slot(isConj ? "conj_w" : "disj_w");
            int row = isConj ? n : n - conj;
            List<Literal> lits = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                if (p[(int) ws.offset() + row * k + j] > 0.5f) {
                    lits.add(bin.literals().get(j));
                }
            }
            double[] w = new double[classes];
            for (int c = 0; c < classes; c++) {
                w[c] = p[(int) ow.offset() + c * nodes + n];
            }
            if (isConj) {
                lits = Rule.simplify(lits);
            }
            Rule r = new Rule(lits, isConj, w);
            int fires = 0;
            for (double[] x : rows) {
                fires += r.fires(x) ? 1 : 0;
            }
            double spread = Arrays.stream(w).max().orElse(0) - Arrays.stream(w).min().orElse(0);
            if (fires == 0 || spread < 1e-3) {
                continue; // never fires on the training data, or votes for no class: dead
            }
            if (fires == rows.length) {
                for (int c = 0; c < classes; c++) {
                    bias[c] += w[c]; // always true on the training data: part of the bias
                }
                continue;
            }
            String key = r.key();
            keyOfNode.put(n, key);
            Rule prev = merged.get(key);
            if (prev != null) {
                double[] sum = prev.weights();
                for (int c = 0; c < classes; c++) {
                    sum[c] += w[c];
                }
                merged.put(key, new Rule(lits, isConj, sum));
            } else {
                merged.put(key, r);
            }
        }
        return new Crisp(merged, keyOfNode, bias);
    }

    /** Each rule's class votes centred (softmax is unchanged; the votes read as for and against), by key. */
    private static Map<String, Rule> centred(List<Rule> rules, int classes) {
        Map<String, Rule> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            double[] w = r.weights();
            double mean = Arrays.stream(w).average().orElse(0);
            for (int c = 0; c < classes; c++) {
                w[c] -= mean;
            }
            out.put(r.key(), new Rule(r.literals(), r.conjunction(), w));
        }
        return out;
    }

    /** What became of each injected rule: dropped (its node died or was pruned), kept as written, or changed. */
    private static List<RuleModel.Fate> fates(Schema s, List<RuleParser.Parsed> injected, int free, Map<Integer, String> keyOfNode,
                                              Map<String, Rule> centredByKey) {
        List<RuleModel.Fate> fates = new ArrayList<>();
        for (int r = 0; r < injected.size(); r++) {
            RuleParser.Parsed inj = injected.get(r);
            String key = keyOfNode.get(free + r);
            Rule now = key == null ? null : centredByKey.get(key);
            if (now == null) {
                fates.add(new RuleModel.Fate(inj.text(), RuleModel.FateStatus.DROPPED, null));
                continue;
            }
            boolean same = new HashSet<>(now.literals()).equals(new HashSet<>(inj.literals())) && now.outcome() == inj.outcome();
            fates.add(new RuleModel.Fate(inj.text(), same ? RuleModel.FateStatus.KEPT : RuleModel.FateStatus.CHANGED, now.toText(s)));
        }
        return fates;
    }
}
