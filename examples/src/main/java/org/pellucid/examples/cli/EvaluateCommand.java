package org.pellucid.examples.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.eval.Evaluation;
import org.pellucid.eval.explainers.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a saved model and an explainer on the test split.",
                "The test split is the 20%% that `train` held out with the model's seed. Scores: accuracy, then fidelity "
                + "(deletion/insertion AUC, comprehensiveness, sufficiency, faithfulness correlation, simulatable agreement), "
                + "simulability (size, forward simulation) and stability (max-sensitivity), each with a 95%% bootstrap interval."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by `pellucid train --out`.")
    Path modelDir;


    @Option(names = "--explainer", defaultValue = "built-in", paramLabel = "NAME",
            description = {"built-in, kernel-shap, lime, tree-shap (rf, gbm), ig, saliency, gradient-x-input, smoothgrad, lrp, lrp-zplus (mlp)",
                    "(neural models), or the random control (default ${DEFAULT-VALUE})."})
    String explainer;

    @Option(names = "--rows", defaultValue = "200", description = "Test rows explained (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--background", defaultValue = "50", description = "KernelSHAP background rows (default ${DEFAULT-VALUE}).")
    int background;

    @Option(names = "--samples", defaultValue = "1024", description = "KernelSHAP coalitions per row above 10 columns (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--output", defaultValue = "probability", description = "What post-hoc explainers attribute: probability or log-odds.")
    String output;

    @Option(names = "--seed", description = "Split seed (default: the model's own).")
    Long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the scores as one JSON object.")
    Path json;

    @Option(names = "--method", paramLabel = "M", description = "Attention models: raw, rollout, flow or grad-rollout.")
    String method;

    @Override
    public Integer call() {
        Cli.requireWritable(json, "--json");
        PrintWriter out = spec.commandLine().getOut();
        Savable model = ModelFamilies.load(modelDir);
        model = ModelData.withAttentionMethod(model, method);
        Dataset all = ModelData.load(model, dataOptions, spec.commandLine().getErr());
        long splitSeed = seed != null ? seed : model.provenance().seed();
        Splits.TrainValidTest split = Splits.trainValidTest(all, 0.2, 0.2, splitSeed);
        Dataset d = all.subset(split.test());
        Dataset train = all.subset(split.train());
        Output out2 = switch (output) {
            case "probability" -> Output.PROBABILITY;
            case "log-odds" -> Output.LOG_ODDS;
            default -> throw new Pellucid.UsageException("--output must be probability or log-odds");
        };
        Evaluation.Settings settings = new Evaluation.Settings(explainer, out2, rows,
                background, samples, 20, 5, splitSeed);
        double[] s = Experiment.score(model, d);
        JsonObject o = new JsonObject();
        o.addProperty("dataset", d.name());
        o.addProperty("model", model.kind());
        o.addProperty("data_matches_training", ModelData.matchesTraining(model, all, spec.commandLine().getErr()));
        JsonObject test = new JsonObject();
        test.addProperty("accuracy", s[0]);
        test.addProperty("macro_f1", s[1]);
        test.addProperty("rows", d.size());
        o.add("test", test);
        out.printf(Locale.ROOT, "%s on %s (%d rows): accuracy %.4f, macro-F1 %.4f%n", model.kind(), d.name(), d.size(), s[0], s[1]);
        JsonObject scores = Evaluation.run(model, train, d, settings);
        scores.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        out.println("  explainer " + explainer + " on " + scores.get("rows").getAsInt() + " test rows:");
        Evaluation.lines(scores).forEach(out::println);
        if (model instanceof HasComplexity h) {
            o.add("complexity", Experiment.complexity(h.complexity()));
            out.println("  complexity: " + Experiment.describe(h.complexity()));
        }
        if (json != null) {
            Cli.writeJson(json, o);
        }
        return Pellucid.OK;
    }

    static double agreement(Predictor a, Predictor b, Dataset d) {
        List<Prediction> pa = a.predictAll(d);
        List<Prediction> pb = b.predictAll(d);
        int same = 0;
        for (int i = 0; i < pa.size(); i++) {
            if (pa.get(i).classIndex() == pb.get(i).classIndex()) {
                same++;
            }
        }
        return (double) same / pa.size();
    }
}
