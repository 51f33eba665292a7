package org.pellucid.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.eval.metrics.EvalContext;
import org.pellucid.eval.metrics.MetricResult;
import org.pellucid.eval.metrics.TokenMetrics;
import org.junit.jupiter.api.Test;

class TokenMetricsTest {
    static final List<String> VOCAB = List.of("free", "win", "hello", "the", "a", "meeting", "now", "call");
    static final Schema SCHEMA = new Schema(List.of(), Column.categorical("label", List.of("ham", "spam")));

    /** Spam probability rises with each "free" and "win" in the text. */
    static final Predictor MODEL = new Predictor() {
        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public Prediction predict(Instance x) {
            int hits = 0;
            for (String w : x.words()) {
                hits += w.equals("free") || w.equals("win") ? 1 : 0;
            }
            double p = 1 / (1 + Math.exp(-(2.0 * hits - 1)));
            return Prediction.ofProbabilities(new double[] {1 - p, p}, SCHEMA.classes());
        }
    };

    static Dataset texts(int n, long seed) {
        Random r = new Random(seed);
        int[][] seqs = new int[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            seqs[i] = new int[4 + r.nextInt(8)];
            for (int k = 0; k < seqs[i].length; k++) {
                seqs[i][k] = r.nextInt(VOCAB.size());
            }
            labels[i] = r.nextInt(2);
        }
        return Dataset.builder(SCHEMA).name("texts").features(new double[n][0]).labels(labels).tokens(seqs, VOCAB).build();
    }

    static FeatureAttribution attribution(Instance x, boolean truthful) {
        List<Contribution> c = new ArrayList<>();
        for (String w : x.words()) {
            boolean spammy = w.equals("free") || w.equals("win");
            c.add(new Contribution(w, w, spammy == truthful ? 1.0 : 0.0));
        }
        return new FeatureAttribution(c, 0, 0, "spam", "test");
    }

    static Map<String, Double> metrics(Dataset rows, boolean truthful) {
        EvalContext ctx = EvalContext.of(MODEL, rows, rows, 3);
        List<FeatureAttribution> expl = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            expl.add(attribution(rows.row(i), truthful));
        }
        Map<String, Double> m = new HashMap<>();
        for (MetricResult r : TokenMetrics.all(ctx, expl)) {
            m.put(r.name(), r.value());
        }
        return m;
    }

    @Test
    void theWordsTheModelReadsBeatARandomOrderAndAMisleadingOne() {
        // rows the model calls spam: erasing "free"/"win" first must lower the spam probability fastest
        Dataset all = texts(300, 1);
        List<Integer> spam = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (MODEL.predict(all.row(i)).classIndex() == 1) {
                spam.add(i);
            }
        }
        Dataset rows = all.subset(spam.stream().mapToInt(Integer::intValue).toArray());
        Map<String, Double> good = metrics(rows, true);
        Map<String, Double> bad = metrics(rows, false);
        assertTrue(good.get("token_deletion_auc") < good.get("token_deletion_auc_random"), good.toString());
        assertTrue(good.get("token_comprehensiveness") > good.get("token_comprehensiveness_random"), good.toString());
        assertTrue(good.get("token_insertion_auc") > good.get("token_insertion_auc_random"), good.toString());
        assertTrue(bad.get("token_deletion_auc") > bad.get("token_deletion_auc_random"), bad.toString());
        assertTrue(good.get("token_sufficiency") < bad.get("token_sufficiency"), good + " " + bad);
    }

    @Test
    void erasingAllWordsOrNoneGivesTheEndpoints() {
        Dataset rows = texts(20, 2);
        Map<String, Double> m = metrics(rows, true);
        // comprehensiveness of an order is full − without its top 20%: equals the hand-computed mean
        double expect = 0;
        for (int i = 0; i < rows.size(); i++) {
            Instance x = rows.row(i);
            int target = MODEL.predict(x).classIndex();
            List<String> words = x.words();
            int top = (int) Math.ceil(0.2 * words.size() - 1e-9);
            // the truthful order puts spammy words first, in position order, then the rest in position order
            List<Integer> order = new ArrayList<>();
            for (int p = 0; p < words.size(); p++) {
                if (words.get(p).equals("free") || words.get(p).equals("win")) {
                    order.add(p);
                }
            }
            for (int p = 0; p < words.size(); p++) {
                if (!order.contains(p)) {
                    order.add(p);
                }
            }
            List<Integer> kept = new ArrayList<>();
            int[] t = x.tokens();
            for (int p = 0; p < t.length; p++) {
                if (!order.subList(0, top).contains(p)) {
                    kept.add(t[p]);
                }
            }
            Instance without = new Instance(SCHEMA, new double[0], kept.stream().mapToInt(Integer::intValue).toArray(), VOCAB);
            expect += (MODEL.predict(x).probability(target) - MODEL.predict(without).probability(target)) / rows.size();
        }
        assertEquals(expect, m.get("token_comprehensiveness"), 1e-12);
    }
}
