package org.pellucid.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Alignment;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.Model;

/** Loads data for an already-trained model: the model's target by default, columns aligned by name. */
final class ModelData {
    private ModelData() {}

    static Dataset load(Model model, String data, String target, String missing, PrintWriter err) {
        String t = target;
        String lower = data.toLowerCase(java.util.Locale.ROOT);
        boolean file = lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt") || lower.endsWith(".tab")
                || lower.endsWith(".csv.gz");
        if (t == null && file) {
            t = model.schema().target().name();
        }
        Dataset d = Cli.load(data, t, missing, err);
        Alignment a = Alignment.align(d, model.schema());
        if (!a.unseen().isEmpty()) {
            err.println("pellucid: categories the model never saw, treated as missing (no category active): " + a.unseen());
        }
        return a.dataset();
    }

    /** Parses {@code a:b} (half-open), {@code i}, or {@code i,j,k}; every index must exist. */
    /** The attention model explaining by {@code method} (raw, rollout, flow, grad-rollout); unchanged when null. */
    static org.pellucid.core.io.Savable withAttentionMethod(org.pellucid.core.io.Savable model, String method) {
        if (method == null) {
            return model;
        }
        if (!(model instanceof org.pellucid.attention.AttentionModel am)) {
            throw new Pellucid.UsageException("--method applies to attention models, not " + model.kind());
        }
        try {
            return am.withMethod(org.pellucid.attention.AttentionModel.Method.parse(method));
        } catch (IllegalArgumentException e) {
            throw new Pellucid.UsageException(e.getMessage());
        }
    }

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
        org.pellucid.core.data.Splits.TrainValidTest s = org.pellucid.core.data.Splits.trainValidTest(all, 0.2, 0.2,
                model.provenance().seed());
        boolean same = model.provenance().trainedOn(all.subset(s.train()).fingerprint());
        if (!same) {
            err.println("pellucid: note: this " + all.name() + " data (" + all.size() + " rows) is not the data the model was trained on"
                    + " (its training split's fingerprint differs); scores describe the model on new data (data_matches_training: false)");
        }
        return same;
    }
}
