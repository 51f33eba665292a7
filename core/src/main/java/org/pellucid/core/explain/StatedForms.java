package org.pellucid.core.explain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The JSON form of a {@link StatedForm}: what {@code explain --json} and the contract's independent
 * checker read. Numbers are written as JSON numbers (doubles, exact); conditions as
 * {@code {"feature", "operator", "value", "text"}} with the value as the user reads it.
 */
public final class StatedForms {
    private StatedForms() {}

    public static JsonObject toJson(StatedForm form) {
        JsonObject o = new JsonObject();
        switch (form) {
            case DecisionTreeForm t -> {
                o.addProperty("form", "decision_tree");
                o.add("classes", strings(t.classes()));
                o.addProperty("missing", t.missing().name().toLowerCase(Locale.ROOT));
                JsonObject imp = new JsonObject();
                new TreeMap<>(t.imputed()).forEach(imp::addProperty);
                o.add("imputed", imp);
                JsonArray nodes = new JsonArray();
                for (DecisionTreeForm.Node n : t.nodes()) {
                    JsonObject no = new JsonObject();
                    if (n.isLeaf()) {
                        no.add("leaf", numbers(n.leaf()));
                    } else {
                        no.add("test", n.test().toJson());
                        no.addProperty("if_true", n.ifTrue());
                        no.addProperty("if_false", n.ifFalse());
                    }
                    nodes.add(no);
                }
                o.add("nodes", nodes);
            }
            case RuleListForm r -> {
                o.addProperty("form", "rule_list");
                o.add("classes", strings(r.classes()));
                o.addProperty("missing", r.missing().name().toLowerCase(Locale.ROOT));
                o.addProperty("combination", "softmax(bias + sum of the weights of the rules that fire)");
                o.add("bias", numbers(r.bias()));
                JsonArray rules = new JsonArray();
                for (RuleListForm.StatedRule s : r.rules()) {
                    JsonObject ro = new JsonObject();
                    JsonArray cs = new JsonArray();
                    s.conditions().forEach(c -> cs.add(c.toJson()));
                    ro.add(s.all() ? "all" : "any", cs);
                    ro.addProperty("outcome", s.outcome());
                    ro.add("weights", numbers(s.weights()));
                    rules.add(ro);
                }
                o.add("rules", rules);
            }
        }
        return o;
    }

    private static JsonArray strings(List<String> s) {
        JsonArray a = new JsonArray();
        s.forEach(a::add);
        return a;
    }

    private static JsonArray numbers(double[] v) {
        JsonArray a = new JsonArray();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }
}
