package org.pellucid.neurosymbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pellucid.core.data.Schema;

/**
 * One crisp rule: a conjunction (all literals hold) or a disjunction (any holds) of literals, and
 * its weight for every class in the linear vote.
 */
public record Rule(List<Literal> literals, boolean conjunction, double[] weights) {
    /** Share of training rows where the rule fires, and share of those that have its outcome. */
    public record Stats(double support, double confidence) {}

    public Rule {
        literals = List.copyOf(literals);
        weights = weights.clone();
    }

    /** A copy of the class weights: a rule never changes once made (change a copy and make a new rule). */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The weight for class {@code c}, without copying the vector (for the scoring loops). */
    public double weight(int c) {
        return weights[c];
    }

    /**
     * The same conjunction without literals that another of its literals implies — {@code c != d}
     * beside {@code c = e}, or a looser threshold beside a tighter one with the same operator. A
     * missing value falsifies every literal on its column, so firing is unchanged on every row.
     */
    static List<Literal> simplify(List<Literal> lits) {
        List<Literal> out = new ArrayList<>();
        for (Literal l : lits) {
            boolean implied = false;
            for (Literal m : lits) {
                if (m == l || m.column() != l.column()) {
                    continue;
                }
                if (l.op().equals("!=") && m.op().equals("=") && m.value() != l.value()) {
                    implied = true;
                } else if (l.op().equals(m.op()) && l.value() != m.value()) {
                    implied |= switch (l.op()) {
                        case ">", ">=" -> m.value() > l.value();
                        case "<", "<=" -> m.value() < l.value();
                        default -> false;
                    };
                }
            }
            if (!implied && !out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    /** Rules with the same kind and conditions share a key (they merge, their votes added). */
    String key() {
        return (conjunction ? "and:" : "or:") + literals;
    }

    /** Support and confidence of each rule on the rows. */
    static List<Stats> stats(List<Rule> rules, double[][] rows, int[] labels) {
        List<Stats> stats = new ArrayList<>();
        for (Rule r : rules) {
            int fires = 0;
            int right = 0;
            for (int i = 0; i < rows.length; i++) {
                if (r.fires(rows[i])) {
                    fires++;
                    right += labels[i] == r.outcome() ? 1 : 0;
                }
            }
            stats.add(new Stats(fires / (double) rows.length, fires == 0 ? 0 : right / (double) fires));
        }
        return stats;
    }

    public boolean fires(double[] row) {
        if (conjunction) {
            for (Literal l : literals) {
                if (!l.holds(row)) {
                    return false;
                }
            }
            return true;
        }
        for (Literal l : literals) {
            if (l.holds(row)) {
                return true;
            }
        }
        return false;
    }

    /** The class this rule votes for most, relative to the others. */
    public int outcome() {
        int b = 0;
        for (int c = 1; c < weights.length; c++) {
            if (weights[c] > weights[b]) {
                b = c;
            }
        }
        return b;
    }

    /** The rule's vote for its outcome relative to the mean of the classes. */
    public double strength() {
        double mean = 0;
        for (double w : weights) {
            mean += w / weights.length;
        }
        return weights[outcome()] - mean;
    }

    public String toText(Schema s) {
        String body = literals.isEmpty() ? "TRUE"
                : literals.stream().map(l -> l.toText(s)).collect(Collectors.joining(conjunction ? " AND " : " OR "));
        return "IF " + body + " THEN " + s.classes().get(outcome());
    }
}
