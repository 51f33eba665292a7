package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Splits;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.ExplanationJson;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.models.MlpModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.eval.Evaluation;
import org.pellucid.eval.concepts.ConceptProbes;
import org.pellucid.eval.concepts.MlpLayers;
import org.pellucid.eval.counterfactual.Counterfactual;
import org.pellucid.eval.counterfactual.CounterfactualCost;
import org.pellucid.eval.counterfactual.Counterfactuals;
import org.pellucid.eval.explainers.Explainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a saved model's predictions for some rows, in the data's own column names and values.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by `pellucid train --out`.")
    Path modelDir;



    @Option(names = "--rows", defaultValue = "0:5", description = "Rows: a:b (half-open), i, or i,j,k (default ${DEFAULT-VALUE}).")
    String rows;


    @Option(names = "--json", paramLabel = "FILE", description = "Write the explanations as one JSON object.")
    Path json;

    @Option(names = "--explainer", paramLabel = "NAME",
            description = {"A post-hoc explainer instead of the built-in explanation: kernel-shap, lime, tree-shap, ig,",
                    "saliency, gradient-x-input, smoothgrad, lrp, lrp-zplus (default: built-in; kernel-shap for black boxes)."})
    String explainer;

    @Option(names = "--method", paramLabel = "M",
            description = "Attention models: raw, rollout, flow or grad-rollout (default: the model's own).")
    String method;

    @Option(names = "--intervene", paramLabel = "CONCEPT=VALUE", split = ",",
            description = "Concept models: set concepts (0..1, e.g. x1_high=1) and recompute the prediction.")
    Map<String, String> intervene = new LinkedHashMap<>();

    @Option(names = "--global", paramLabel = "METHOD",
            description = "A global explanation instead of rows: pdp, ice, ale or permutation (importance).")
    String global;

    @Option(names = "--columns", paramLabel = "COL[,COL...]", split = ",",
            description = "With --global: the columns to chart (default: the five most important by permutation).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--svg", paramLabel = "FILE", description = "With --global pdp|ice|ale: write the curves as an SVG chart.")
    Path svg;

    @Option(names = "--counterfactual", description = "For each row, the cheapest changes that give another class (exact for trees and two-class logistic models).")
    boolean counterfactual;

    @Option(names = "--to", paramLabel = "CLASS", description = "With --counterfactual: the class to reach (default: the other class, or the runner-up).")
    String toClass;

    @Option(names = "--immutable", paramLabel = "COL[,COL...]", split = ",", description = "With --counterfactual: columns that must not change.")
    List<String> immutable = new ArrayList<>();

    @Option(names = "--count", defaultValue = "3", paramLabel = "N", description = "With --counterfactual: how many different ones per row (default ${DEFAULT-VALUE}).")
    int count;

    private JsonObject counterfactuals(Savable model, Dataset d, int[] idx, PrintWriter out) {
        if (!d.schema().isClassification()) {
            throw new Pellucid.UsageException("--counterfactual needs a class target");
        }
        if (count < 1 || count > 20) {
            throw new Pellucid.UsageException("--count must be between 1 and 20, got " + count);
        }
        int to = toClass == null ? -1 : classIndex(d);
        Splits.TrainValidTest split = Splits.trainValidTest(d, 0.2, 0.2,
                model.provenance().seed());
        Dataset train = d.subset(split.train());
        CounterfactualCost cost = cost(train);
        var settings = Counterfactuals.Settings.defaults(model.provenance().seed());
        settings = new Counterfactuals.Settings(count, settings.modelCalls(), settings.seed());
        JsonArray rowsJson = new JsonArray();
        List<Counterfactual> best = new ArrayList<>();
        int asked = 0;
        for (int i : idx) {
            Instance x = d.row(i);
            Prediction p = model.predict(x);
            int target = to >= 0 ? to : runnerUp(p);
            JsonObject r = new JsonObject();
            r.addProperty("row", i);
            r.addProperty("predicted", p.className());
            r.addProperty("to", d.schema().classes().get(target));
            JsonArray cfs = new JsonArray();
            if (target == p.classIndex()) {
                out.println("row " + i + ": already predicted " + p.className());
                r.addProperty("note", "already the target class");
            } else {
                asked++;
                var found = Counterfactuals.find(model, x, target, cost, settings, train);
                out.println("row " + i + ": predicted " + p.className() + (found.isEmpty() ? "; no counterfactual found" : ""));
                for (var c : found) {
                    out.printf(Locale.ROOT, "  %s (cost %.3f%s)%n", c.toText(), c.cost(), c.exact() ? ", exact" : "");
                    cfs.add(toJson(c));
                }
                if (!found.isEmpty()) {
                    best.add(found.get(0));
                }
            }
            r.add("counterfactuals", cfs);
            rowsJson.add(r);
        }
        JsonObject root = new JsonObject();
        root.addProperty("model", model.kind());
        root.addProperty("model_dir", modelDir.toString());
        root.addProperty("dataset", d.name());
        JsonArray im = new JsonArray();
        immutable.forEach(im::add);
        root.add("immutable", im);
        root.add("rows", rowsJson);
        root.add("metrics", Counterfactuals.metrics(model, best, asked, train, cost));
        return root;
    }

    /** The index of {@code --to}'s class. */
    private int classIndex(Dataset d) {
        int to = d.schema().classes().indexOf(toClass);
        if (to < 0) {
            throw new Pellucid.UsageException("--to: no class '" + toClass + "'; classes are " + d.schema().classes());
        }
        return to;
    }

    /** The cost of changes measured on the training split, {@code --immutable}'s columns fixed. */
    private CounterfactualCost cost(Dataset train) {
        try {
            return new CounterfactualCost(train, new HashSet<>(immutable));
        } catch (IllegalArgumentException e) {
            throw new Pellucid.UsageException("--immutable: " + e.getMessage());
        }
    }

    private static JsonObject toJson(Counterfactual c) {
        JsonObject cj = new JsonObject();
        cj.addProperty("text", c.toText());
        cj.addProperty("cost", c.cost());
        cj.addProperty("exact", c.exact());
        cj.addProperty("method", c.method());
        JsonArray ch = new JsonArray();
        for (var change : c.changes()) {
            JsonObject co = new JsonObject();
            co.addProperty("column", change.column());
            co.addProperty("from", change.from());
            co.addProperty("to", change.to());
            ch.add(co);
        }
        cj.add("changes", ch);
        return cj;
    }

    /** The other class of two, or the most probable class after the predicted one. */
    private static int runnerUp(Prediction p) {
        int best = -1;
        for (int c = 0; c < p.probabilities().length; c++) {
            if (c != p.classIndex() && (best < 0 || p.probability(c) > p.probability(best))) {
                best = c;
            }
        }
        return best;
    }

    @Option(names = "--concepts", paramLabel = "probe|tcav",
            description = "For an mlp on data with concepts: linear probe accuracy per hidden layer and TCAV scores per concept.")
    String concepts;

    private JsonObject conceptProbes(Savable model, Dataset d, PrintWriter out) {
        if (!(model instanceof MlpModel mlp)) {
            throw new Pellucid.UsageException("--concepts probes the hidden layers of an mlp; " + model.kind() + " is not one");
        }
        if (!d.hasConcepts()) {
            throw new Pellucid.UsageException("--concepts needs data with concept columns (tic-tac-toe, synthetic:xor|trig|dot|rule)");
        }
        if (!concepts.equals("probe") && !concepts.equals("tcav")) {
            throw new Pellucid.UsageException("--concepts must be probe or tcav, got '" + concepts + "'");
        }
        int cls = toClass == null ? Math.min(1, d.schema().classes().size() - 1) : classIndex(d);
        Splits.TrainValidTest split = Splits.trainValidTest(d, 0.2, 0.2,
                model.provenance().seed());
        var probes = ConceptProbes.run(new MlpLayers(mlp), d.subset(split.train()),
                d.subset(split.test()), cls, 20, model.provenance().seed());
        JsonArray arr = new JsonArray();
        out.printf(Locale.ROOT, "%-22s %5s %9s %9s %7s %10s %8s%n", "concept", "layer", "probe acc", "majority", "TCAV",
                "random TCAV", "p");
        for (var p : probes) {
            JsonObject o = new JsonObject();
            o.addProperty("concept", p.concept());
            o.addProperty("layer", p.layer());
            o.addProperty("probe_accuracy", p.accuracy());
            o.addProperty("majority", p.majority());
            o.addProperty("tcav", p.tcav());
            o.addProperty("random_tcav_mean", p.randomMean());
            o.addProperty("p_value", p.pValue());
            arr.add(o);
            out.printf(Locale.ROOT, "%-22s %5d %9.3f %9.3f %7.3f %10.3f %8.4f%n", p.concept(), p.layer(), p.accuracy(), p.majority(),
                    p.tcav(), p.randomMean(), p.pValue());
        }
        JsonObject root = new JsonObject();
        root.addProperty("model", model.kind());
        root.addProperty("dataset", d.name());
        root.addProperty("tcav_class", d.schema().classes().get(cls));
        root.add("probes", arr);
        return root;
    }

    @Override
    public Integer call() {
        Cli.requireWritable(json, "--json");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Savable model = ModelFamilies.load(modelDir);
        Dataset d = ModelData.load(model, dataOptions, err);
        boolean sameData = ModelData.matchesTraining(model, d, err);
        if (global != null) {
            Cli.requireWritable(svg, "--svg");
            JsonObject g = GlobalEffects.run(model, d, global.trim().toLowerCase(Locale.ROOT), columns, svg, out, err);
            if (json != null) {
                g.addProperty("model", model.kind());
                g.addProperty("model_dir", modelDir.toString());
                g.addProperty("dataset", d.name());
                g.addProperty("data_matches_training", sameData);
                Cli.writeJson(json, g);
            }
            return Pellucid.OK;
        }
        int[] idx = ModelData.rows(rows, d.size());
        if (concepts != null) {
            JsonObject root = conceptProbes(model, d, out);
            if (json != null) {
                Cli.writeJson(json, root);
            }
            return Pellucid.OK;
        }
        if (counterfactual) {
            JsonObject root = counterfactuals(model, d, idx, out);
            root.addProperty("data_matches_training", sameData);
            if (json != null) {
                Cli.writeJson(json, root);
            }
            return Pellucid.OK;
        }
        JsonArray arr = new JsonArray();
        model = ModelData.withAttentionMethod(model, method);
        boolean interpretable = model instanceof InterpretableModel<?>;
        String how = explainer != null ? explainer : interpretable ? "built-in" : "kernel-shap";
        Explainer posthoc = how.equals("built-in") ? null : posthocExplainer(model, d, how, interpretable, err);
        double[] given = intervene.isEmpty() ? null : interventions(model);
        for (int i : idx) {
            arr.add(explainRow(model, d, i, posthoc, given, out));
        }
        if (json != null) {
            JsonObject root = new JsonObject();
            root.addProperty("model", model.kind());
            root.addProperty("model_dir", modelDir.toString());
            root.addProperty("explainer", how);
            root.addProperty("dataset", d.name());
            root.addProperty("data_matches_training", sameData);
            root.add("explanations", arr);
            Cli.writeJson(json, root);
        }
        return Pellucid.OK;
    }

    /** The post-hoc explainer named {@code how}; its background and training statistics come from the split train used (same seed). */
    private Explainer posthocExplainer(Savable model, Dataset d, String how, boolean interpretable, PrintWriter err) {
        if (!Evaluation.EXPLAINERS.contains(how) || how.equals("random")) {
            throw new Pellucid.UsageException("unknown explainer '" + how + "'; see `pellucid explain --help`");
        }
        Splits.TrainValidTest split = Splits.trainValidTest(d, 0.2, 0.2, model.provenance().seed());
        Explainer posthoc = Evaluation.explainer(
                Evaluation.Settings.defaults(how, model.provenance().seed()), d.subset(split.train()));
        if (!interpretable && explainer == null) {
            err.println("pellucid: " + model.kind() + " is a black box; explaining it post hoc with KernelSHAP");
        }
        return posthoc;
    }

    /** The concept values {@code --intervene} sets, NaN for the concepts it leaves to the model. */
    private double[] interventions(Savable model) {
        if (!(model instanceof HasConcepts cm)) {
            throw new Pellucid.UsageException("--intervene applies to concept models (cbm, cem), not " + model.kind());
        }
        double[] given = new double[cm.conceptNames().size()];
        Arrays.fill(given, Double.NaN);
        for (Map.Entry<String, String> e : intervene.entrySet()) {
            int c = cm.conceptNames().indexOf(e.getKey());
            if (c < 0) {
                throw new Pellucid.UsageException("unknown concept '" + e.getKey() + "'; the model's concepts are "
                        + cm.conceptNames());
            }
            double v;
            try {
                v = Double.parseDouble(e.getValue());
            } catch (NumberFormatException ex) {
                throw new Pellucid.UsageException("concept value for " + e.getKey() + " must be a number in [0, 1], got '"
                        + e.getValue() + "'");
            }
            if (!(v >= 0 && v <= 1)) {
                throw new Pellucid.UsageException("concept value for " + e.getKey() + " must lie in [0, 1], got " + v);
            }
            given[c] = v;
        }
        return given;
    }

    /** Row {@code i}'s explanation, printed and as JSON: post hoc when an explainer is given, else the model's own. */
    private static JsonObject explainRow(Savable model, Dataset d, int i, Explainer posthoc, double[] given, PrintWriter out) {
        JsonObject o = new JsonObject();
        o.addProperty("row", i);
        o.addProperty("true_class", d.schema().isClassification() ? d.schema().classes().get(d.label(i)) : null);
        Prediction p;
        if (posthoc != null) {
            p = model.predict(d.row(i));
            int target = d.schema().isClassification() ? p.classIndex() : 0;
            FeatureAttribution a = posthoc.explain(model, d.row(i), target);
            o.add("explanation", ExplanationJson.toJson(a));
            out.println("row " + i + ": predicted " + p + ", true " + d.schema().target().format(d.target(i)));
            out.print(a.toText());
        } else if (model instanceof InterpretableModel<?> im) {
            Explained<?> e = given != null ? ((HasConcepts) model).explain(d.row(i), given) : im.explain(d.row(i));
            p = e.prediction();
            o.add("explanation", ExplanationJson.toJson(e.explanation()));
            out.println("row " + i + ": predicted " + p + ", true " + d.schema().target().format(d.target(i)));
            out.print(e.explanation().toText());
        } else {
            throw new IllegalStateException("a black box needs a post-hoc explainer");
        }
        o.add("prediction", ExplanationJson.toJson(p));
        return o;
    }
}
