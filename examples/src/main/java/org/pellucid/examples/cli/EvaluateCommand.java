package org.pellucid.examples.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Simulatable;
import org.pellucid.core.models.ModelFamilies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a saved model on data: accuracy, macro-F1, complexity, and for simulatable models the",
                "agreement of the explanation run as a model with the model itself. Post-hoc explainers and the",
                "full fidelity / simulability / stability metrics arrive with the eval module (issue #8)."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    DataOptions dataOptions;

    @Option(names = "--model", required = true, paramLabel = "DIR")
    Path modelDir;




    @Option(names = "--explainer", paramLabel = "NAME", description = "Post-hoc explainer (available with the eval module).")
    String explainer;

    @Option(names = "--json", paramLabel = "FILE")
    Path json;

    @Override
    public Integer call() {
        if (explainer != null) {
            throw new Pellucid.UsageException("--explainer needs the eval module's post-hoc explainers, which are not built yet (issue #8)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Savable model = ModelFamilies.load(modelDir);
        Dataset d = ModelData.load(model, dataOptions.data, dataOptions.target, dataOptions.missing, spec.commandLine().getErr());
        double[] s = Experiment.score(model, d);
        JsonObject o = new JsonObject();
        o.addProperty("dataset", d.name());
        o.addProperty("model", model.kind());
        JsonObject test = new JsonObject();
        test.addProperty("accuracy", s[0]);
        test.addProperty("macro_f1", s[1]);
        test.addProperty("rows", d.size());
        o.add("test", test);
        out.printf(java.util.Locale.ROOT, "%s on %s (%d rows): accuracy %.4f, macro-F1 %.4f%n", model.kind(), d.name(), d.size(), s[0], s[1]);
        if (model instanceof Simulatable sim) {
            double agree = agreement(model, sim.asExecutable(), d);
            JsonObject f = new JsonObject();
            f.addProperty("simulatable_agreement", agree);
            o.add("fidelity", f);
            out.printf(java.util.Locale.ROOT, "  explanation run as a model agrees with the model on %.4f of rows%n", agree);
        }
        if (model instanceof HasComplexity h) {
            o.add("complexity", Experiment.complexity(h.complexity()));
            out.println("  complexity: " + h.complexity());
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
