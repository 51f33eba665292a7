package org.pellucid.eval.metrics;

import java.util.Arrays;
import java.util.Random;

/**
 * A metric's value, its per-example values and a 95% bootstrap confidence interval of the mean.
 *
 * @param name snake_case, as used in JSON
 */
public record MetricResult(String name, Category category, Direction direction, double value, double[] perExample,
                           double ciLow, double ciHigh) {

    /** The mean of per-example values with a percentile bootstrap interval (1000 resamples, seeded). */
    public static MetricResult ofExamples(String name, Category c, Direction d, double[] values, long seed) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length == 0) {
            return new MetricResult(name, c, d, Double.NaN, values, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        Random r = new Random(seed);
        int reps = 1000;
        double[] means = new double[reps];
        for (int b = 0; b < reps; b++) {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                s += v[r.nextInt(v.length)];
            }
            means[b] = s / v.length;
        }
        Arrays.sort(means);
        return new MetricResult(name, c, d, mean, values, means[(int) (0.025 * reps)], means[(int) (0.975 * reps) - 1]);
    }
}
