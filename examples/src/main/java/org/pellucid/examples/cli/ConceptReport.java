package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.HasConcepts;

/** Concept accuracy, leakage and (on request) the intervention curve, added to a `train` result. */
final class ConceptReport {
    private ConceptReport() {}

    /** Adds the measurements to o and returns the lines to print. */
    static List<String> add(HasConcepts m, Dataset test, JsonObject o, HasConcepts.Policy policy, long seed) {
        JsonObject cm = m.conceptMetrics(test);
        double conceptAccuracy = cm.get("concept_accuracy").getAsDouble();
        double hard = cm.get("accuracy_hard_concepts").getAsDouble();
        double truth = cm.get("accuracy_true_concepts").getAsDouble();
        double leakage = cm.get("leakage").getAsDouble();
        JsonObject t = o.getAsJsonObject("test");
        t.addProperty("concept_accuracy", conceptAccuracy);
        t.addProperty("accuracy_hard_concepts", hard);
        t.addProperty("accuracy_true_concepts", truth);
        o.addProperty("leakage", leakage);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  concept accuracy %.4f; task accuracy with hard concepts %.4f, with true concepts %.4f; leakage %+.4f",
                conceptAccuracy, hard, truth, leakage));
        if (policy != null) {
            double[] curve = m.interventionCurve(test, policy, seed);
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
