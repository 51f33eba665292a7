package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.ExplanationJson;
import org.pellucid.core.model.Explained;
import org.pellucid.core.models.LogisticModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job on a built-in dataset (no data directory needed): a credit table whose true rule is known,",
                "every available model trained and compared, the transparent ones explained, and the explanation checked",
                "against the truth. Writes demo.json and report.txt to --out."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "pellucid-demo", paramLabel = "DIR", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--rows", defaultValue = "3000", description = "Rows of synthetic data (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rows < 100) {
            throw new Pellucid.UsageException("--rows must be at least 100, got " + rows);
        }
        StringWriter buf = new StringWriter();
        PrintWriter report = new PrintWriter(buf);
        Dataset d = SyntheticData.rule(rows, 42);
        say(console, report, "Pellucid demo — " + d.size() + " loan applications, 8 columns; the true rule is:");
        say(console, report, "  " + SyntheticData.RULE_TEXT);
        say(console, report, "  (relevant columns: " + SyntheticData.RULE_RELEVANT + "; the other five are noise)");
        say(console, report, "");
        StringWriter table = new StringWriter();
        JsonObject cmp = CompareCommand.run(d, ModelFamilies.all(), seed, DeviceChoice.CPU, 0, new PrintWriter(table, true), err);
        say(console, report, table.toString().stripTrailing());
        say(console, report, "");

        // the transparent model, explained
        TrainConfig cfg = new TrainConfig(seed, DeviceChoice.CPU, ProgressListener.silent(), Map.of());
        Experiment.Result lr = Experiment.run(ModelFamilies.get("logistic"), d, cfg, 0);
        LogisticModel model = (LogisticModel) lr.model();
        say(console, report, model.describe().toText().stripTrailing());
        say(console, report, "");
        List<String> top = model.describe().features().stream().limit(3).toList();
        JsonArray expl = new JsonArray();
        say(console, report, "Three test rows, explained (contributions to the logit of 'approve' relative to the average applicant; they sum exactly):");
        for (int i = 0; i < 3; i++) {
            Explained<FeatureAttribution> e = model.explain(lr.test().row(i));
            say(console, report, "row " + i + ": predicted " + e.prediction() + ", true "
                    + d.schema().classes().get(lr.test().label(i)));
            say(console, report, e.explanation().toText().stripTrailing());
            JsonObject o = new JsonObject();
            o.addProperty("row", i);
            o.add("prediction", ExplanationJson.toJson(e.prediction()));
            o.add("explanation", ExplanationJson.toJson(e.explanation()));
            expl.add(o);
        }
        List<String> ranked = rankByMeanAbsContribution(model, lr.test());
        long hits = ranked.stream().limit(3).filter(SyntheticData.RULE_RELEVANT::contains).count();
        double agree = EvaluateCommand.agreement(model, model.asExecutable(), lr.test());
        say(console, report, "");
        say(console, report, "Check against the truth: the logistic model's three most used columns (mean |contribution| on "
                + "test rows) are " + ranked.subList(0, 3) + "; " + hits + " of 3 are truly relevant.");
        say(console, report, String.format(java.util.Locale.ROOT,
                "Simulatability: the weight table run by hand reproduces the model on %.1f%% of test rows.", 100 * agree));
        say(console, report, "Not yet in this build: sparse, concept, attention, rule and tree models; post-hoc explainers "
                + "and explanation metrics; the HTML report (issues #3-#9).");
        JsonObject root = new JsonObject();
        root.addProperty("dataset", "synthetic:rule");
        root.addProperty("true_rule", SyntheticData.RULE_TEXT);
        root.add("comparison", cmp);
        JsonObject check = new JsonObject();
        JsonArray r = new JsonArray();
        ranked.subList(0, 3).forEach(r::add);
        check.add("logistic_top3_columns", r);
        check.addProperty("top3_truly_relevant", hits);
        check.addProperty("simulatable_agreement", agree);
        root.add("ground_truth_check", check);
        root.add("explanations", expl);
        report.flush();
        Cli.writeJson(out.resolve("demo.json"), root);
        Cli.writeText(out.resolve("report.txt"), buf.toString());
        console.println();
        console.println("wrote " + out.resolve("demo.json") + " and " + out.resolve("report.txt"));
        return Pellucid.OK;
    }

    private static void say(PrintWriter a, PrintWriter b, String line) {
        a.println(line);
        b.println(line);
    }

    static List<String> rankByMeanAbsContribution(LogisticModel m, Dataset d) {
        int p = d.schema().featureCount();
        double[] sum = new double[p];
        for (int i = 0; i < d.size(); i++) {
            FeatureAttribution a = m.explain(d.row(i)).explanation();
            double[] v = a.values();
            for (int j = 0; j < p; j++) {
                sum[j] += Math.abs(v[j]);
            }
        }
        Integer[] idx = new Integer[p];
        for (int j = 0; j < p; j++) {
            idx[j] = j;
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(sum[y], sum[x]));
        return java.util.Arrays.stream(idx).map(j -> d.schema().feature(j).name()).toList();
    }
}
