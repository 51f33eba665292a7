package org.pellucid.contract;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.model.Prediction;

/**
 * Runs a model's stated form from its JSON text alone — the contract's own reading of what a rule
 * list or a tree says, sharing no code with the model that stated it. Conditions are judged by
 * {@link ConditionTruth}; a rule list's class scores are its bias plus the weights of the rules that
 * fire, softmaxed; a tree is walked from node 0 to a leaf.
 */
public final class StatedFormRunner {
    private final JsonObject form;
    private final ConditionTruth truth;

    /** Parses the JSON text of a form ({@code decision_tree} or {@code rule_list}). */
    public StatedFormRunner(String json) {
        this.form = JsonParser.parseString(json).getAsJsonObject();
        this.truth = ConditionTruth.fromForm(form);
    }

    public String kind() {
        return form.get("form").getAsString();
    }

    public ConditionTruth truth() {
        return truth;
    }

    /** A run: the probabilities (or a one-element regression value) and the conditions met on the way. */
    public record Run(double[] output, List<Condition> path, List<Integer> firedRules) {}

    public Run run(Instance x) {
        return switch (kind()) {
            case "decision_tree" -> walk(x);
            case "rule_list" -> vote(x);
            default -> throw new IllegalArgumentException("unknown form '" + kind() + "'");
        };
    }

    private Run walk(Instance x) {
        JsonArray nodes = form.getAsJsonArray("nodes");
        List<Condition> path = new ArrayList<>();
        int n = 0;
        for (int steps = 0; steps <= nodes.size(); steps++) {
            JsonObject node = nodes.get(n).getAsJsonObject();
            if (node.has("leaf")) {
                return new Run(numbers(node.getAsJsonArray("leaf")), path, List.of());
            }
            Condition c = condition(node.getAsJsonObject("test"));
            boolean holds = truth.holds(c, x);
            path.add(holds ? c : c.negated());
            n = node.get(holds ? "if_true" : "if_false").getAsInt();
        }
        throw new IllegalStateException("the stated tree has a cycle");
    }

    private Run vote(Instance x) {
        double[] s = numbers(form.getAsJsonArray("bias"));
        List<Integer> fired = new ArrayList<>();
        JsonArray rules = form.getAsJsonArray("rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonObject r = rules.get(i).getAsJsonObject();
            boolean all = r.has("all");
            boolean fires = all;
            for (JsonElement e : r.getAsJsonArray(all ? "all" : "any")) {
                boolean h = truth.holds(condition(e.getAsJsonObject()), x);
                fires = all ? fires && h : fires || h;
            }
            if (fires) {
                fired.add(i);
                double[] w = numbers(r.getAsJsonArray("weights"));
                for (int c = 0; c < s.length; c++) {
                    s[c] += w[c];
                }
            }
        }
        return new Run(Prediction.softmax(s), List.of(), fired);
    }

    /** The stated conditions of rule {@code i}, and whether all (AND) or any (OR) must hold. */
    public List<Condition> ruleConditions(int i) {
        JsonObject r = form.getAsJsonArray("rules").get(i).getAsJsonObject();
        List<Condition> out = new ArrayList<>();
        r.getAsJsonArray(r.has("all") ? "all" : "any").forEach(e -> out.add(condition(e.getAsJsonObject())));
        return out;
    }

    public boolean ruleIsConjunction(int i) {
        return form.getAsJsonArray("rules").get(i).getAsJsonObject().has("all");
    }

    public String ruleOutcome(int i) {
        return form.getAsJsonArray("rules").get(i).getAsJsonObject().get("outcome").getAsString();
    }

    static Condition condition(JsonObject o) {
        return new Condition(o.get("feature").getAsString(), o.get("operator").getAsString(), o.get("value").getAsString());
    }

    private static double[] numbers(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }
}
