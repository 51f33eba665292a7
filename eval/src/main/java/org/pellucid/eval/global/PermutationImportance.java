package org.pellucid.eval.global;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Scores;

/**
 * Permutation importance (Breiman, "Random forests", 2001; model-agnostic form of Fisher, Rudin &amp;
 * Dominici, JMLR 2019): the drop in accuracy when one column's values are shuffled across the rows,
 * breaking its link to the label while keeping its distribution, repeated with different shuffles.
 * A column the model never reads scores exactly 0.
 *
 * @param column the column's name
 * @param mean the mean accuracy drop over the repeats
 * @param std its standard deviation
 * @param low lower end of the repeats' 95% interval (2.5th percentile)
 * @param high upper end (97.5th percentile)
 * @param drops each repeat's drop
 */
public record PermutationImportance(String column, double mean, double std, double low, double high, double[] drops) {

    /** Every column's importance on {@code data} (which must have labels), most important first. */
    public static List<PermutationImportance> of(Predictor model, Dataset data, int repeats, long seed) {
        if (!data.schema().isClassification()) {
            throw new IllegalArgumentException("permutation importance here scores accuracy, which needs a class target");
        }
        int[] truth = data.labels();
        double base = accuracy(model.predictAll(data), truth);
        double[][] x = new double[data.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.rowValues(i);
        }
        Random r = new Random(seed);
        List<PermutationImportance> out = new ArrayList<>();
        for (int j = 0; j < data.schema().featureCount(); j++) {
            double[] drops = new double[repeats];
            for (int t = 0; t < repeats; t++) {
                int[] perm = IntStream.range(0, x.length).toArray();
                for (int i = perm.length - 1; i > 0; i--) {
                    int k = r.nextInt(i + 1);
                    int tmp = perm[i];
                    perm[i] = perm[k];
                    perm[k] = tmp;
                }
                double[][] shuffled = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    shuffled[i] = x[i].clone();
                    shuffled[i][j] = x[perm[i]][j];
                }
                Dataset d = Dataset.builder(data.schema()).name(data.name()).features(shuffled).labels(truth).build();
                drops[t] = base - accuracy(model.predictAll(d), truth);
            }
            double mean = Arrays.stream(drops).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(drops).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, repeats - 1));
            double[] sorted = drops.clone();
            Arrays.sort(sorted);
            out.add(new PermutationImportance(data.schema().feature(j).name(), mean, sd,
                    sorted[(int) Math.floor(0.025 * (repeats - 1))], sorted[(int) Math.ceil(0.975 * (repeats - 1))], drops));
        }
        out.sort((a, b) -> Double.compare(b.mean(), a.mean()));
        return out;
    }

    private static double accuracy(List<Prediction> p, int[] truth) {
        return Scores.accuracy(truth, Scores.classes(p));
    }
}
