package org.pellucid.examples.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pellucid.core.data.SchemaReader;
import org.pellucid.core.io.ExplanationJson;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.models.ModelFamilies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores new rows with a saved model: one output row per input row, streamed, so memory stays flat
 * whatever the file's size. The file is read in the model's schema ({@link SchemaReader}); its
 * target column is optional and ignored.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score new rows with a saved model and write one CSV row per input row.",
                "Each output row has the id, the predicted class and each class's probability, and with --explain the "
                + "model's own explanation.",
                "The file is read with the model's column types; a target column, if present, is ignored."})
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by `pellucid train --out`.")
    Path modelDir;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A .csv or .tsv file of rows to score.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the predictions (CSV, UTF-8).")
    Path out;

    @Option(names = "--id", paramLabel = "COL", description = "A column copied to each output row to identify it (default: the input line number).")
    String id;

    @Option(names = "--explain", description = "Add the model's explanation: one readable column and its JSON.")
    boolean explain;

    @Option(names = "--json", paramLabel = "FILE", description = "Write a summary (rows, predicted class counts, unseen categories, seconds) as JSON.")
    Path json;

    @Option(names = "--header", defaultValue = "auto", paramLabel = "yes|no|auto",
            description = "Whether the first line names the columns (default ${DEFAULT-VALUE}).")
    String header;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field separator (default: tab for .tsv, else comma).")
    String delimiter;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "NAME", description = "Character set of the file (default ${DEFAULT-VALUE}).")
    String encoding;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Cli.requireWritable(json, "--json");
        Cli.requireWritable(out, "--out");
        if (!Cli.delimited(data.toString())) {
            throw new Pellucid.UsageException("--data must be a delimited text file (.csv, .tsv, .txt, .tab), got " + data);
        }
        Savable model = ModelFamilies.load(modelDir);
        if (explain && !(model instanceof InterpretableModel<?>)) {
            throw new Pellucid.UsageException("--explain needs a model that explains itself; " + model.kind()
                    + " is a black box (explain it post hoc with `pellucid explain --explainer kernel-shap`)");
        }
        DataOptions fmt = new DataOptions();
        fmt.data = data.toString();
        fmt.missing = "impute";
        fmt.header = header;
        fmt.delimiter = delimiter;
        fmt.encoding = encoding;
        long t0 = System.nanoTime();
        List<String> classes = model.schema().isClassification() ? model.schema().classes() : List.of();
        long[] counts = new long[classes.size()];
        JsonObject summary = new JsonObject();
        try (SchemaReader in = SchemaReader.open(data, model.schema(), fmt.spec(), id);
             AtomicOutput o = new AtomicOutput(out, "--out")) {
            Writer w = o.writer();
            line(w, header(classes));
            SchemaReader.Row r;
            while ((r = in.next()) != null) {
                line(w, record(model, r, classes, counts));
            }
            o.commit();
            ModelData.report(in, err);
            readerSummary(in, summary);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long rows = summary.get("rows").getAsLong();
        spec.commandLine().getOut().printf(Locale.ROOT, "predicted %d rows with %s in %.2f s; written to %s%n", rows,
                model.kind(), secs, out);
        if (json != null) {
            summary.addProperty("model", model.kind());
            summary.addProperty("model_dir", modelDir.toString());
            summary.addProperty("data", data.toString());
            summary.addProperty("out", out.toString());
            JsonObject pc = new JsonObject();
            for (int c = 0; c < classes.size(); c++) {
                pc.addProperty(classes.get(c), counts[c]);
            }
            summary.add("predicted_classes", pc);
            summary.addProperty("seconds", Cli.round(secs, 3));
            Cli.writeJson(json, summary);
        }
        return Pellucid.OK;
    }

    /** The output's header: the id column (or "line"), the prediction, one probability per class, the explanation columns. */
    private List<String> header(List<String> classes) {
        List<String> head = new ArrayList<>();
        head.add(id != null ? id : "line");
        head.add("predicted");
        classes.forEach(c -> head.add("probability_" + c));
        if (explain) {
            head.add("explanation");
            head.add("explanation_json");
        }
        return head;
    }

    /** What reading the input found: the rows, whether a target column was there (and ignored), unseen categories, missing values. */
    private static void readerSummary(SchemaReader in, JsonObject summary) {
        summary.addProperty("rows", in.rows());
        summary.addProperty("target_column_ignored", in.hasTarget());
        JsonObject unseen = new JsonObject();
        in.unseen().forEach(unseen::addProperty);
        summary.add("unseen_categories", unseen);
        JsonObject missing = new JsonObject();
        in.missing().forEach(missing::addProperty);
        summary.add("missing_values", missing);
    }

    /** The output record of one input row: its id, the prediction, the probabilities and, with --explain, the explanation. */
    private List<String> record(Savable model, SchemaReader.Row r, List<String> classes, long[] counts) {
        Prediction p;
        String text = null;
        String ej = null;
        if (explain) {
            Explained<?> e = ((InterpretableModel<?>) model).explain(r.instance());
            p = e.prediction();
            text = e.explanation().toText().strip().replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
            ej = Cli.compact(ExplanationJson.toJson(e.explanation()));
        } else {
            p = model.predict(r.instance());
        }
        List<String> f = new ArrayList<>();
        f.add(r.id() != null ? r.id() : Long.toString(r.line()));
        if (classes.isEmpty()) {
            f.add(Double.toString(p.value()));
        } else {
            f.add(classes.get(p.classIndex()));
            counts[p.classIndex()]++;
            for (int c = 0; c < classes.size(); c++) {
                f.add(String.format(Locale.ROOT, "%.6f", p.probability(c)));
            }
        }
        if (explain) {
            f.add(text);
            f.add(ej);
        }
        return f;
    }

    /** One CSV record (RFC 4180: a field with a comma, quote or line break is quoted). */
    static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"');
                w.write(f.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(f);
            }
        }
        w.write('\n');
    }

}
