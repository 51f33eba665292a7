package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pellucid.bottleneck.ConceptMetrics;
import org.pellucid.bottleneck.ConceptModel;
import org.pellucid.bottleneck.Interventions;
import org.pellucid.core.data.Dataset;

/** Concept accuracy, leakage and (on request) the intervention curve, added to a `train` result. */
final class ConceptReport {
    private ConceptReport() {}

    /** Adds the measurements to o and returns the lines to print. */
    static List<String> add(ConceptModel m, Dataset test, JsonObject o, Interventions.Policy policy, long seed) {
        ConceptMetrics cm = ConceptMetrics.of(m, test);
        JsonObject t = o.getAsJsonObject("test");
        t.addProperty("concept_accuracy", cm.conceptAccuracy());
        t.addProperty("accuracy_hard_concepts", cm.hardTaskAccuracy());
        t.addProperty("accuracy_true_concepts", cm.trueConceptAccuracy());
        o.addProperty("leakage", cm.leakage());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  concept accuracy %.4f; task accuracy with hard concepts %.4f, with true concepts %.4f; leakage %+.4f",
                cm.conceptAccuracy(), cm.hardTaskAccuracy(), cm.trueConceptAccuracy(), cm.leakage()));
        if (policy != null) {
            double[] curve = Interventions.curve(m, test, policy, seed);
            JsonArray a = new JsonArray();
            StringBuilder b = new StringBuilder("  intervention curve (" + policy.id() + "):");
            for (double v : curve) {
                a.add(v);
                b.append(String.format(Locale.ROOT, " %.3f", v));
            }
            o.add("intervention_curve", a);
            o.addProperty("intervention_policy", policy.id());
            lines.add(b.toString());
        }
        return lines;
    }
}
