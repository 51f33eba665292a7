package org.pellucid.examples.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.OptionTable;
import org.pellucid.examples.report.ReportInBrowserTest;
import org.pellucid.neurosymbolic.RulesFamily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI contract: exit codes, one-line errors, JSON keys, and the train → explain path. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pellucid.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static JsonObject json(Path p) throws IOException {
        return StrictJson.parse(p).getAsJsonObject(); // every JSON the CLI writes must pass a strict parser
    }

    private static void assertOneLineError(Run r, String contains) {
        assertEquals(2, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr, got: " + r.err());
        assertTrue(lines[0].startsWith("pellucid: "), lines[0]);
        assertTrue(lines[0].contains(contains), lines[0]);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void helpWorksForEveryCommand() {
        for (String c : new String[] {"demo", "datasets", "train", "explain", "evaluate", "distill", "compare", "bench"}) {
            Run r = run(c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().contains("Usage: pellucid " + c), r.out());
        }
        assertEquals(2, run().code(), "no command is a usage error");
    }

    @Test
    void trainSavesExplainsAndEvaluates() throws IOException {
        Path model = tmp.resolve("m");
        Path f = tmp.resolve("f.json");
        Run t = run("train", "logistic", "--data", "synthetic:rule:600", "--seed", "1", "--out", model.toString(),
                "--json", f.toString());
        assertEquals(0, t.code(), t.err());
        JsonObject o = json(f);
        assertEquals("logistic", o.get("model").getAsString());
        assertEquals("transparent", o.get("kind").getAsString());
        double acc = o.getAsJsonObject("test").get("accuracy").getAsDouble();
        assertTrue(acc > 0.75 && acc <= 1, "accuracy " + acc);
        assertTrue(o.getAsJsonObject("timing").get("train_seconds").getAsDouble() > 0);
        assertEquals(8, o.getAsJsonObject("complexity").get("features").getAsInt());

        Path e = tmp.resolve("e.json");
        Run x = run("explain", "--model", model.toString(), "--data", "synthetic:rule:600", "--rows", "0:5", "--json", e.toString());
        assertEquals(0, x.code(), x.err());
        assertTrue(x.out().contains("income = "), x.out());
        var arr = json(e).getAsJsonArray("explanations");
        assertEquals(5, arr.size());
        for (JsonElement el : arr) {
            JsonObject ex = el.getAsJsonObject().getAsJsonObject("explanation");
            double sum = ex.get("baseline").getAsDouble();
            for (JsonElement c : ex.getAsJsonArray("contributions")) {
                sum += c.getAsJsonObject().get("attribution").getAsDouble();
            }
            assertEquals(ex.get("output").getAsDouble(), sum, 1e-9, "contributions plus baseline give the logit");
        }

        Path v = tmp.resolve("v.json");
        Run ev = run("evaluate", "--model", model.toString(), "--data", "synthetic:rule:600", "--json", v.toString(), "--rows", "40");
        assertEquals(0, ev.code(), ev.err());
        assertEquals(1.0, json(v).getAsJsonObject("fidelity").get("simulatable_agreement").getAsDouble());
        assertTrue(json(v).get("data_matches_training").getAsBoolean(), "the training data is recognised");
        assertFalse(ev.err().contains("not the data"), ev.err());
        assertTrue(json(e).get("data_matches_training").getAsBoolean());
    }

    @Test
    void optionsOutOfRangeAreOneLineNamingTheOptionAndItsRange() {
        assertOneLineError(run("train", "tree", "--data", "synthetic:rule:300", "-o", "max-depth=0"),
                "option max-depth must be an integer in [1, 1000], got 0");
        assertOneLineError(run("train", "tree", "--data", "synthetic:rule:300", "--max-leaves", "0"),
                "option max-leaves must be an integer in [1, ∞), got 0");
        assertOneLineError(run("train", "rules", "--data", "synthetic:rule:300", "-o", "restarts=0"),
                "option restarts must be an integer in [1, 100], got 0");
        assertOneLineError(run("train", "rules", "--data", "synthetic:rule:300", "-o", "balance=2"),
                "option balance must be true, false or a number in [0, 1], got '2'");
        assertOneLineError(run("train", "mlp", "--data", "synthetic:rule:300", "--lr", "0"), "option lr must be a number in (0, 10]");
        assertOneLineError(run("train", "cem", "--data", "synthetic:xor", "--mode", "sequential"), "option mode must be one of joint");
        assertOneLineError(run("train", "logistic", "--data", "synthetic:rule:300", "-o", "depth=3"), "unknown option 'depth' for model logistic");
    }

    @Test
    void trainHelpListsTheModelsAndOneModelsOptionsWithDefaults() {
        Run all = run("train", "--help");
        assertEquals(0, all.code(), all.err());
        for (ModelFamily f : ModelFamilies.all()) {
            assertTrue(all.out().contains("\n  " + f.kind() + " "), "train --help lists " + f.kind() + ":\n" + all.out());
        }
        Run rules = run("train", "rules", "--help");
        assertEquals(0, rules.code(), rules.err());
        for (OptionTable.Spec s : RulesFamily.OPTIONS.specs()) {
            assertTrue(rules.out().contains("  " + s.name() + " ") && rules.out().contains("(default " + s.defaultText() + "; "),
                    "rules option " + s.name() + " with its default in:\n" + rules.out());
        }
        assertTrue(rules.out().contains("(default 5; [1, 100])"), "restarts: " + rules.out());
        assertTrue(run("train", "nonsuch", "--help").out().contains("unknown model 'nonsuch'"));
    }

    @Test
    void trainingResultsAreInTrainingNotOptionsAndOtherDataIsFlagged() throws IOException {
        Path model = tmp.resolve("m");
        Path f = tmp.resolve("f.json");
        Run t = run("train", "mlp", "--data", "synthetic:rule:600", "--seed", "1", "--out", model.toString(),
                "--json", f.toString(), "--epochs", "8");
        assertEquals(0, t.code(), t.err());
        JsonObject o = json(f);
        int best = o.getAsJsonObject("training").get("best_epoch").getAsInt();
        assertTrue(best >= 1 && best <= 8, "best epoch " + best);
        assertTrue(o.getAsJsonObject("training").has("stop_reason"));
        for (String k : o.getAsJsonObject("options").keySet()) {
            assertFalse(k.contains("best") || k.contains("valid"), "a training result under options: " + k);
        }
        Path v = tmp.resolve("v.json");
        Run ev = run("evaluate", "--model", model.toString(), "--data", "synthetic:rule:900", "--json", v.toString(),
                "--rows", "20", "--explainer", "random");
        assertEquals(0, ev.code(), ev.err());
        assertFalse(json(v).get("data_matches_training").getAsBoolean());
        assertEquals(1, ev.err().lines().filter(l -> l.contains("not the data the model was trained on")).count(), ev.err());
    }

    @Test
    void malformedCsvIsOneLineNamingFileAndLine() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "a,b,y\n1,2,x\n3,4\n");
        assertOneLineError(run("train", "logistic", "--data", bad.toString()), bad + ":3:");
    }

    @Test
    void badInputIsExitCodeTwoWithOneLine() throws IOException {
        assertOneLineError(run("train", "nosuchmodel", "--data", "synthetic:rule"), "unknown model");
        assertOneLineError(run("train", "logistic", "--data", "synthetic:rule", "-o", "depth=3"), "unknown option 'depth'");
        assertOneLineError(run("train", "logistic"), "--data");
        assertOneLineError(run("train", "logistic", "--data", "synthetic:rule", "--device", "tpu"), "device");
        assertOneLineError(run("explain", "--model", tmp.resolve("none").toString(), "--data", "synthetic:rule"), "not a model directory");
        assertOneLineError(run("distill", "--teacher", "nosuch", "--data", "synthetic:rule"), "unknown model");
        Path corrupt = tmp.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve("manifest.json"), "{");
        Files.writeString(corrupt.resolve("manifest.sha256"), "00");
        assertOneLineError(run("explain", "--model", corrupt.toString(), "--data", "synthetic:rule"), "checksum");
    }

    @Test
    void crossValidationReportsEveryFoldsScoreAndSize() throws IOException {
        Path out = tmp.resolve("cv.json");
        assertEquals(0, run("train", "tree", "--data", "synthetic:rule:300", "--seed", "1", "--cv", "3", "--json", out.toString()).code());
        JsonObject cv = json(out).getAsJsonObject("cv");
        assertEquals(3, cv.getAsJsonArray("macro_f1").size());
        assertEquals(3, cv.getAsJsonArray("complexity").size());
        double mean = 0;
        for (JsonElement e : cv.getAsJsonArray("macro_f1")) {
            mean += e.getAsDouble() / 3;
        }
        assertEquals(cv.get("macro_f1_mean").getAsDouble(), mean, 1e-12);
        for (JsonElement e : cv.getAsJsonArray("complexity")) {
            assertTrue(e.getAsJsonObject().get("size").getAsInt() > 0, "each fold's tree has a size");
        }
    }

    @Test
    void rowsOutsideTheDataAreRefused() {
        Path model = tmp.resolve("m");
        assertEquals(0, run("train", "logistic", "--data", "synthetic:rule:200", "--out", model.toString()).code());
        assertOneLineError(run("explain", "--model", model.toString(), "--data", "synthetic:rule:200", "--rows", "190:300"), "outside");
        assertOneLineError(run("explain", "--model", model.toString(), "--data", "synthetic:rule:200", "--rows", "x"), "--rows");
    }

    @Test
    void demoWritesItsJsonAndReport() throws Exception {
        Path out = tmp.resolve("demo");
        Run r = run("demo", "--out", out.toString(), "--rows", "800");
        assertEquals(0, r.code(), r.err());
        JsonObject o = json(out.resolve("demo.json"));
        assertEquals(ModelFamilies.all().size() + 1, o.getAsJsonObject("comparison").getAsJsonArray("models").size()
                + o.getAsJsonObject("comparison").getAsJsonArray("skipped").size(),
                "every registered model, trained or skipped with a reason, plus the tree distilled from the best black box");
        for (var m : o.getAsJsonObject("comparison").getAsJsonArray("models")) {
            JsonObject mo = m.getAsJsonObject();
            assertTrue(mo.has("simulability") && mo.getAsJsonObject("simulability").has("size"), mo.get("model") + " has an explanation size");
            assertTrue(mo.getAsJsonObject("test").has("macro_f1"));
            for (String metric : new String[] {"deletion_auc", "comprehensiveness", "faithfulness_correlation"}) {
                assertTrue(mo.has("fidelity") && mo.getAsJsonObject("fidelity").has(metric)
                        && Double.isFinite(mo.getAsJsonObject("fidelity").get(metric).getAsDouble()),
                        mo.get("model") + " has a numeric fidelity." + metric + " (every explanation under the same metrics)");
            }
            double f1 = mo.getAsJsonObject("truth").get("column_f1").getAsDouble();
            assertTrue(f1 >= 0 && f1 <= 1, mo.get("model") + " truth.column_f1 " + f1);
        }
        Optional<String> chrome = ReportInBrowserTest.chromium();
        if (chrome.isPresent()) { // the demo's own report, all twelve models, laid out in a real browser
            ReportInBrowserTest.assertFitsAt1280And1600(chrome.get(), out.resolve("report.html"), 12,
                    Files.createDirectories(tmp.resolve("browser")));
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg class=\"chart\"") && html.contains("Pareto"));
        JsonObject results = json(out.resolve("results.json"));
        assertTrue(results.has("models"), "results.json parses strictly");
        assertTrue(results.getAsJsonObject("baseline").getAsJsonObject("test").get("accuracy").getAsDouble() > 0.5, "majority baseline");
        assertTrue(results.getAsJsonObject("global_effects").get("svg").getAsString().contains("polyline"), "PDP of the best black box");
        assertTrue(html.contains("What the best black box does") && html.contains("Baseline: always predicting"), "both in the report");
        assertTrue(html.contains("Against the known truth") && html.contains("conditions on true columns"), "the truth table");
        assertTrue(html.contains("layer-wise relevance propagation"), "LRP of the mlp in the report");
        assertTrue(html.contains("<h3>Shape functions</h3>"), "nam/ga2m shapes");
        // the demo's table has no pair worth fitting (pair-min-gain): pair maps are drawn exactly when ga2m kept pairs
        boolean pairs = false;
        for (var m : results.getAsJsonArray("models")) {
            JsonObject mo = m.getAsJsonObject();
            if (mo.get("model").getAsString().equals("ga2m")) {
                pairs = !mo.getAsJsonObject("training").get("pairs").getAsString().isEmpty();
            }
        }
        assertEquals(pairs, html.contains("<h3>Pairwise interactions</h3>"), "pair maps exactly when ga2m has pairs");
        for (var m : o.getAsJsonObject("comparison").getAsJsonArray("models")) {
            assertFamilyExtras(m.getAsJsonObject());
        }
        assertTrue(o.getAsJsonObject("ground_truth_check").get("tree_uses_exactly_the_relevant_columns").getAsBoolean());
        assertEquals(4, o.getAsJsonArray("scores").size());
        assertTrue(Files.readString(out.resolve("report.txt")).contains("true rule"));
        String rules = o.getAsJsonObject("rules").get("rules").getAsString();
        assertTrue(rules.contains("IF ") && rules.contains("income"), "the rule model's list is shown and uses the rule's columns: " + rules);
        assertTrue(Files.readString(out.resolve("report.txt")).contains("Rules: the rule model's crisp IF-THEN list"));
    }

    /** What each family adds to the demo's results: stated columns, shape functions with densities, LRP beside KernelSHAP. */
    private static void assertFamilyExtras(JsonObject mo) {
        if (List.of("rules", "tree", "sparse-mlp", "lassonet").contains(mo.get("model").getAsString())) {
            assertTrue(mo.getAsJsonObject("truth").has("stated_columns"), mo.get("model") + " states its columns");
        }
        if (List.of("nam", "ga2m").contains(mo.get("model").getAsString())) {
            JsonObject sh = mo.getAsJsonObject("shapes");
            assertEquals(8, sh.getAsJsonArray("curves").size(), mo.get("model") + " draws one shape per column");
            for (var c : sh.getAsJsonArray("curves")) {
                double sum = 0;
                for (var d : c.getAsJsonObject().getAsJsonArray("density")) {
                    sum += d.getAsDouble();
                }
                assertEquals(1, sum, 1e-3, "densities of " + c.getAsJsonObject().get("column") + " add up to one");
            }
            assertTrue(mo.get("model").getAsString().equals("ga2m") || sh.getAsJsonArray("pairs").isEmpty(), "only ga2m has pairs");
            if (mo.get("model").getAsString().equals("ga2m")) {
                assertEquals(!mo.getAsJsonObject("training").get("pairs").getAsString().isEmpty(), !sh.getAsJsonArray("pairs").isEmpty(),
                        "ga2m's pair maps are the pairs it kept");
            }
        }
        if (mo.get("model").getAsString().equals("mlp")) {
            JsonObject lrp = mo.getAsJsonArray("examples").get(0).getAsJsonObject().getAsJsonObject("lrp");
            assertTrue(lrp.get("method").getAsString().startsWith("lrp"), "the mlp's rows carry LRP beside KernelSHAP: " + lrp);
        }
    }

    @Test
    void benchWritesStepsPerSecond() throws IOException {
        Path f = tmp.resolve("b.json");
        Run r = run("bench", "train-step", "--steps", "100", "--json", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(json(f).get("steps_per_second").getAsDouble() > 0);
        assertOneLineError(run("bench", "nope"), "unknown benchmark");
    }
}
