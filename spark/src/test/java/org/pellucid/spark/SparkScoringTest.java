package org.pellucid.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.DatasetException;
import org.pellucid.core.data.SchemaReader;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.data.TableSpec;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.Model;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark in local[2] against the single-JVM path on the same rows: equal row for row, whatever the partitioning. */
class SparkScoringTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path modelDir;
    static Path csv;
    static Dataset train;

    @BeforeAll
    static void setUp() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("pellucid-test").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        Dataset d = SyntheticData.rule(600, 7);
        train = d.subset(IntStream.range(0, 400).toArray());
        Savable m = ModelFamilies.get("logistic").train(train, null, TrainConfig.of(1));
        modelDir = tmp.resolve("model");
        ModelStore.save(m, modelDir);
        csv = tmp.resolve("rows.csv");
        StringBuilder b = new StringBuilder("customer");
        for (int j = 0; j < d.schema().featureCount(); j++) {
            b.append(',').append(d.schema().feature(j).name());
        }
        b.append('\n');
        for (int i = 400; i < 600; i++) {
            b.append("c-").append(i);
            for (int j = 0; j < d.schema().featureCount(); j++) {
                b.append(',').append(d.row(i).text(j));
            }
            b.append('\n');
        }
        Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    /** The single-JVM path: Pellucid's own reader on the same file, the model loaded from the same directory. */
    static Map<String, Object[]> singleJvm(boolean shap) {
        Model model = (Model) ModelFamilies.load(modelDir);
        // exact enumeration off, so the row-seeded coalition sampling is what is compared
        KernelShap ks = new KernelShap(KernelShap.sampleBackground(train, 50, 3), Output.PROBABILITY, 256, 0, 8192, 3);
        Map<String, Object[]> out = new HashMap<>();
        try (SchemaReader r = SchemaReader.open(csv, model.schema(), TableSpec.defaults(), "customer")) {
            for (SchemaReader.Row row = r.next(); row != null; row = r.next()) {
                Prediction p = model.predict(row.instance());
                FeatureAttribution a = shap ? ks.explain(model, row.instance(), p.classIndex())
                        : ((ClassAttributable) model).attribution(row.instance(), p.classIndex());
                out.put(row.id(), new Object[] {p, a});
            }
        }
        return out;
    }

    List<Row> onSpark(int partitions, SparkScoring.Settings s) {
        org.apache.spark.sql.Dataset<Row> in = spark.read().option("header", "true").csv(csv.toString()).repartition(partitions); // clash: Spark's Dataset beside ours
        assertEquals(partitions, in.rdd().getNumPartitions());
        return SparkScoring.score(spark, modelDir, in, s, train).collectAsList();
    }

    @Test
    void kernelShapOnSparkEqualsTheSingleJvmPathWithOneTwoAndEightPartitions() {
        Map<String, Object[]> want = singleJvm(true);
        for (int parts : new int[] {1, 2, 8}) {
            List<Row> rows = onSpark(parts, new SparkScoring.Settings("kernel-shap", "customer", 3, 256, 0));
            assertEquals(200, rows.size());
            for (Row r : rows) {
                Object[] w = want.get(r.getString(0));
                Prediction p = (Prediction) w[0];
                assertEquals(p.className(), r.getString(1), "prediction of " + r.getString(0));
                Map<String, Double> probs = r.getJavaMap(2);
                for (int c = 0; c < p.probabilities().length; c++) {
                    assertEquals(p.probabilities()[c], probs.get(train.schema().classes().get(c)), 0.0, "probabilities exactly");
                }
                Map<String, Double> attr = r.getJavaMap(3);
                for (Contribution c : ((FeatureAttribution) w[1]).contributions()) {
                    assertEquals(c.attribution(), attr.get(c.feature()), 1e-9, c.feature() + " of " + r.getString(0) + " with " + parts + " partitions");
                }
                assertTrue(r.getString(4).contains("\"method\":\"kernel-shap\""), r.getString(4));
            }
        }
    }

    @Test
    void builtInExplanationsAndPositionsAsIds() {
        Map<String, Object[]> want = singleJvm(false);
        List<Row> rows = onSpark(1, new SparkScoring.Settings("built-in", null, 1, 1024, 10));
        List<String> ids = new ArrayList<>();
        for (Row r : rows) {
            ids.add(r.getString(0));
            FeatureAttribution a = (FeatureAttribution) want.get("c-" + (400 + Integer.parseInt(r.getString(0))))[1];
            Map<String, Double> attr = r.getJavaMap(3);
            for (Contribution c : a.contributions()) {
                assertEquals(c.attribution(), attr.get(c.feature()), 1e-12);
            }
        }
        assertTrue(ids.contains("0") && ids.contains("199"), "positions 0..199: " + ids.subList(0, 3));
    }

    @Test
    void theCliWritesParquetAndSaysBadInputInOneLine() {
        Path out = tmp.resolve("scored");
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new String[] {"explain", "--model", modelDir.toString(), "--data", csv.toString(), "--out", out.toString(),
            "--id", "customer", "--partitions", "3"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        List<Row> back = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(200, back.size());
        assertEquals(List.of("id", "prediction", "probabilities", "attributions", "explanation"),
                List.of(spark.read().parquet(out.toString()).columns()));
        Path badCsv = tmp.resolve("bad.csv");
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(csv));
            String[] f = lines.get(5).split(",", -1);
            f[0] = "c-bad";
            f[1 + train.schema().indexOf("income")] = "lots";
            lines.set(5, String.join(",", f));
            Files.write(badCsv, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter e1 = new StringWriter();
        assertEquals(2, SparkMain.run(new String[] {"predict", "--model", modelDir.toString(), "--data", badCsv.toString(), "--id", "customer",
            "--out", tmp.resolve("never").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(e1, true)));
        assertTrue(e1.toString().contains("c-bad") && e1.toString().contains("income") && e1.toString().contains("'lots' is not a number"),
                e1.toString());
        Path odd = tmp.resolve("scored [1]");
        assertEquals(0, SparkMain.run(new String[] {"predict", "--model", modelDir.toString(), "--data", csv.toString(), "--out", odd.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertTrue(Files.isDirectory(odd), "an output name with brackets and a space (Spark reads [ ] as a pattern)");
        for (String[] bad : new String[][] {{"--model", tmp.resolve("nothing").toString()}, {"--data", tmp.resolve("none.csv").toString()}}) {
            List<String> args = new ArrayList<>(List.of("predict", "--model", modelDir.toString(), "--data", csv.toString(),
                    "--out", tmp.resolve("never").toString()));
            args.set(args.indexOf(bad[0]) + 1, bad[1]);
            StringWriter e2 = new StringWriter();
            assertEquals(2, SparkMain.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()),
                    new PrintWriter(e2, true)), e2.toString());
            assertEquals(1, e2.toString().strip().lines().count(), e2.toString());
            assertTrue(!Files.exists(tmp.resolve("never")), "no output left behind");
        }
    }

    @Test
    void aCorruptModelOrAMissingColumnFailsOnTheDriverWithTheCliMessage() throws IOException {
        Path bad = tmp.resolve("corrupt");
        Files.createDirectories(bad);
        try (var files = Files.list(modelDir)) {
            for (Path p : files.toList()) {
                byte[] bytes = Files.readAllBytes(p);
                if (p.getFileName().toString().endsWith(".json") && bytes.length > 20) {
                    bytes[bytes.length / 2] ^= 0x55;
                }
                Files.write(bad.resolve(p.getFileName()), bytes);
            }
        }
        ModelFormatException cli = assertThrows(ModelFormatException.class, () -> ModelFamilies.load(bad));
        org.apache.spark.sql.Dataset<Row> in = spark.read().option("header", "true").csv(csv.toString()); // clash: Spark's Dataset beside ours
        ModelFormatException onSpark = assertThrows(ModelFormatException.class,
                () -> SparkScoring.score(spark, bad, in, SparkScoring.Settings.predict("customer"), null));
        assertEquals(cli.getMessage(), onSpark.getMessage());
        DatasetException e = assertThrows(DatasetException.class, () -> SparkScoring.score(spark, modelDir, in.drop("income"),
                SparkScoring.Settings.predict("customer"), null));
        assertTrue(e.getMessage().contains("income"), e.getMessage());
    }
}
