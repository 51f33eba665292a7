package org.pellucid.spark;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.DatasetException;
import org.pellucid.core.data.SchemaReader;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.TableSpec;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.model.Model;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.eval.Evaluation;
import org.pellucid.eval.explainers.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code pellucid spark predict|explain|evaluate}: scores a CSV (with a header) or Parquet input on Spark and
 * writes Parquet — the input's id, the prediction, each class's probability and, for {@code explain},
 * each column's attribution and the explanation's JSON. {@code evaluate} reads a CSV on the driver,
 * splits it as {@code pellucid evaluate} does (the model's seed), explains the evaluated rows on Spark
 * ({@link SparkEvaluation}) and writes the scores as JSON to {@code --out}. The output is written beside its final name
 * and renamed into place when the job succeeds, so a failed job leaves no partial output. Exit codes
 * as the main CLI: 0 done, 2 bad input (one line), 1 internal error.
 */
@Command(name = "pellucid spark", mixinStandardHelpOptions = true,
        description = "Batch predict, explain or evaluate with a saved model on Apache Spark (local[*] by default, or --master).")
public final class SparkMain implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "predict|explain|evaluate", description = "What to compute.")
    String what;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by `pellucid train --out`.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "A .csv file with a header, or Parquet.")
    String data;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "Where to write the Parquet output (a folder); evaluate: the scores' JSON file.")
    Path out;

    @Option(names = "--explainer", defaultValue = "built-in",
            description = "explain: built-in or kernel-shap; evaluate: any of pellucid evaluate's (default ${DEFAULT-VALUE}).")
    String explainer;

    @Option(names = "--background", paramLabel = "FILE", description = "kernel-shap: reference rows with the target, e.g. the training CSV "
            + "(default: the training split of --data, as pellucid explain takes it).")
    Path background;

    @Option(names = "--id", paramLabel = "COL", description = "Input column copied to each output row (default: the row's position).")
    String id;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--partitions", defaultValue = "0", description = "Repartition the input into N partitions first (0: as read).")
    int partitions;

    @Option(names = "--seed", description = "kernel-shap's seed and split seed (default: the model's own, as pellucid explain and evaluate).")
    Long seed;

    @Option(names = "--rows", defaultValue = "200", description = "evaluate: test rows to explain and score (default ${DEFAULT-VALUE}).")
    int rows;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("pellucid spark: " + ex.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            Throwable cause = userError(ex);
            if (cause != null) {
                err.println("pellucid spark: " + cause.getMessage().replace('\n', ' '));
                return 2;
            }
            err.println("pellucid spark: internal error: " + ex);
            return 1;
        });
        return cl.execute(args);
    }

    /** The user's mistake behind an exception, through Spark's wrapping, or null for a bug. */
    static Throwable userError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DatasetException || t instanceof ModelFormatException || t instanceof IllegalArgumentException
                    || t instanceof AnalysisException) {
                return t;
            }
        }
        return null;
    }

    @Override
    public Integer call() throws IOException {
        if (!what.equals("predict") && !what.equals("explain") && !what.equals("evaluate")) {
            throw new IllegalArgumentException("pellucid spark does predict, explain or evaluate, not '" + what + "'");
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 or more");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--out: the folder " + parent + " does not exist");
        }
        if (!data.contains("://") && !Files.exists(Path.of(data))) {
            throw new IllegalArgumentException("--data: no file or folder at " + data);
        }
        if (what.equals("evaluate")) {
            return evaluate();
        }
        boolean explain = what.equals("explain");
        long shapSeed = seed != null ? seed : 1;
        Dataset bg = null;
        if (explain && explainer.equals("kernel-shap")) {
            Model m = (Model) ModelFamilies.load(model);
            shapSeed = seed != null ? seed : m.provenance().seed(); // as pellucid explain: the model's seed
            bg = background != null ? read(background, m) : trainingSplit(m, shapSeed);
        }
        SparkScoring.Settings s = new SparkScoring.Settings(explain ? explainer : null, id, shapSeed, 1024, 10);
        long start = System.nanoTime();
        boolean ours = SparkSession.getActiveSession().isEmpty();
        SparkSession spark = session();
        // written under a plain name beside --out (Spark reads [, ], *, ? in paths as patterns, and skips names starting with . or _), renamed on success
        Path tmp = out.toAbsolutePath().resolveSibling("pellucid-spark-partial-" + Long.toHexString(System.nanoTime()));
        try {
            org.apache.spark.sql.Dataset<Row> in = data.toLowerCase(Locale.ROOT).endsWith(".csv") // clash: Spark's Dataset beside ours
                    ? spark.read().option("header", "true").csv(data) : spark.read().parquet(data);
            // repartitioned after the rows are numbered, so positions are the input's
            org.apache.spark.sql.Dataset<Row> scored = SparkScoring.score(spark, model, in, s, bg, partitions); // clash: Spark's Dataset beside ours
            scored.write().parquet(tmp.toString());
            long rows = spark.read().parquet(tmp.toString()).count();
            if (Files.exists(out)) {
                delete(out);
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf(Locale.ROOT, "pellucid spark: %s %d rows in %.1f s (%.0f rows/s) to %s%n", what, rows,
                    (System.nanoTime() - start) / 1e9, rows / ((System.nanoTime() - start) / 1e9), out);
            return 0;
        } finally {
            if (Files.exists(tmp)) {
                delete(tmp);
            }
            if (ours) {
                spark.stop();
            }
        }
    }

    private static Dataset read(Path csv, Model m) throws IOException {
        try (SchemaReader r = SchemaReader.open(csv, m.schema(), TableSpec.defaults(), null)) {
            return r.readAll(csv.getFileName().toString());
        }
    }

    /**
     * {@code pellucid explain}'s own background without {@code --background}: the training split (the
     * model's seed) of the {@code --data} file itself, which must then be a local CSV with the target.
     */
    private Dataset trainingSplit(Model m, long splitSeed) throws IOException {
        if (!data.toLowerCase(Locale.ROOT).endsWith(".csv") || data.contains("://")) {
            throw new IllegalArgumentException("kernel-shap needs --background FILE (reference rows with the target, e.g. the training CSV), "
                    + "or --data as a local .csv with the target column, whose training split is then the background");
        }
        Dataset all;
        try {
            all = read(Path.of(data), m);
        } catch (DatasetException e) {
            throw new IllegalArgumentException("kernel-shap without --background splits --data as pellucid explain does, which needs the "
                    + "target column '" + m.schema().target().name() + "': " + e.getMessage(), e);
        }
        return all.subset(Splits.trainValidTest(all, 0.2, 0.2, splitSeed).train());
    }

    private SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().master(master).appName("pellucid " + what).config("spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            // local mode talks to itself only: bind to the loopback address, never to an outward interface
            b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b.getOrCreate();
    }

    /** {@code evaluate}: the single-JVM command's split, settings and metrics, with the rows explained on Spark. */
    private int evaluate() throws IOException {
        if (!data.toLowerCase(Locale.ROOT).endsWith(".csv") || data.contains("://")) {
            throw new IllegalArgumentException("spark evaluate reads a local .csv on the driver (it splits it as pellucid evaluate does), got "
                    + data);
        }
        if (!(ModelFamilies.load(model) instanceof Model m)) {
            throw new ModelFormatException("the saved model in " + model + " is not a model that predicts");
        }
        Path csv = Path.of(data);
        Dataset all;
        try (SchemaReader r = SchemaReader.open(csv, m.schema(), TableSpec.defaults(), null)) {
            all = r.readAll(csv.getFileName().toString());
        }
        long splitSeed = seed != null ? seed : m.provenance().seed();
        Splits.TrainValidTest split = Splits.trainValidTest(all, 0.2, 0.2, splitSeed);
        Dataset test = all.subset(split.test());
        Dataset train = all.subset(split.train());
        Evaluation.Settings settings = new Evaluation.Settings(explainer, Output.PROBABILITY, rows, 50, 1024, 20, 5, splitSeed);
        long start = System.nanoTime();
        boolean ours = SparkSession.getActiveSession().isEmpty();
        SparkSession spark = session();
        try {
            JsonObject scores = Evaluation.run(m, train, test, settings,
                    SparkEvaluation.onSpark(spark, model, settings, train, partitions));
            JsonObject o = new JsonObject();
            o.addProperty("dataset", test.name());
            o.addProperty("model", m.kind());
            o.addProperty("master", master);
            scores.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
            Path tmp = out.toAbsolutePath().resolveSibling("pellucid-spark-partial-" + Long.toHexString(System.nanoTime()) + ".json");
            try {
                Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                        .toJson(o) + "\n");
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.out.printf(Locale.ROOT, "pellucid spark: evaluated %s's %s explanations of %d rows in %.1f s to %s%n", m.kind(), explainer,
                    scores.get("rows").getAsInt(), (System.nanoTime() - start) / 1e9, out);
            Evaluation.lines(scores).forEach(System.out::println);
            return 0;
        } finally {
            if (ours) {
                spark.stop();
            }
        }
    }

    private static void delete(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.delete(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
