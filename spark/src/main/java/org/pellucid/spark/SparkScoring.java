package org.pellucid.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.pellucid.core.data.DatasetException;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.SchemaReader;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.ExplanationJson;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.Model;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Output;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;

/**
 * Scores a Spark DataFrame with a saved Pellucid model, unchanged: the model directory's bytes are
 * broadcast once and each executor JVM loads them once ({@link ModelFamilies#load}); rows are read
 * in the model's schema with the same parser as {@code pellucid predict} ({@link SchemaReader#parse}),
 * partition by partition; each output row carries the input's id, the predicted class, every class's
 * probability and, when asked, the explanation as a map of column → attribution plus its JSON.
 *
 * <p>Explanations: {@code built-in} (the model's own attribution form) or {@code kernel-shap}, whose
 * background rows are drawn once on the driver and broadcast, and whose coalitions are seeded by the
 * row's own values ({@link KernelShap}), so results depend neither on partitioning nor on row order.
 */
public final class SparkScoring {
    private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();

    private SparkScoring() {}

    /**
     * What to compute.
     *
     * @param explainer null for predictions only, {@code built-in} or {@code kernel-shap}
     * @param idColumn the input column copied to each output row; null: the row's position in the input (0-based)
     * @param seed KernelSHAP's seed
     * @param samples KernelSHAP's coalitions per row
     * @param exactUpTo KernelSHAP enumerates every coalition up to this many columns (10, as single-JVM {@code explain} does)
     */
    public record Settings(String explainer, String idColumn, long seed, int samples, int exactUpTo) implements Serializable {
        public Settings {
            if (explainer != null && !explainer.equals("built-in") && !explainer.equals("kernel-shap")) {
                throw new IllegalArgumentException("explainer must be built-in or kernel-shap on Spark, got '" + explainer + "'");
            }
            if (samples < 2) {
                throw new IllegalArgumentException("samples must be at least 2, got " + samples);
            }
        }

        /** Predictions only, ids from the given column (or positions when null). */
        public static Settings predict(String idColumn) {
            return new Settings(null, idColumn, 1, 1024, 10);
        }
    }

    /** The schema of the output: id, prediction, probability per class, and attributions and their JSON when explaining. */
    public static StructType outputSchema(Schema model, boolean explain) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("id", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("prediction", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("probabilities", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), false));
        if (explain) {
            f.add(DataTypes.createStructField("attributions", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), false));
            f.add(DataTypes.createStructField("explanation", DataTypes.StringType, false));
        }
        return DataTypes.createStructType(f);
    }

    /**
     * Scores {@code input}. {@code background} (rows in the model's schema, raw values) is needed for
     * KernelSHAP; at most 50 of them are drawn with the seed, on the driver.
     *
     * @throws ModelFormatException for a corrupt model, on the driver, before any job
     * @throws DatasetException when the input lacks a column the model needs
     */
    public static Dataset<Row> score(SparkSession spark, Path modelDir, Dataset<Row> input, Settings s,
                                     org.pellucid.core.data.Dataset background) { // clash: our Dataset beside Spark's
        return score(spark, modelDir, input, s, background, 0);
    }

    /**
     * {@link #score(SparkSession, Path, Dataset, Settings, org.pellucid.core.data.Dataset)} in {@code partitions}
     * partitions (0: as the input comes). The rows are numbered before they are spread, so a row's
     * position (its id without an id column) is its place in the input, whatever the partitioning.
     */
    public static Dataset<Row> score(SparkSession spark, Path modelDir, Dataset<Row> input, Settings s,
                                     org.pellucid.core.data.Dataset background, int partitions) { // clash: our Dataset beside Spark's
        // a corrupt model fails here, on the driver, before any job, with the message the CLI gives
        if (!(ModelFamilies.load(modelDir) instanceof Model model)) {
            throw new ModelFormatException("the saved model in " + modelDir + " is not a model that predicts");
        }
        Bundle bundle = Bundle.of(modelDir);
        Schema schema = model.schema();
        String[] columns = input.columns();
        int[] featureAt = new int[schema.featureCount()];
        for (int j = 0; j < featureAt.length; j++) {
            featureAt[j] = List.of(columns).indexOf(schema.feature(j).name());
            if (featureAt[j] < 0) {
                throw new DatasetException("the input", -1, schema.feature(j).name(),
                        "the model needs this column but the data does not have it; data columns are " + List.of(columns));
            }
        }
        int idAt = -1;
        if (s.idColumn() != null) {
            idAt = List.of(columns).indexOf(s.idColumn());
            if (idAt < 0) {
                throw new DatasetException("the input", -1, s.idColumn(), "no such id column; data columns are " + List.of(columns));
            }
        }
        double[][] bg = null;
        if ("kernel-shap".equals(s.explainer())) {
            if (background == null || background.size() == 0) {
                throw new IllegalArgumentException("kernel-shap on Spark needs background rows (--background FILE, e.g. the training data)");
            }
            org.pellucid.core.data.Dataset drawn = KernelShap.sampleBackground(background, 50, s.seed()); // clash: our Dataset beside Spark's
            bg = new double[drawn.size()][];
            for (int i = 0; i < bg.length; i++) {
                bg[i] = drawn.rowValues(i);
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Bundle> model64 = jsc.broadcast(bundle);
        Broadcast<double[][]> bgCast = jsc.broadcast(bg);
        final int idIndex = idAt;
        // positions cost a pass over the input (zipWithIndex counts each partition first): only without an id column
        JavaRDD<Tuple2<Row, Long>> numbered = idIndex >= 0 ? input.toJavaRDD().map(r -> new Tuple2<>(r, -1L)) : JavaRDD.fromRDD(input.toJavaRDD().zipWithIndex().rdd(), ClassTag$.MODULE$.apply(Tuple2.class));
        if (partitions > 0) {
            numbered = numbered.repartition(partitions);
        }
        JavaRDD<Row> scored = numbered.mapPartitions(
                (Iterator<Tuple2<Row, Long>> rows) -> new Scorer(model64.value(), bgCast.value(), s, featureAt, idIndex).apply(rows));
        return spark.createDataFrame(scored, outputSchema(schema, s.explainer() != null));
    }

    /** The per-partition work: parse, predict, explain. */
    private static final class Scorer {
        private final Model model;
        private final Schema schema;
        private final Settings s;
        private final int[] featureAt;
        private final int idAt;
        private final KernelShap shap;

        Scorer(Bundle bundle, double[][] bg, Settings s, int[] featureAt, int idAt) {
            this.model = bundle.model();
            this.schema = model.schema();
            this.s = s;
            this.featureAt = featureAt;
            this.idAt = idAt;
            this.shap = bg == null ? null : new KernelShap(background(schema, bg), Output.PROBABILITY, s.samples(), s.exactUpTo(), 8192,
                    s.seed());
        }

        /** Scores the partition's rows lazily, one at a time, as Spark pulls them: nothing is held beyond the current row. */
        Iterator<Row> apply(Iterator<Tuple2<Row, Long>> rows) {
            Map<String, Integer> missing = new HashMap<>();
            Map<String, Integer> unseen = new HashMap<>();
            return new Iterator<>() {
                private String[] fields = new String[0];

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Tuple2<Row, Long> t = rows.next();
                    Row r = t._1();
                    if (fields.length != r.length()) {
                        fields = new String[r.length()];
                    }
                    for (int i = 0; i < fields.length; i++) {
                        Object v = r.get(i);
                        fields[i] = v == null ? "" : v.toString();
                    }
                    String id = idAt >= 0 ? fields[idAt] : Long.toString(t._2());
                    Instance x;
                    try {
                        // without an id column the row is named by its line (the header is line 1)
                        x = SchemaReader.parse(schema, fields, featureAt, "the input", idAt >= 0 ? -1 : t._2() + 2, missing, unseen);
                    } catch (DatasetException e) {
                        if (idAt < 0) {
                            throw e;
                        }
                        throw new DatasetException("the input (row with id " + id + ")", -1, null,
                                e.getMessage().substring("the input: ".length()), e);
                    }
                    return row(id, x);
                }
            };
        }

        private Row row(String id, Instance x) {
            Prediction p = model.predict(x);
            Map<String, Double> probs = new LinkedHashMap<>();
            for (int c = 0; c < schema.classes().size(); c++) {
                probs.put(schema.classes().get(c), p.probabilities()[c]);
            }
            if (s.explainer() == null) {
                return RowFactory.create(id, p.className(), CollectionConverters.asScala(probs));
            }
            FeatureAttribution a;
            if (shap != null) {
                a = shap.explain(model, x, p.classIndex());
            } else if (model instanceof ClassAttributable ca) {
                a = ca.attribution(x, p.classIndex());
            } else {
                throw new IllegalArgumentException("model " + model.kind() + " has no built-in attribution; use --explainer kernel-shap");
            }
            Map<String, Double> attr = new LinkedHashMap<>();
            for (Contribution c : a.contributions()) {
                attr.put(c.feature(), c.attribution());
            }
            return RowFactory.create(id, p.className(), CollectionConverters.asScala(probs),
                    CollectionConverters.asScala(attr), ExplanationJson.toJson(a).toString());
        }
    }

    static org.pellucid.core.data.Dataset background(Schema schema, double[][] rows) { // clash: our Dataset beside Spark's
        return org.pellucid.core.data.Dataset.builder(schema).name("background").features(rows).labels(new int[rows.length]).build(); // clash: our Dataset beside Spark's
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary copy left behind is harmless
        }
    }

    private static String dirName(Map<String, byte[]> files) {
        return "the shipped files " + files.keySet();
    }

    /** A saved model's files, shipped as bytes; loaded once per JVM, keyed by the digest of its contents. */
    public static final class Bundle implements Serializable {
        private static final long serialVersionUID = 1L;
        private final TreeMap<String, byte[]> files;
        private final String key;

        private Bundle(TreeMap<String, byte[]> files, String key) {
            this.files = files;
            this.key = key;
        }

        /** Reads every file of a model directory. */
        public static Bundle of(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new ModelFormatException("no model directory at " + dir);
            }
            TreeMap<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                }
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (Map.Entry<String, byte[]> e : files.entrySet()) {
                    md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    md.update(e.getValue());
                }
                return new Bundle(files, HexFormat.of().formatHex(md.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The model, loaded from a temporary copy of the files the first time this JVM asks for it. */
        public Model model() {
            return MODELS.computeIfAbsent(key, k -> {
                try {
                    Path tmp = Files.createTempDirectory("pellucid-model-");
                    for (Map.Entry<String, byte[]> e : files.entrySet()) {
                        Path p = tmp.resolve(e.getKey());
                        Files.createDirectories(p.getParent());
                        Files.write(p, e.getValue());
                    }
                    Savable m;
                    try {
                        m = ModelFamilies.load(tmp);
                    } finally {
                        deleteQuietly(tmp); // the model is in memory now; the copy is not needed
                    }
                    if (!(m instanceof Model model)) {
                        throw new ModelFormatException("the saved model in " + dirName(files) + " is not a model that predicts");
                    }
                    return model;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
