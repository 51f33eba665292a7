package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.ExplanationJson;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.models.ModelFamilies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a saved model's predictions for some rows, in the data's own column names and values.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    DataOptions dataOptions;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by `pellucid train --out`.")
    Path modelDir;



    @Option(names = "--rows", defaultValue = "0:5", description = "Rows: a:b (half-open), i, or i,j,k (default ${DEFAULT-VALUE}).")
    String rows;


    @Option(names = "--json", paramLabel = "FILE", description = "Write the explanations as one JSON object.")
    Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Savable model = ModelFamilies.load(modelDir);
        Dataset d = ModelData.load(model, dataOptions.data, dataOptions.target, dataOptions.missing, err);
        int[] idx = ModelData.rows(rows, d.size());
        JsonArray arr = new JsonArray();
        boolean interpretable = model instanceof InterpretableModel<?>;
        if (!interpretable) {
            err.println("pellucid: " + model.kind() + " is a black box with no built-in explanation; showing its predictions "
                    + "(post-hoc explainers arrive with the eval module)");
        }
        for (int i : idx) {
            JsonObject o = new JsonObject();
            o.addProperty("row", i);
            o.addProperty("true_class", d.schema().isClassification() ? d.schema().classes().get(d.label(i)) : null);
            Prediction p;
            if (interpretable) {
                Explained<?> e = ((InterpretableModel<?>) model).explain(d.row(i));
                p = e.prediction();
                o.add("explanation", ExplanationJson.toJson(e.explanation()));
                out.println("row " + i + ": predicted " + p + ", true " + d.schema().target().format(d.target(i)));
                out.print(e.explanation().toText());
            } else {
                p = model.predict(d.row(i));
                out.println("row " + i + ": predicted " + p + ", true " + d.schema().target().format(d.target(i)));
            }
            o.add("prediction", ExplanationJson.toJson(p));
            arr.add(o);
        }
        if (json != null) {
            JsonObject root = new JsonObject();
            root.addProperty("model", model.kind());
            root.addProperty("model_dir", modelDir.toString());
            root.addProperty("dataset", d.name());
            root.add("explanations", arr);
            Cli.writeJson(json, root);
        }
        return Pellucid.OK;
    }
}
