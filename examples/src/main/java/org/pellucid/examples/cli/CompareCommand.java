package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.Explanation;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.ExplanationJson;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.ConvolutionalModel;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.model.HasShapeFunctions;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Scores;
import org.pellucid.core.models.MlpModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.SurrogateDistiller;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.ProgressListener;
import org.pellucid.eval.Evaluation;
import org.pellucid.eval.explainers.Explainer;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Lrp;
import org.pellucid.eval.explainers.Output;
import org.pellucid.eval.global.PartialDependence;
import org.pellucid.examples.report.EffectCharts;
import org.pellucid.examples.report.HtmlReport;
import org.pellucid.examples.report.ShapeCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Train, explain and score every model that fits the data, side by side.",
                "One stratified split; built-in explanations for transparent models, KernelSHAP for black boxes; every "
                + "explanation scored; JSON and an HTML report. A tree distilled from the most accurate black box (on "
                + "validation) is added to the comparison."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--models", split = ",", paramLabel = "a,b,c", description = "Models to compare (default: every one that fits the data).")
    List<String> models;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the split, the models and the explainers (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--cv", paramLabel = "K", defaultValue = "0", description = "Also run stratified K-fold cross-validation of every model (default ${DEFAULT-VALUE}: none).")
    int cv;

    @Option(names = "--rows", defaultValue = "100", description = "Test rows explained and scored per model (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write a self-contained HTML report.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the comparison as one JSON object.")
    Path json;

    @Override
    public Integer call() {
        Cli.requireWritable(json, "--json");
        Cli.requireWritable(report, "--report");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rows < 1) {
            throw new Pellucid.UsageException("--rows must be at least 1, got " + rows);
        }
        List<ModelFamily> families = new ArrayList<>();
        if (models == null) {
            families.addAll(ModelFamilies.all());
        } else {
            for (String m : models) {
                families.add(ModelFamilies.get(m.trim()));
            }
        }
        Dataset d = Cli.load(dataOptions, err);
        JsonObject root = run(d, families, seed, DeviceChoice.parse(device), cv, rows, models == null, out, err).json();
        if (json != null) {
            Cli.writeJson(json, root);
            out.println("wrote " + json);
        }
        if (report != null) {
            root.addProperty("title", "Pellucid comparison on " + d.name());
            Cli.writeText(report, HtmlReport.render(root));
            out.println("wrote " + report);
        }
        return Pellucid.OK;
    }

    /**
     * Trains every family on the same split; unsuitable families are skipped with their reason.
     * Each trained model is explained on up to {@code rows} test rows and scored.
     */
    /** The comparison's JSON and the trained models behind it, for callers that go on using them. */
    record Comparison(JsonObject json, List<Experiment.Result> results) {
        /** The model trained by the family of this kind (the first, so not the distilled tree). */
        Experiment.Result of(String kind) {
            return results.stream().filter(r -> r.family().kind().equals(kind)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(kind + " was not trained in this comparison"));
        }
    }

    static Comparison run(Dataset d, List<ModelFamily> families, long seed, DeviceChoice device, int cv, int rows,
                          boolean distillFromBest, PrintWriter out, PrintWriter err) {
        return run(d, families, seed, device, cv, rows, distillFromBest, Map.of(), out, err);
    }

    /** @param options per model kind, options that differ from the family's defaults */
    static Comparison run(Dataset d, List<ModelFamily> families, long seed, DeviceChoice device, int cv, int rows,
                          boolean distillFromBest, Map<String, Map<String, String>> options, PrintWriter out, PrintWriter err) {
        JsonObject root = new JsonObject();
        root.addProperty("dataset", d.name());
        root.addProperty("rows", d.size());
        root.addProperty("generated", LocalDate.now().toString() + ", seed " + seed);
        JsonArray arr = new JsonArray();
        JsonArray skipped = new JsonArray();
        List<Experiment.Result> results = new ArrayList<>();
        List<JsonObject> rowsJson = new ArrayList<>();
        for (ModelFamily f : families) {
            var why = f.unsuitable(d);
            if (why.isPresent()) {
                err.println("pellucid: skipping " + f.kind() + ": " + why.get());
                JsonObject s = new JsonObject();
                s.addProperty("model", f.kind());
                s.addProperty("reason", why.get());
                skipped.add(s);
                continue;
            }
            err.println("pellucid: training " + f.kind() + " …");
            TrainConfig cfg = new TrainConfig(seed, device, ProgressListener.summary(f.kind(), System.err),
                    options.getOrDefault(f.kind(), Map.of()));
            Experiment.Result r = Experiment.run(f, d, cfg, cv);
            results.add(r);
            JsonObject o = Experiment.toJson(r, d, seed, Map.of());
            o.addProperty("description", f.description());
            score(r.model(), r, o, rows, seed, err);
            rowsJson.add(o);
        }
        if (distillFromBest && d.schema().isClassification()) {
            distillFromBest(results, rowsJson, d, seed, rows, err);
        }
        rowsJson.forEach(arr::add);
        out.printf("%-14s %-12s %9s %9s %12s %10s %8s%n", "model", "kind", "accuracy", "macro-F1", "deletion AUC", "expl. size", "train s");
        for (JsonObject o : rowsJson) {
            out.printf(Locale.ROOT, "%-14s %-12s %9.4f %9.4f %12s %10s %8.1f%n", o.get("model").getAsString(), o.get("kind").getAsString(),
                    o.getAsJsonObject("test").get("accuracy").getAsDouble(), o.getAsJsonObject("test").get("macro_f1").getAsDouble(),
                    fmt(o, "fidelity", "deletion_auc"), fmt(o, "simulability", "size"),
                    o.getAsJsonObject("timing").get("train_seconds").getAsDouble());
        }
        root.add("models", arr);
        root.add("skipped", skipped);
        if (!results.isEmpty() && d.schema().isClassification()) {
            root.add("baseline", majorityBaseline(results.get(0)));
            globalEffects(results, root, err);
        }
        return new Comparison(root, results);
    }

    /**
     * Distils a 16-leaf tree from the most accurate black box on validation (TREPAN-style sampling) and
     * adds it, scored like the others, to {@code results} and {@code rowsJson}.
     */
    private static void distillFromBest(List<Experiment.Result> results, List<JsonObject> rowsJson, Dataset d, long seed,
                                        int rows, PrintWriter err) {
        Experiment.Result best = null;
        double bestValid = -1;
        for (Experiment.Result r : results) {
            if (r.family().transparent()) {
                continue;
            }
            double v = Experiment.score(r.model(), r.valid())[0];
            if (v > bestValid) {
                bestValid = v;
                best = r;
            }
        }
        if (best != null) {
            err.println("pellucid: distilling a 16-leaf tree from " + best.family().kind() + " …");
            long t0 = System.nanoTime();
            SurrogateDistiller distiller = SurrogateDistiller.find();
            SurrogateDistiller.Surrogate dr = distiller.distill(best.model(), best.train(),
                    new SurrogateDistiller.Settings(16, 12, 5, 100, false, seed));
            double secs = (System.nanoTime() - t0) / 1e9;
            double[] sc = Experiment.score(dr.model(), best.test());
            Experiment.Result r = new Experiment.Result(ModelFamilies.get("tree"), dr.model(), best.train(), best.valid(),
                    best.test(), sc[0], sc[1], secs, null, null);
            JsonObject o = Experiment.toJson(r, d, seed, Map.of());
            String name = "tree←" + best.family().kind();
            o.addProperty("model", name);
            o.addProperty("description", "a 16-leaf decision tree distilled from " + best.family().kind()
                    + " (the most accurate black box on validation), with TREPAN-style sampling");
            o.addProperty("teacher_agreement", distiller.fidelity(dr.model(), best.model(), best.test()).agreement());
            score(dr.model(), r, o, rows, seed, err);
            results.add(r);
            rowsJson.add(o);
        }
    }

    /** What always predicting the training split's most frequent class scores on the test split: the floor every model must beat. */
    static JsonObject majorityBaseline(Experiment.Result r) {
        int[] counts = r.train().classCounts();
        int major = 0;
        for (int c = 1; c < counts.length; c++) {
            major = counts[c] > counts[major] ? c : major;
        }
        int[] truth = r.test().labels();
        int[] pred = new int[truth.length];
        Arrays.fill(pred, major);
        JsonObject b = new JsonObject();
        b.addProperty("model", "majority class");
        b.addProperty("predicts", r.train().schema().classes().get(major));
        JsonObject t = new JsonObject();
        t.addProperty("accuracy", Scores.accuracy(truth, pred));
        t.addProperty("macro_f1", Scores.macroF1(truth, pred, counts.length));
        b.add("test", t);
        return b;
    }

    /**
     * Partial dependence (with ICE) of the most accurate black box on its three most important
     * columns (by mean |attribution|), as an SVG for the report: what the black box does with the
     * columns it leans on.
     */
    static void globalEffects(List<Experiment.Result> results, JsonObject root, PrintWriter err) {
        Experiment.Result best = null;
        for (Experiment.Result r : results) {
            if (!r.family().transparent() && r.test().schema().featureCount() > 0 && !r.test().hasTokens()
                    && (best == null || r.accuracy() > best.accuracy())) {
                best = r;
            }
        }
        if (best == null) {
            return;
        }
        JsonObject model = null;
        for (var e : root.getAsJsonArray("models")) {
            if (e.getAsJsonObject().get("model").getAsString().equals(best.family().kind())) {
                model = e.getAsJsonObject();
            }
        }
        if (model == null || !model.has("mean_abs_attribution")) {
            return;
        }
        JsonObject imp = model.getAsJsonObject("mean_abs_attribution");
        List<String> top = imp.keySet().stream().sorted((a, b) -> Double.compare(imp.get(b).getAsDouble(), imp.get(a).getAsDouble()))
                .limit(3).toList();
        Dataset train = best.train();
        int target = train.schema().classes().size() == 2 ? 1 : 0;
        List<PartialDependence> curves = new ArrayList<>();
        for (String c : top) {
            curves.add(PartialDependence.of(best.model(), train, train.schema().indexOf(c), target,
                    Output.PROBABILITY, 20, 300, 20, 1));
        }
        err.println("pellucid: partial dependence of " + best.family().kind() + " on " + top + " …");
        JsonObject g = new JsonObject();
        g.addProperty("model", best.family().kind());
        JsonArray cols = new JsonArray();
        top.forEach(cols::add);
        g.add("columns", cols);
        g.addProperty("svg", EffectCharts.pdp(curves));
        root.add("global_effects", g);
    }

    private static String fmt(JsonObject o, String group, String key) {
        if (!o.has(group) || !o.getAsJsonObject(group).has(key)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.3f", o.getAsJsonObject(group).get(key).getAsDouble());
    }

    /** Explains the model on test rows, scores the explanations and adds global and example explanations to o. */
    static void score(Savable model, Experiment.Result r, JsonObject o, int rows, long seed, PrintWriter err) {
        boolean interpretable = model instanceof InterpretableModel<?>;
        String explainer = interpretable ? "built-in" : "kernel-shap";
        o.addProperty("explainer", explainer);
        Dataset test = r.test();
        if (!test.schema().isClassification()) {
            o.addProperty("explanation_metrics", "not computed: they are defined for classifiers");
            return;
        }
        err.println("pellucid: explaining and scoring " + o.get("model").getAsString() + " (" + explainer + ", "
                + Math.min(rows, test.size()) + " rows) …");
        Evaluation.Settings st = new Evaluation.Settings(explainer, Output.PROBABILITY, rows, 50, 1024, 10, 5, seed);
        JsonObject sc = Evaluation.run(model, r.train(), test, st);
        for (String k : new String[] {"fidelity", "simulability", "stability", "mean_abs_attribution", "truth"}) {
            if (sc.has(k)) {
                o.add(k, sc.get(k));
            }
        }
        if (sc.has("timing")) {
            o.getAsJsonObject("timing").add("explain_ms_per_row", sc.getAsJsonObject("timing").get("explain_ms_per_row"));
        }
        if (interpretable) {
            var g = ((InterpretableModel<?>) model).describe();
            o.addProperty("global_title", g.title());
            String text = g.toText();
            o.addProperty("global_text", text.length() > 6000 ? text.substring(0, 6000) + "\n… (cut)" : text);
        }
        if (model instanceof HasShapeFunctions hs) {
            o.add("shapes", ShapeCharts.toJson(hs.shapeFunctions(r.train())));
        }
        Explainer post = interpretable ? null : new KernelShap(KernelShap.sampleBackground(r.train(), 50, seed), Output.PROBABILITY,
                1024, 10, 8192, seed);
        JsonArray examples = new JsonArray();
        for (int i = 0; i < Math.min(3, test.size()); i++) {
            examples.add(example(model, post, test, i));
        }
        o.add("examples", examples);
        if (model instanceof HasConcepts cm && test.hasConcepts()) {
            JsonObject c = cm.conceptMetrics(test);
            JsonArray curve = new JsonArray();
            for (double v : cm.interventionCurve(test, HasConcepts.Policy.UNCERTAINTY, seed)) {
                curve.add(v);
            }
            c.add("intervention_curve", curve);
            o.add("concepts", c);
            o.getAsJsonObject("test").addProperty("concept_accuracy", c.get("concept_accuracy").getAsDouble());
        }
        if (model instanceof HasConcepts cm) {
            ConvolutionalModel.of(cm).ifPresent(cv -> o.add("images", ImageReport.toJson(cv, cm, r.train(), test, 3)));
        }
    }

    /**
     * Test row {@code i} explained for the report: the model's own explanation (or KernelSHAP's for a
     * black box) of the predicted class, with LRP beside it for an mlp and interventions for a concept model.
     */
    private static JsonObject example(Savable model, Explainer post, Dataset test, int i) {
        Instance x = test.row(i);
        JsonObject ex = new JsonObject();
        ex.addProperty("row", i);
        ex.addProperty("values", x.toString());
        ex.addProperty("truth", test.schema().classes().get(test.label(i)));
        Prediction p;
        Explanation e;
        if (model instanceof InterpretableModel<?> im) {
            var ed = im.explain(x);
            p = ed.prediction();
            e = ed.explanation();
            if (e instanceof FeatureAttribution && model instanceof ClassAttributable ca) {
                // one explained class per row in every section: the predicted one (a binary logistic
                // model's own explanation speaks of the second class whatever it predicts)
                e = ca.attribution(x, p.classIndex());
            }
        } else {
            p = model.predict(x);
            e = post.explain(model, x, p.classIndex());
        }
        ex.addProperty("predicted", p.className());
        ex.add("explanation", ExplanationJson.toJson(e));
        if (model instanceof MlpModel) {
            // the network's own relevance beside the post-hoc one (Bach et al. 2015), for the same class
            ex.add("lrp", ExplanationJson.toJson(new Lrp(
                    Lrp.Rule.EPSILON, 1e-6).explain(model, x, p.classIndex())));
        }
        if (model instanceof HasConcepts cm && test.hasConcepts()) {
            ex.add("intervention", intervention(cm, x, test.concepts(i)));
            ex.add("what_if", whatIf(cm, x));
        }
        return ex;
    }

    /**
     * An intervention that changes something: the concept the explanation calls decisive (one whose
     * flip alone changes the class, else the one with the largest contribution) set to the opposite
     * of what the encoder predicted, and what the model then says — before and after.
     */
    static JsonObject whatIf(HasConcepts cm, Instance x) {
        var before = cm.explain(x, null);
        var e = before.explanation();
        double[] p = cm.conceptProbabilities(x);
        int c = -1;
        if (!e.flips().isEmpty()) {
            c = cm.conceptNames().indexOf(e.flips().get(0));
        }
        if (c < 0) {
            double best = -1;
            for (int k = 0; k < e.concepts().size(); k++) {
                double a = Math.abs(e.concepts().get(k).contribution());
                if (a > best) {
                    best = a;
                    c = k;
                }
            }
        }
        double[] given = new double[p.length];
        Arrays.fill(given, Double.NaN);
        given[c] = p[c] >= 0.5 ? 0 : 1;
        var after = cm.explain(x, given);
        JsonObject w = new JsonObject();
        String name = cm.conceptNames().get(c);
        w.addProperty("text", "set " + name + " to " + (int) given[c] + " (the encoder said " + String.format(Locale.ROOT, "%.2f", p[c]) + ")");
        w.addProperty("before", before.prediction().className());
        w.addProperty("predicted", after.prediction().className());
        w.addProperty("changed", !before.prediction().className().equals(after.prediction().className()));
        w.add("explanation", ExplanationJson.toJson(after.explanation()));
        return w;
    }

    /** The least certain concept group set to its true value, and what the model then says. */
    static JsonObject intervention(HasConcepts cm, Instance x, double[] truth) {
        double[] p = cm.conceptProbabilities(x);
        ConceptModelGroups.Choice c = ConceptModelGroups.leastCertain(cm, p);
        double[] given = new double[p.length];
        Arrays.fill(given, Double.NaN);
        System.arraycopy(truth, c.from(), given, c.from(), c.to() - c.from());
        var after = cm.explain(x, given);
        JsonObject iv = new JsonObject();
        iv.addProperty("text", "set " + c.name() + " to its true value (" + c.describe(truth) + ")");
        iv.addProperty("predicted", after.prediction().className());
        iv.add("explanation", ExplanationJson.toJson(after.explanation()));
        return iv;
    }
}
