package org.pellucid.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Model;
import org.pellucid.core.model.Predictor;
import org.pellucid.eval.Evaluation;
import org.pellucid.eval.explainers.Explainer;
import org.pellucid.eval.explainers.Output;

/**
 * {@code evaluate} with the explanations computed on Spark: the rows under evaluation are explained on
 * the executors (the dominant cost: KernelSHAP runs thousands of model evaluations a row), and the
 * metrics are computed from those attributions on the driver by the same code as the single-JVM
 * {@code evaluate} ({@link Evaluation#run(org.pellucid.core.model.Predictor, Dataset, Dataset, Evaluation.Settings,
 * Evaluation.RowExplainer)}). What is shipped: the model's files once (a broadcast, loaded once per JVM),
 * the few training rows the explainer reads ({@link Evaluation#explainerRows}, a broadcast), and each
 * row's values and target class. Explainers seed per row from the row's values, so the attributions —
 * and therefore every metric — equal the single-JVM ones whatever the partitioning.
 */
public final class SparkEvaluation {
    private SparkEvaluation() {}

    /** The settings, as shipped to executors (the record itself is not serializable). */
    private record ShippedSettings(String explainer, String output, int rows, int background, int samples, int sensitivityRows,
                                   int simulationColumns, long seed) implements Serializable {
        static ShippedSettings of(Evaluation.Settings s) {
            return new ShippedSettings(s.explainer(), s.output().name(), s.rows(), s.background(), s.samples(), s.sensitivityRows(),
                    s.simulationColumns(), s.seed());
        }

        Evaluation.Settings settings() {
            return new Evaluation.Settings(explainer, Output.valueOf(output), rows, background, samples, sensitivityRows, simulationColumns,
                    seed);
        }
    }

    /** One row to explain: its position, raw values and target class. */
    private record Task(int index, double[] values, int target) implements Serializable {}

    /** One attribution, as shipped back: the record's parts. */
    private record Shipped(int index, String[] features, String[] values, double[] attributions, double baseline, double output,
                           String target, String method) implements Serializable {
        static Shipped of(int index, FeatureAttribution a) {
            int p = a.contributions().size();
            String[] f = new String[p];
            String[] v = new String[p];
            double[] w = new double[p];
            for (int j = 0; j < p; j++) {
                Contribution c = a.contributions().get(j);
                f[j] = c.feature();
                v[j] = c.value();
                w[j] = c.attribution();
            }
            return new Shipped(index, f, v, w, a.baseline(), a.output(), a.target(), a.method());
        }

        FeatureAttribution attribution() {
            List<Contribution> c = new ArrayList<>(features.length);
            for (int j = 0; j < features.length; j++) {
                c.add(new Contribution(features[j], values[j], attributions[j]));
            }
            return new FeatureAttribution(c, baseline, output, target, method);
        }
    }

    /**
     * A row explainer that explains on {@code spark}'s executors in {@code partitions} partitions (0: Spark's
     * default parallelism), with the model saved in {@code modelDir} and the training rows {@code train}.
     */
    public static Evaluation.RowExplainer onSpark(SparkSession spark, Path modelDir, Evaluation.Settings s, Dataset train, int partitions) {
        SparkScoring.Bundle bundle = SparkScoring.Bundle.of(modelDir);
        Dataset reads = Evaluation.explainerRows(s, train);
        double[][] bg = new double[reads.size()][];
        for (int i = 0; i < bg.length; i++) {
            bg[i] = reads.rowValues(i);
        }
        ShippedSettings shipped = ShippedSettings.of(s);
        return (Explainer ignored, Predictor model, Dataset rows, int[] targets) -> {
            if (rows.hasTokens()) {
                throw new IllegalArgumentException("text rows are explained in one JVM (pellucid evaluate); Spark evaluate reads tables");
            }
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<SparkScoring.Bundle> modelCast = jsc.broadcast(bundle);
            Broadcast<double[][]> bgCast = jsc.broadcast(bg);
            List<Task> tasks = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                tasks.add(new Task(i, rows.rowValues(i), targets[i]));
            }
            JavaRDD<Task> rdd = partitions > 0 ? jsc.parallelize(tasks, partitions) : jsc.parallelize(tasks);
            List<Shipped> back = rdd.mapPartitions((Iterator<Task> it) -> {
                Model m = modelCast.value().model();
                Schema schema = m.schema();
                Explainer ex = Evaluation.explainer(shipped.settings(), SparkScoring.background(schema, bgCast.value()));
                List<Shipped> out = new ArrayList<>();
                while (it.hasNext()) {
                    Task t = it.next();
                    out.add(Shipped.of(t.index(), ex.explain(m, new Instance(schema, t.values()), t.target())));
                }
                return out.iterator();
            }).collect();
            FeatureAttribution[] ordered = new FeatureAttribution[rows.size()];
            for (Shipped b : back) {
                ordered[b.index()] = b.attribution();
            }
            modelCast.destroy();
            bgCast.destroy();
            return List.of(ordered);
        };
    }
}
