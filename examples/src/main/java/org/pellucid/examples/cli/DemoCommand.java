package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.TreePathExplanation;
import org.pellucid.core.io.ExplanationJson;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.models.LogisticModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.ProgressListener;
import org.pellucid.eval.Evaluation;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Output;
import org.pellucid.examples.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job on a built-in credit table whose true rule is known (no data directory needed).",
                "Every model trained and compared; the transparent ones explained and checked against the truth; a black "
                + "box explained by KernelSHAP; every explanation scored. Writes report.html, results.json, demo.json and "
                + "report.txt to --out."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "pellucid-demo", paramLabel = "DIR", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--rows", defaultValue = "3000", description = "Rows of synthetic data (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the split, the models and the explainers (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Cli.requireDirectory(out, "--out");
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rows < 100) {
            throw new Pellucid.UsageException("--rows must be at least 100, got " + rows);
        }
        StringWriter buf = new StringWriter();
        PrintWriter report = new PrintWriter(buf);
        Consumer<String> say = line -> say(console, report, line);
        Dataset d = SyntheticData.rule(rows, 42);
        say.accept("Pellucid demo — " + d.size() + " loan applications, 8 columns; the true rule is:");
        say.accept("  " + SyntheticData.RULE_TEXT);
        say.accept("  (relevant columns: " + SyntheticData.RULE_RELEVANT + "; the other five are noise)");
        say.accept("");
        CompareCommand.Comparison comparison = compareAll(d, say, err);
        JsonObject cmp = comparison.json();
        TreeSection tree = tree(d, say);
        JsonArray expl = explainTwoRows(d, tree, comparison, say);
        JsonArray scores = scores(tree.run(), comparison, say);
        JsonObject conceptDemo = concepts(comparison.of("cbm"), say);
        JsonObject ruleDemo = rules(comparison.of("rules"), cmp, say);

        JsonObject root = new JsonObject();
        root.addProperty("dataset", "synthetic:rule");
        root.addProperty("true_rule", SyntheticData.RULE_TEXT);
        root.add("comparison", cmp);
        JsonObject check = new JsonObject();
        JsonArray u = new JsonArray();
        tree.used().forEach(u::add);
        check.add("tree_columns", u);
        check.addProperty("tree_uses_exactly_the_relevant_columns", tree.exact());
        check.addProperty("tree_test_accuracy", tree.run().accuracy());
        root.add("ground_truth_check", check);
        root.add("explanations", expl);
        root.add("scores", scores);
        root.add("concepts", conceptDemo);
        root.add("rules", ruleDemo);
        report.flush();
        Cli.writeJson(out.resolve("demo.json"), root);
        Cli.writeText(out.resolve("report.txt"), buf.toString());
        Cli.writeJson(out.resolve("results.json"), cmp);
        Cli.writeText(out.resolve("report.html"), HtmlReport.render(cmp));
        console.println();
        console.println("wrote " + out.resolve("report.html") + " (open it in a browser), " + out.resolve("results.json") + ", "
                + out.resolve("demo.json") + " and " + out.resolve("report.txt"));
        return Pellucid.OK;
    }

    /** Every family that fits the table, trained, explained and scored, with its table printed. */
    private CompareCommand.Comparison compareAll(Dataset d, Consumer<String> say, PrintWriter err) {
        StringWriter table = new StringWriter();
        // the demo's rule list is read by people: it may cost up to 0.01 of validation macro-F1 to
        // drop conditions and rules (measured: 8 rules, 13 conditions, test accuracy 0.990 → 5 rules,
        // 6 conditions, 0.987); the library default removes only what costs nothing
        CompareCommand.Comparison comparison = CompareCommand.run(d, ModelFamilies.all(), seed, DeviceChoice.CPU, 0, 100, true,
                Map.of("rules", Map.of("simplify-tolerance", "0.01")), new PrintWriter(table, true), err);
        JsonObject cmp = comparison.json();
        cmp.addProperty("title", "Pellucid demo: who finds the true rule?");
        cmp.addProperty("truth", SyntheticData.RULE_TEXT + " — relevant columns " + SyntheticData.RULE_RELEVANT
                + "; the other five are noise. Concepts given to cbm/cem: " + SyntheticData.RULE_CONCEPTS + ".");
        markGroundTruth(cmp);
        say.accept(table.toString().stripTrailing());
        say.accept("");
        return comparison;
    }

    /** The 8-leaf tree, its run, the columns it uses and whether they are exactly the rule's. */
    private record TreeSection(Experiment.Result run, InterpretableModel<TreePathExplanation> model, List<String> used, boolean exact) {}

    private TreeSection tree(Dataset d, Consumer<String> say) {
        TrainConfig cfg = new TrainConfig(seed, DeviceChoice.CPU, ProgressListener.silent(), Map.of());
        Experiment.Result treeRun = Experiment.run(ModelFamilies.get("tree"), d, cfg.with("max-leaves", "8"), 0);
        @SuppressWarnings("unchecked") // the tree family's models explain by their decision path
        InterpretableModel<TreePathExplanation> tree = (InterpretableModel<TreePathExplanation>) treeRun.model();
        say.accept("The tree (8 leaves at most), as a person reads it:");
        say.accept(tree.describe().toText().stripTrailing());
        List<String> used = tree.describe().features();
        boolean exact = used.size() == SyntheticData.RULE_RELEVANT.size() && used.containsAll(SyntheticData.RULE_RELEVANT);
        say.accept("  columns it uses: " + used + (exact ? " — exactly the relevant ones" : ""));
        say.accept("");
        return new TreeSection(treeRun, tree, used, exact);
    }

    /** Two test rows explained by the tree's path, the logistic model's exact terms and KernelSHAP on gbm. */
    private JsonArray explainTwoRows(Dataset d, TreeSection tree, CompareCommand.Comparison comparison, Consumer<String> say) {
        Dataset test = tree.run().test();
        LogisticModel logistic = (LogisticModel) comparison.of("logistic").model(); // the same seed and split: the models compare just trained
        Experiment.Result gb = comparison.of("gbm");
        KernelShap shap = new KernelShap(KernelShap.sampleBackground(gb.train(), 50, seed), Output.PROBABILITY, 1024, 10, 8192, seed);
        JsonArray expl = new JsonArray();
        say.accept("Two test rows, explained three ways:");
        for (int i = 0; i < 2; i++) {
            var x = test.row(i);
            say.accept("row " + i + " " + x + ", true " + d.schema().classes().get(test.label(i)));
            var path = tree.model().explain(x);
            say.accept("  tree: " + path.explanation().toText().strip());
            Explained<FeatureAttribution> e = logistic.explain(x);
            say.accept("  logistic (contributions to the logit of 'approve' relative to the average applicant; they add up exactly):");
            say.accept(indent(e.explanation().toText()));
            int cls = gb.model().predict(x).classIndex();
            FeatureAttribution s = shap.explain(gb.model(), x, cls);
            say.accept("  gbm, a black box, by KernelSHAP (exact Shapley values, " + x.size() + " columns):");
            say.accept(indent(s.toText()));
            JsonObject o = new JsonObject();
            o.addProperty("row", i);
            o.add("tree", ExplanationJson.toJson(path.explanation()));
            o.add("logistic", ExplanationJson.toJson(e.explanation()));
            o.add("gbm_kernel_shap", ExplanationJson.toJson(s));
            expl.add(o);
        }
        return expl;
    }

    /** Four explanations scored on 100 test rows, one line each. */
    private JsonArray scores(Experiment.Result treeRun, CompareCommand.Comparison comparison, Consumer<String> say) {
        Experiment.Result lr = comparison.of("logistic");
        Experiment.Result gb = comparison.of("gbm");
        say.accept("Every explanation scored on 100 test rows (95% bootstrap intervals in demo.json):");
        say.accept(String.format(Locale.ROOT, "  %-26s %12s %12s %12s %10s %12s", "model / explainer", "deletion AUC",
                "comprehens.", "faithfulness", "size", "simulatable"));
        JsonArray scores = new JsonArray();
        Object[][] runs = {{"logistic", lr, "built-in"}, {"tree", treeRun, "built-in"}, {"gbm", gb, "kernel-shap"}, {"gbm", gb, "random"}};
        for (Object[] r : runs) {
            Experiment.Result res = (Experiment.Result) r[1];
            Evaluation.Settings st = new Evaluation.Settings((String) r[2], Output.PROBABILITY, 100, 50, 1024, 10, 3, seed);
            JsonObject sc = Evaluation.run(res.model(), res.train(), res.test(), st);
            sc.addProperty("model", (String) r[0]);
            scores.add(sc);
            say.accept(String.format(Locale.ROOT, "  %-26s %12s %12s %12s %10s %12s", r[0] + " / " + r[2],
                    num(sc, "fidelity", "deletion_auc"), num(sc, "fidelity", "comprehensiveness"),
                    num(sc, "fidelity", "faithfulness_correlation"), num(sc, "simulability", "size"),
                    num(sc, "fidelity", "simulatable_agreement")));
        }
        say.accept("  (deletion AUC: lower is better; comprehensiveness and faithfulness: higher; size: columns or path");
        say.accept("   steps a reader follows; simulatable: how often the explanation run by hand gives the prediction)");
        say.accept("");
        return scores;
    }

    /** The concept model's measurements, one row's concepts, and an intervention on it. */
    private static JsonObject concepts(Experiment.Result cr, Consumer<String> say) {
        say.accept("Concepts: a bottleneck model reads the rule's three conditions (" + SyntheticData.RULE_CONCEPTS
                + ") first, then decides from them alone.");
        HasConcepts cbm = (HasConcepts) cr.model();
        JsonObject conceptDemo = cbm.conceptMetrics(cr.test());
        say.accept(String.format(Locale.ROOT, "  test accuracy %.3f, concept accuracy %.3f, leakage %+.3f", cr.accuracy(),
                conceptDemo.get("concept_accuracy").getAsDouble(), conceptDemo.get("leakage").getAsDouble()));
        int pick = 0; // the first test row the model approves, so the intervention has something to change
        for (int i = 0; i < cr.test().size(); i++) {
            if (cbm.predict(cr.test().row(i)).classIndex() == 1) {
                pick = i;
                break;
            }
        }
        var cx = cr.test().row(pick);
        var ce = cbm.explain(cx, null);
        say.accept("  test row " + pick + " " + cx + ": predicted " + ce.prediction().className());
        say.accept(indent(ce.explanation().toText()));
        double[] given = {Double.NaN, Double.NaN, 1};
        var after = cbm.explain(cx, given);
        say.accept("  intervention: say the applicant is unemployed (unemployed = 1) → predicted "
                + after.prediction().className() + String.format(Locale.ROOT, " (p = %.3f)",
                after.prediction().probability(after.prediction().classIndex())));
        conceptDemo.addProperty("row", pick);
        conceptDemo.add("explanation", ExplanationJson.toJson(ce.explanation()));
        conceptDemo.add("if_unemployed", ExplanationJson.toJson(after.explanation()));
        say.accept("");
        return conceptDemo;
    }

    /** The rule model's list beside the true rule, and how the stated models' columns compare with the truth. */
    private static JsonObject rules(Experiment.Result rr, JsonObject cmp, Consumer<String> say) {
        var ruleList = ((InterpretableModel<?>) rr.model()).describe();
        say.accept(String.format(Locale.ROOT, "Rules: the rule model's crisp IF-THEN list is the model itself "
                + "(test accuracy %.3f); compare it with the true rule above:", rr.accuracy()));
        say.accept(indent(ruleList.toText().stripTrailing()));
        for (String name : List.of("rules", "sparse-mlp", "lassonet")) {
            statedAgainstTruth(cmp, name).ifPresent(say);
        }
        JsonObject ruleDemo = new JsonObject();
        ruleDemo.addProperty("test_accuracy", rr.accuracy());
        ruleDemo.addProperty("rules", ruleList.toText());
        return ruleDemo;
    }

    /**
     * For each model: which columns its explanations rank highest (mean |attribution| or the columns
     * its global description uses), and whether the top three are exactly the rule's columns.
     */
    static void markGroundTruth(JsonObject cmp) {
        for (var e : cmp.getAsJsonArray("models")) {
            JsonObject m = e.getAsJsonObject();
            List<String> top = new ArrayList<>();
            if (m.has("mean_abs_attribution")) {
                var imp = m.getAsJsonObject("mean_abs_attribution");
                imp.keySet().stream().sorted((a, b) -> Double.compare(imp.get(b).getAsDouble(), imp.get(a).getAsDouble()))
                        .limit(SyntheticData.RULE_RELEVANT.size()).forEach(top::add);
            }
            if (!top.isEmpty()) {
                JsonArray t = new JsonArray();
                top.forEach(t::add);
                m.add("top_columns", t);
                boolean found = new HashSet<>(top).equals(new HashSet<>(SyntheticData.RULE_RELEVANT));
                m.addProperty("found_the_relevant_columns", found);
                m.addProperty("description", (m.has("description") ? m.get("description").getAsString() + ". " : "")
                        + "Top " + top.size() + " columns by its explanations: " + top + (found ? " — exactly the rule's columns."
                        : " — not the rule's columns " + SyntheticData.RULE_RELEVANT + "."));
            }
        }
    }

    /** One line: the columns a model says it uses and, for a stated form, its conditions on the rule's columns. */
    static Optional<String> statedAgainstTruth(JsonObject cmp, String model) {
        for (var e : cmp.getAsJsonArray("models")) {
            JsonObject m = e.getAsJsonObject();
            if (!m.get("model").getAsString().equals(model) || !m.has("truth")) {
                continue;
            }
            JsonObject t = m.getAsJsonObject("truth");
            if (!t.has("stated_columns")) {
                return Optional.empty();
            }
            List<String> cols = new ArrayList<>();
            t.getAsJsonArray("stated_columns").forEach(c -> cols.add(c.getAsString()));
            long hits = cols.stream().filter(SyntheticData.RULE_RELEVANT::contains).count();
            String line = String.format(Locale.ROOT, "  %s uses %d columns %s, %d of them the rule's", model, cols.size(), cols, hits);
            if (t.has("conditions")) {
                line += String.format(Locale.ROOT, "; %d of its %d conditions (%.0f%%) are on the rule's columns",
                        t.get("conditions_on_relevant").getAsInt(), t.get("conditions").getAsInt(),
                        100 * t.get("conditions_on_relevant_share").getAsDouble());
            }
            return Optional.of(line + String.format(Locale.ROOT, " (test accuracy %.3f)",
                    m.getAsJsonObject("test").get("accuracy").getAsDouble()));
        }
        return Optional.empty();
    }

    private static String num(JsonObject sc, String group, String key) {
        JsonObject g = sc.getAsJsonObject(group);
        return g.has(key) ? String.format(Locale.ROOT, "%.3f", g.get(key).getAsDouble()) : "—";
    }

    private static String indent(String text) {
        return text.stripTrailing().lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static void say(PrintWriter a, PrintWriter b, String line) {
        a.println(line);
        b.println(line);
    }
}
