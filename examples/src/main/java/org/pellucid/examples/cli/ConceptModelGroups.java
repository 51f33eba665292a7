package org.pellucid.examples.cli;

import java.util.List;
import org.pellucid.core.model.HasConcepts;

/** Picks the concept group a report intervenes on: the one the model is least sure of. */
final class ConceptModelGroups {
    private ConceptModelGroups() {}

    record Choice(String name, int from, int to, List<String> names) {
        String describe(double[] truth) {
            if (to - from == 1) {
                return truth[from] > 0.5 ? "1" : "0";
            }
            for (int i = from; i < to; i++) {
                if (truth[i] > 0.5) {
                    return names.get(i);
                }
            }
            return "?";
        }
    }

    static Choice leastCertain(HasConcepts cm, double[] p) {
        HasConcepts.Group best = null;
        double bestCert = Double.POSITIVE_INFINITY;
        for (HasConcepts.Group g : cm.conceptGroups()) {
            double cert;
            if (g.binary()) {
                cert = Math.abs(p[g.from()] - 0.5);
            } else {
                cert = 0;
                for (int i = g.from(); i < g.to(); i++) {
                    cert = Math.max(cert, p[i]);
                }
            }
            if (cert < bestCert) {
                bestCert = cert;
                best = g;
            }
        }
        return new Choice(best.name(), best.from(), best.to(), cm.conceptNames());
    }
}
