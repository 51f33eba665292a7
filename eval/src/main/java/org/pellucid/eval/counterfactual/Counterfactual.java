package org.pellucid.eval.counterfactual;

import java.util.List;
import java.util.stream.Collectors;
import org.pellucid.core.data.Instance;

/**
 * A changed row that the model gives {@code toClass}.
 *
 * @param row the counterfactual row
 * @param changes what changed, in the data's terms
 * @param toClass the class the model now predicts
 * @param cost the changes' cost: 1 per category changed, |Δ| / MAD per number ({@link CounterfactualCost})
 * @param exact true when it is the cheapest change under the cost (from the model's structure), false
 *     for a search result
 * @param method how it was found
 */
public record Counterfactual(Instance row, List<Change> changes, String toClass, double cost, boolean exact, String method) {

    /** One column's change. */
    public record Change(String column, String from, String to) {
        @Override
        public String toString() {
            return column + " " + from + " → " + to;
        }
    }

    public Counterfactual {
        changes = List.copyOf(changes);
    }

    /** "income 42.1 → 50.8 and debt_ratio 0.45 → 0.39 gives approve". */
    public String toText() {
        return (changes.isEmpty() ? "no change" : changes.stream().map(Change::toString).collect(Collectors.joining(" and ")))
                + " gives " + toClass;
    }
}
