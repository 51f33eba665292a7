package org.pellucid.bottleneck;

import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.model.HasConcepts.Group;

/**
 * How a dataset's concepts are grouped: a concept named {@code name} is binary (sigmoid); concepts
 * named {@code group=value} that share a group are one categorical concept (softmax over its
 * values), e.g. {@code digit1=0 … digit1=9}. A group's concepts must be adjacent.
 */
public final class ConceptGroups {

    private final List<String> names;
    private final List<Group> groups;

    public ConceptGroups(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a concept model needs concept columns; the data has none");
        }
        this.names = List.copyOf(names);
        List<Group> gs = new ArrayList<>();
        int i = 0;
        while (i < names.size()) {
            String g = groupOf(names.get(i));
            int j = i + 1;
            if (names.get(i).contains("=")) {
                while (j < names.size() && names.get(j).contains("=") && groupOf(names.get(j)).equals(g)) {
                    j++;
                }
            }
            for (Group prev : gs) {
                if (prev.name().equals(g)) {
                    throw new IllegalArgumentException("the values of concept group '" + g + "' must be adjacent columns");
                }
            }
            gs.add(new Group(j - i == 1 ? names.get(i) : g, i, j));
            i = j;
        }
        this.groups = List.copyOf(gs);
    }

    private static String groupOf(String name) {
        int eq = name.indexOf('=');
        return eq < 0 ? name : name.substring(0, eq);
    }

    /** Index pairs (i, j), i &lt; j, of concepts in different groups: the pairwise head's AND terms. */
    public int[][] pairs() {
        List<int[]> out = new ArrayList<>();
        int[] groupOf = new int[names.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int i = groups.get(g).from(); i < groups.get(g).to(); i++) {
                groupOf[i] = g;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (groupOf[i] != groupOf[j]) {
                    out.add(new int[] {i, j});
                }
            }
        }
        return out.toArray(int[][]::new);
    }

    public List<String> names() {
        return names;
    }

    public List<Group> groups() {
        return groups;
    }

    public int concepts() {
        return names.size();
    }

    public boolean allBinary() {
        return groups.stream().allMatch(Group::binary);
    }

    /** Sigmoid for binary concepts, softmax within categorical groups. */
    public double[] activate(double[] logits) {
        double[] p = new double[logits.length];
        for (Group g : groups) {
            if (g.binary()) {
                p[g.from()] = 1 / (1 + Math.exp(-logits[g.from()]));
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = g.from(); i < g.to(); i++) {
                    max = Math.max(max, logits[i]);
                }
                double s = 0;
                for (int i = g.from(); i < g.to(); i++) {
                    p[i] = Math.exp(logits[i] - max);
                    s += p[i];
                }
                for (int i = g.from(); i < g.to(); i++) {
                    p[i] /= s;
                }
            }
        }
        return p;
    }

    /** Hard concepts: 0/1 by threshold 0.5 for binary ones, one-hot arg-max within groups. */
    public double[] harden(double[] probs) {
        double[] h = new double[probs.length];
        for (Group g : groups) {
            if (g.binary()) {
                h[g.from()] = probs[g.from()] > 0.5 ? 1 : 0;
            } else {
                h[argmax(probs, g)] = 1;
            }
        }
        return h;
    }

    static int argmax(double[] v, Group g) {
        int best = g.from();
        for (int i = g.from() + 1; i < g.to(); i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the predicted concepts of group g match the true ones. */
    public boolean correct(double[] probs, double[] truth, Group g) {
        if (g.binary()) {
            return (probs[g.from()] > 0.5) == (truth[g.from()] > 0.5);
        }
        return truth[argmax(probs, g)] > 0.5;
    }
}
