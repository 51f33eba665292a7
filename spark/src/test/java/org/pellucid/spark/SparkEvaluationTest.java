package org.pellucid.spark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Model;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.Evaluation;
import org.pellucid.eval.explainers.Output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** evaluate with the rows explained on Spark gives the single-JVM numbers, with any number of partitions. */
class SparkEvaluationTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path modelDir;
    static Model model;
    static Dataset all;

    @BeforeAll
    static void setUp() {
        spark = SparkSession.builder().master("local[2]").appName("pellucid-eval-test").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        all = SyntheticData.rule(500, 3);
        Splits.TrainValidTest s = Splits.trainValidTest(all, 0.2, 0.2, 4);
        model = (Model) ModelFamilies.get("mlp").train(all.subset(s.train()), all.subset(s.valid()), TrainConfig.of(4).with("epochs", "5"));
        modelDir = tmp.resolve("model");
        ModelStore.save((Savable) model, modelDir);
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    /** Every number of two score objects' fidelity, simulability and stability sections, equal within tol. */
    static void assertSameScores(JsonObject want, JsonObject got, double tol) {
        int compared = 0;
        for (String section : new String[] {"fidelity", "simulability", "stability", "mean_abs_attribution", "truth"}) {
            if (!want.has(section)) {
                continue;
            }
            for (Map.Entry<String, JsonElement> e : want.getAsJsonObject(section).entrySet()) {
                JsonElement g = got.getAsJsonObject(section).get(e.getKey());
                if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber()) {
                    assertEquals(e.getValue().getAsDouble(), g.getAsDouble(), tol, section + "." + e.getKey());
                    compared++;
                } else {
                    assertEquals(e.getValue().toString(), g.toString(), section + "." + e.getKey());
                    compared++;
                }
            }
        }
        assertTrue(compared > 10, "compared " + compared + " scores");
    }

    @Test
    void kernelShapScoresEqualTheSingleJvmOnesWithOneTwoAndFivePartitions() {
        Splits.TrainValidTest s = Splits.trainValidTest(all, 0.2, 0.2, 4);
        Dataset train = all.subset(s.train());
        Dataset test = all.subset(s.test());
        Evaluation.Settings settings = new Evaluation.Settings("kernel-shap", Output.PROBABILITY, 24, 20, 64, 3, 5, 4);
        JsonObject here = Evaluation.run(model, train, test, settings);
        for (int parts : new int[] {1, 2, 5}) {
            JsonObject there = Evaluation.run(model, train, test, settings, SparkEvaluation.onSpark(spark, modelDir, settings, train, parts));
            assertSameScores(here, there, 1e-9);
        }
    }

    /** A Spark explainer that got a row wrong is caught: the check compares what it should. */
    @Test
    void theComparisonBitesOnAWrongAttribution() {
        Splits.TrainValidTest s = Splits.trainValidTest(all, 0.2, 0.2, 4);
        Dataset train = all.subset(s.train());
        Dataset test = all.subset(s.test());
        Evaluation.Settings settings = new Evaluation.Settings("kernel-shap", Output.PROBABILITY, 24, 20, 64, 0, 5, 4);
        JsonObject here = Evaluation.run(model, train, test, settings);
        Evaluation.RowExplainer spark2 = SparkEvaluation.onSpark(spark, modelDir, settings, train, 2);
        JsonObject wrong = Evaluation.run(model, train, test, settings, (ex, m, rows, targets) -> {
            var list = new ArrayList<>(spark2.explainAll(ex, m, rows, targets));
            list.set(0, Evaluation.SEQUENTIAL.explainAll(ex, m, rows.subset(new int[] {1}), new int[] {targets[1]}).get(0));
            return list;
        });
        Assertions.assertThrows(AssertionError.class, () -> assertSameScores(here, wrong, 1e-9));
    }

    /** The whole table, with its target, as a CSV (written once). */
    static Path csv() throws IOException {
        Path csv = tmp.resolve("all.csv");
        if (Files.exists(csv)) {
            return csv;
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < all.schema().featureCount(); j++) {
            b.append(all.schema().feature(j).name()).append(',');
        }
        b.append(all.schema().target().name()).append('\n');
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < all.schema().featureCount(); j++) {
                b.append(all.row(i).text(j)).append(',');
            }
            b.append(all.schema().classes().get(all.label(i))).append('\n');
        }
        Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
        return csv;
    }

    /**
     * {@code spark explain} with KernelSHAP and no {@code --background} explains as {@code pellucid explain}
     * does: the background is the training split of the same file, the seed the model's.
     */
    @Test
    void kernelShapWithoutABackgroundUsesTheTrainingSplitOfTheData() throws IOException {
        Path out = tmp.resolve("explained");
        StringWriter err = new StringWriter();
        assertEquals(0, SparkMain.run(new String[] {"explain", "--model", modelDir.toString(), "--data", csv().toString(), "--out",
            out.toString(), "--explainer", "kernel-shap", "--master", "local[2]", "--partitions", "3"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err)), err.toString());
        Splits.TrainValidTest s = Splits.trainValidTest(all, 0.2, 0.2, model.provenance().seed());
        Evaluation.Settings single = Evaluation.Settings.defaults("kernel-shap", model.provenance().seed());
        var shap = Evaluation.explainer(single, all.subset(s.train()));
        Map<String, Row> byId = new HashMap<>();
        for (Row r : spark.read().parquet(out.toString()).collectAsList()) {
            byId.put(r.getString(0), r);
        }
        assertEquals(all.size(), byId.size());
        for (int i = 0; i < 12; i++) {
            var x = all.row(i);
            var want = shap.explain(model, x, model.predict(x).classIndex());
            scala.collection.Map<String, Object> got = byId.get(Long.toString(i)).getMap(3); // clash: java.util.Map is imported
            for (var c : want.contributions()) {
                assertEquals(c.attribution(), (Double) got.apply(c.feature()), 1e-9, "row " + i + ", " + c.feature());
            }
        }
    }

    @Test
    void theCliWritesTheScoresAndSaysBadInputInOneLine() throws IOException {
        Path csv = csv();
        Path out = tmp.resolve("scores.json");
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new String[] {"evaluate", "--model", modelDir.toString(), "--data", csv.toString(), "--out", out.toString(),
            "--explainer", "kernel-shap", "--rows", "12", "--master", "local[2]"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonObject o = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals(12, o.get("rows").getAsInt());
        assertTrue(o.getAsJsonObject("fidelity").has("deletion_auc"), o.toString());
        Path out2 = tmp.resolve("bad.json");
        err = new StringWriter();
        assertEquals(2, SparkMain.run(new String[] {"evaluate", "--model", modelDir.toString(), "--data", csv.toString(), "--out", out2.toString(),
            "--explainer", "shapley-magic"}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().startsWith("pellucid spark: unknown explainer 'shapley-magic'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(!Files.exists(out2), "no output left behind");
    }
}
