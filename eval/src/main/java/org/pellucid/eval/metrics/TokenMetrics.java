package org.pellucid.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Prediction;

/**
 * Deletion-test metrics for text, where an explanation scores the words of one row rather than the
 * columns of a table. Removing a word means erasing it from the sequence — the model then reads the
 * shorter text — as ERASER's comprehensiveness and sufficiency do (DeYoung et al., ACL 2020); the
 * curves follow Petsiuk et al.'s deletion and insertion (BMVC 2018) in steps of a tenth of the
 * explained words. Each metric is reported twice: for the explanation's order and for a seeded
 * random order of the same words, the control any explanation has to beat.
 */
public final class TokenMetrics {
    private static final int STEPS = 10;
    private static final double TOP = 0.2; // a whole number of steps, so comprehensiveness reuses a curve point

    private TokenMetrics() {}

    /** deletion and insertion AUC, comprehensiveness and sufficiency (top 20% of words), each with its random-order control. */
    public static List<MetricResult> all(EvalContext ctx, List<FeatureAttribution> expl) {
        int n = ctx.rows().size();
        int[][] orders = new int[n][];
        int[][] random = new int[n][];
        Random rnd = new Random(ctx.seed());
        for (int i = 0; i < n; i++) {
            orders[i] = order(expl.get(i).values());
            random[i] = IntStream.range(0, orders[i].length).toArray(); // the same control for every explanation
            for (int k = random[i].length - 1; k > 0; k--) {
                int j = rnd.nextInt(k + 1);
                int t = random[i][k];
                random[i][k] = random[i][j];
                random[i][j] = t;
            }
        }
        List<MetricResult> out = new ArrayList<>();
        // the ends of every curve do not depend on the order: all words, and none
        double[] full = probabilities(ctx, orders, 0, false);
        double[] none = probabilities(ctx, orders, 0, true);
        int topStep = (int) Math.round(TOP * STEPS);
        for (boolean control : new boolean[] {false, true}) {
            int[][] o = control ? random : orders;
            String suffix = control ? "_random" : "";
            double[] del = new double[n];
            double[] ins = new double[n];
            double[] prevDel = full;
            double[] prevIns = none;
            double[] withoutTop = null;
            double[] onlyTop = null;
            for (int s = 1; s <= STEPS; s++) {
                double[] d = s == STEPS ? none : probabilities(ctx, o, s / (double) STEPS, false);
                double[] in = s == STEPS ? full : probabilities(ctx, o, s / (double) STEPS, true);
                for (int i = 0; i < n; i++) {
                    del[i] += (prevDel[i] + d[i]) / 2 / STEPS;
                    ins[i] += (prevIns[i] + in[i]) / 2 / STEPS;
                }
                if (s == topStep) {
                    withoutTop = d;
                    onlyTop = in;
                }
                prevDel = d;
                prevIns = in;
            }
            double[] comp = new double[n];
            double[] suff = new double[n];
            for (int i = 0; i < n; i++) {
                comp[i] = full[i] - withoutTop[i];
                suff[i] = full[i] - onlyTop[i];
            }
            out.add(MetricResult.ofExamples("token_deletion_auc" + suffix, Category.FIDELITY, Direction.LOWER_IS_BETTER, del, ctx.seed()));
            out.add(MetricResult.ofExamples("token_insertion_auc" + suffix, Category.FIDELITY, Direction.HIGHER_IS_BETTER, ins, ctx.seed()));
            out.add(MetricResult.ofExamples("token_comprehensiveness" + suffix, Category.FIDELITY, Direction.HIGHER_IS_BETTER, comp, ctx.seed()));
            out.add(MetricResult.ofExamples("token_sufficiency" + suffix, Category.FIDELITY, Direction.LOWER_IS_BETTER, suff, ctx.seed()));
        }
        return out;
    }

    /** Positions by score, highest first (ties by position). */
    static int[] order(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[b], v[a]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Probability of each row's target class after erasing ({@code keepOnly} false) the first
     * ⌈fraction · m⌉ words of its order, or keeping only those ({@code keepOnly} true); m is the
     * number of explained words, and words past them (beyond the model's length) are left alone.
     */
    static double[] probabilities(EvalContext ctx, int[][] orders, double fraction, boolean keepOnly) {
        Dataset rows = ctx.rows();
        int n = rows.size();
        int[][] seqs = new int[n][];
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            Instance r = rows.row(i);
            int[] t = r.tokens();
            int m = orders[i].length;
            int top = (int) Math.ceil(fraction * m - 1e-9);
            boolean[] chosen = new boolean[t.length];
            for (int k = 0; k < top; k++) {
                chosen[orders[i][k]] = true;
            }
            int[] kept = new int[t.length];
            int c = 0;
            for (int p = 0; p < t.length; p++) {
                boolean keep = p >= m || (keepOnly == chosen[p]);
                if (keep) {
                    kept[c++] = t[p];
                }
            }
            seqs[i] = Arrays.copyOf(kept, c);
            values[i] = r.values();
        }
        Dataset edited = Dataset.builder(rows.schema()).name(rows.name()).features(values).labels(rows.labels())
                .tokens(seqs, rows.vocabulary()).build();
        List<Prediction> p = ctx.model().predictAll(edited);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = p.get(i).probability(ctx.targets()[i]);
        }
        return out;
    }
}
