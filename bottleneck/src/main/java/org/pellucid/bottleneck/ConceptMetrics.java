package org.pellucid.bottleneck;

import com.google.gson.JsonObject;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.HasConcepts;

/**
 * A concept model's measurements on labelled rows with true concepts.
 *
 * @param conceptAccuracy share of (row, concept group) pairs predicted right
 * @param taskAccuracy task accuracy with the predicted (soft) concepts — the model as deployed
 * @param hardTaskAccuracy task accuracy when the head reads hard 0/1 concepts
 * @param trueConceptAccuracy task accuracy when the head reads the true concepts
 * @param leakage {@code taskAccuracy − hardTaskAccuracy}: label information that passes through
 *     the soft probabilities beyond the concepts' values (Mahinpei et al. 2021; Havasi et al. 2022)
 */
public record ConceptMetrics(double conceptAccuracy, double taskAccuracy, double hardTaskAccuracy,
                             double trueConceptAccuracy, double leakage) {

    public static ConceptMetrics of(ConceptModel model, Dataset test) {
        if (!test.hasConcepts()) {
            throw new IllegalArgumentException("concept metrics need the true concepts; '" + test.name() + "' has none");
        }
        int n = test.size();
        int[] labels = test.labels();
        ConceptGroups g = model.groups();
        double conceptRight = 0;
        int soft = 0;
        int hard = 0;
        int truth = 0;
        for (int r = 0; r < n; r++) {
            ConceptModel.ConceptState st = model.concepts(test.row(r));
            double[] p = st.probabilities();
            double[] t = test.concepts(r);
            for (HasConcepts.Group gr : g.groups()) {
                conceptRight += g.correct(p, t, gr) ? 1 : 0;
            }
            soft += ConceptModel.argmax(model.classLogits(st, p)) == labels[r] ? 1 : 0;
            hard += ConceptModel.argmax(model.classLogits(st, g.harden(p))) == labels[r] ? 1 : 0;
            truth += ConceptModel.argmax(model.classLogits(st, t)) == labels[r] ? 1 : 0;
        }
        double ca = conceptRight / ((double) n * g.groups().size());
        return new ConceptMetrics(ca, soft / (double) n, hard / (double) n, truth / (double) n, (soft - hard) / (double) n);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("concept_accuracy", conceptAccuracy);
        o.addProperty("accuracy_soft_concepts", taskAccuracy);
        o.addProperty("accuracy_hard_concepts", hardTaskAccuracy);
        o.addProperty("accuracy_true_concepts", trueConceptAccuracy);
        o.addProperty("leakage", leakage);
        return o;
    }
}
