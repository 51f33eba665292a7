package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Train several models on one split and compare them side by side.",
                "Today it compares the models that exist (logistic, mlp) on accuracy, macro-F1, complexity and time;",
                "the explanation metrics and the HTML report arrive with issues #8 and #9."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    DataOptions dataOptions;



    @Option(names = "--models", split = ",", paramLabel = "a,b,c", description = "Models to compare (default: every one that fits the data).")
    List<String> models;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--device", defaultValue = "cpu")
    String device;

    @Option(names = "--cv", paramLabel = "K", defaultValue = "0")
    int cv;


    @Option(names = "--report", paramLabel = "FILE.html", description = "HTML report (arrives with issue #9).")
    Path report;

    @Option(names = "--json", paramLabel = "FILE")
    Path json;

    @Override
    public Integer call() {
        if (report != null) {
            throw new Pellucid.UsageException("--report is not available yet: the HTML report arrives with issue #9; use --json");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset d = Cli.load(dataOptions.data, dataOptions.target, dataOptions.missing, err);
        List<ModelFamily> families = new ArrayList<>();
        if (models == null) {
            families.addAll(ModelFamilies.all());
        } else {
            for (String m : models) {
                families.add(ModelFamilies.get(m.trim()));
            }
        }
        JsonObject root = run(d, families, seed, DeviceChoice.parse(device), cv, out, err);
        if (json != null) {
            Cli.writeJson(json, root);
        }
        return Pellucid.OK;
    }

    /** Trains every family on the same split; unsuitable families are skipped with their reason. */
    static JsonObject run(Dataset d, List<ModelFamily> families, long seed, DeviceChoice device, int cv, PrintWriter out,
                          PrintWriter err) {
        JsonObject root = new JsonObject();
        root.addProperty("dataset", d.name());
        root.addProperty("rows", d.size());
        JsonArray arr = new JsonArray();
        JsonArray skipped = new JsonArray();
        List<Experiment.Result> results = new ArrayList<>();
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
            TrainConfig cfg = new TrainConfig(seed, device, ProgressListener.summary(f.kind(), System.err), Map.of());
            Experiment.Result r = Experiment.run(f, d, cfg, cv);
            results.add(r);
            arr.add(Experiment.toJson(r, d, seed, Map.of()));
        }
        out.printf("%-12s %-12s %9s %9s %9s %8s%n", "model", "kind", "accuracy", "macro-F1", "features", "train s");
        for (Experiment.Result r : results) {
            int feats = r.model() instanceof org.pellucid.core.model.HasComplexity h ? h.complexity().features() : d.schema().featureCount();
            out.printf(java.util.Locale.ROOT, "%-12s %-12s %9.4f %9.4f %9d %8.1f%n", r.family().kind(),
                    r.family().transparent() ? "transparent" : "black-box", r.accuracy(), r.macroF1(), feats, r.trainSeconds());
        }
        root.add("models", arr);
        root.add("skipped", skipped);
        return root;
    }
}
