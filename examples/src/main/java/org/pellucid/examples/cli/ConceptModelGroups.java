package org.pellucid.examples.cli;

import org.pellucid.bottleneck.ConceptGroups;
import org.pellucid.bottleneck.ConceptModel;

/** Picks the concept group a report intervenes on: the one the model is least sure of. */
final class ConceptModelGroups {
    private ConceptModelGroups() {}

    record Choice(String name, int from, int to, ConceptGroups groups) {
        String describe(double[] truth) {
            if (to - from == 1) {
                return truth[from] > 0.5 ? "1" : "0";
            }
            for (int i = from; i < to; i++) {
                if (truth[i] > 0.5) {
                    return groups.names().get(i);
                }
            }
            return "?";
        }
    }

    static Choice leastCertain(ConceptModel cm, double[] p) {
        ConceptGroups.Group best = null;
        double bestCert = Double.POSITIVE_INFINITY;
        for (ConceptGroups.Group g : cm.groups().groups()) {
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
        return new Choice(best.name(), best.from(), best.to(), cm.groups());
    }
}
