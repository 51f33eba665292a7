package org.pellucid.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Alignment;
import org.pellucid.core.data.CsvLoader;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SchemaReader;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.TableSpec;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.HasExplanationMethods;
import org.pellucid.core.model.Model;

/** Loads data for an already-trained model: the model's target by default, columns aligned by name. */
final class ModelData {
    private ModelData() {}

    /**
     * Data for an already-trained model. A delimited file is read in the model's schema (types and
     * categories are the model's, not inferred again: codes that look like numbers stay categories,
     * unseen categories become missing values and are reported); other sources are loaded and
     * aligned to the model's columns by name.
     */
    static Dataset load(Model model, DataOptions o, PrintWriter err) {
        if (Cli.delimited(o.data) && (o.target == null || o.target.equals(model.schema().target().name()))) {
            TableSpec spec = o.spec();
            Path file = Path.of(o.data);
            try (SchemaReader r = SchemaReader.open(file, model.schema(), spec, o.id)) {
                Dataset d = r.readAll(CsvLoader.datasetName(file));
                report(r, err);
                if (!d.missing().isEmpty()) {
                    err.println("pellucid: " + d.name() + ": " + d.missing().summary());
                }
                return d;
            }
        }
        return load(model, o.data, o.target, o.missing, err);
    }

    /** What reading in the model's schema found that the user should hear: unseen categories, unused columns. */
    static void report(SchemaReader r, PrintWriter err) {
        if (!r.unseen().isEmpty()) {
            err.println("pellucid: categories the model never saw, read as missing (no category active): " + r.unseen());
        }
        if (!r.extraColumns().isEmpty()) {
            err.println("pellucid: columns the model does not use, ignored: " + r.extraColumns());
        }
    }

    static Dataset load(Model model, String data, String target, String missing, PrintWriter err) {
        String t = target;
        if (t == null && Cli.delimited(data)) {
            t = model.schema().target().name();
        }
        Dataset d = Cli.load(data, t, missing, err);
        Alignment a = Alignment.align(d, model.schema());
        if (!a.unseen().isEmpty()) {
            err.println("pellucid: categories the model never saw, treated as missing (no category active): " + a.unseen());
        }
        return a.dataset();
    }

    /** The model explaining by {@code method} (attention: raw, rollout, flow, grad-rollout); unchanged when null. */
    static Savable withAttentionMethod(Savable model, String method) {
        if (method == null) {
            return model;
        }
        if (!(model instanceof HasExplanationMethods hm)) {
            throw new Pellucid.UsageException("--method applies to models with several explanation methods (attention), not " + model.kind());
        }
        try {
            return hm.withExplanationMethod(method);
        } catch (IllegalArgumentException e) {
            throw new Pellucid.UsageException(e.getMessage());
        }
    }

    /** Parses {@code a:b} (half-open), {@code i}, or {@code i,j,k}; every index must exist. */
    static int[] rows(String spec, int n) {
        List<Integer> out = new ArrayList<>();
        try {
            for (String part : spec.split(",")) {
                part = part.trim();
                if (part.contains(":")) {
                    String[] p = part.split(":", -1);
                    int a = p[0].isEmpty() ? 0 : Integer.parseInt(p[0].trim());
                    int b = p[1].isEmpty() ? n : Integer.parseInt(p[1].trim());
                    if (a < 0 || b > n || a >= b) {
                        throw new Pellucid.UsageException("--rows " + spec + " is outside the data's " + n + " rows (0.." + (n - 1) + ")");
                    }
                    for (int i = a; i < b; i++) {
                        out.add(i);
                    }
                } else {
                    int i = Integer.parseInt(part);
                    if (i < 0 || i >= n) {
                        throw new Pellucid.UsageException("--rows " + spec + ": row " + i + " is outside the data's " + n + " rows");
                    }
                    out.add(i);
                }
            }
        } catch (NumberFormatException e) {
            throw new Pellucid.UsageException("--rows must look like 0:10, 5 or 1,4,9; got '" + spec + "'");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Whether {@code all} is the data the model was trained on: the training split the CLI takes of it
     * (the model's seed, 20% validation, 20% test, as {@code train} does) has the fingerprint the
     * model recorded. Scoring a model on other data is allowed; stderr says so once.
     */
    static boolean matchesTraining(Model model, Dataset all, PrintWriter err) {
        Splits.TrainValidTest s = Splits.trainValidTest(all, 0.2, 0.2,
                model.provenance().seed());
        boolean same = model.provenance().trainedOn(all.subset(s.train()).fingerprint());
        if (!same) {
            err.println("pellucid: note: this " + all.name() + " data (" + all.size() + " rows) is not the data the model was trained on"
                    + " (its training split's fingerprint differs); scores describe the model on new data (data_matches_training: false)");
        }
        return same;
    }
}
