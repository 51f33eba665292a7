package org.pellucid.trees;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.GlobalExplanation;
import org.pellucid.core.tree.DecisionTree;

/** A tree as a whole: indented text, Graphviz DOT and JSON, all in the user's terms. */
public final class TreeDescription implements GlobalExplanation {
    private final TreeModel model;

    TreeDescription(TreeModel model) {
        this.model = model;
    }

    @Override
    public String title() {
        DecisionTree t = model.tree();
        return "Decision tree: " + t.leaves() + " leaves, depth " + t.depth();
    }

    @Override
    public List<String> features() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        DecisionTree t = model.tree();
        for (int n = 0; n < t.nodes(); n++) {
            if (!t.isLeaf(n)) {
                s.add(model.condition(n, true).feature());
            }
        }
        return List.copyOf(s);
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(title()).append(" (a missing number reads as the training mean)\n");
        text(0, 0, b);
        return b.toString();
    }

    private void text(int n, int indent, StringBuilder b) {
        DecisionTree t = model.tree();
        String pad = "  ".repeat(indent);
        if (t.isLeaf(n)) {
            b.append(pad).append("→ ").append(model.outcome(n)).append("  [").append(reach(t, n)).append("]\n");
            return;
        }
        b.append(pad).append("if ").append(model.condition(n, true)).append(":\n");
        text(t.left(n), indent + 1, b);
        b.append(pad).append("else (").append(model.condition(n, false)).append("):\n");
        text(t.right(n), indent + 1, b);
    }

    /** "120 rows", or "3 rows + 97 samples" where a surrogate's sampled rows reached the node. */
    static String reach(DecisionTree t, int n) {
        long rows = Math.round(t.rows(n));
        long samples = Math.round(t.samples(n));
        return rows + (rows == 1 ? " row" : " rows") + (samples > 0 ? " + " + samples + (samples == 1 ? " sample" : " samples") : "");
    }

    public String toDot() {
        DecisionTree t = model.tree();
        StringBuilder b = new StringBuilder("digraph tree {\n  node [shape=box, fontname=\"Helvetica\"];\n");
        for (int n = 0; n < t.nodes(); n++) {
            String label = t.isLeaf(n) ? model.outcome(n) + "\\n" + reach(t, n)
                    : model.condition(n, true).toString();
            b.append("  n").append(n).append(" [label=\"").append(label.replace("\"", "\\\"")).append('"')
                    .append(t.isLeaf(n) ? ", style=rounded" : "").append("];\n");
            if (!t.isLeaf(n)) {
                b.append("  n").append(n).append(" -> n").append(t.left(n)).append(" [label=\"yes\"];\n");
                b.append("  n").append(n).append(" -> n").append(t.right(n)).append(" [label=\"no\"];\n");
            }
        }
        return b.append("}\n").toString();
    }

    public JsonObject toJson() {
        return node(0);
    }

    private JsonObject node(int n) {
        DecisionTree t = model.tree();
        JsonObject o = new JsonObject();
        o.addProperty("id", n);
        o.addProperty("rows", Math.round(t.rows(n)));
        o.addProperty("samples", Math.round(t.samples(n)));
        if (t.isLeaf(n)) {
            o.addProperty("outcome", model.outcome(n));
            JsonArray v = new JsonArray();
            for (double d : t.value(n)) {
                v.add(d);
            }
            o.add("value", v);
            return o;
        }
        Condition c = model.condition(n, true);
        o.addProperty("test", c.toString());
        o.addProperty("feature", c.feature());
        o.addProperty("operator", c.operator());
        o.addProperty("value", c.value());
        o.add("yes", node(t.left(n)));
        o.add("no", node(t.right(n)));
        return o;
    }
}
