package org.pellucid.trees;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;

/**
 * How well a surrogate tree imitates its teacher on held-out rows: agreement overall, per teacher
 * class and per leaf; its accuracy against the true labels; and its size as a reader meets it
 * (leaves, depth, average path length over the rows).
 */
public record Fidelity(double agreement, Map<String, Double> perClass, Map<Integer, double[]> perLeaf, double accuracy,
                       int leaves, int depth, double averagePathLength, int rows) {

    public static Fidelity of(TreeModel tree, Predictor teacher, Dataset test) {
        List<Prediction> t = teacher.predictAll(test);
        int n = test.size();
        int agree = 0;
        int correct = 0;
        double pathSum = 0;
        int k = test.schema().classes().size();
        int[] classRows = new int[k];
        int[] classAgree = new int[k];
        Map<Integer, double[]> leaf = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            var e = tree.explain(test.row(i));
            int c = e.prediction().classIndex();
            int tc = t.get(i).classIndex();
            boolean same = c == tc;
            agree += same ? 1 : 0;
            correct += c == test.label(i) ? 1 : 0;
            classRows[tc]++;
            classAgree[tc] += same ? 1 : 0;
            pathSum += e.explanation().steps().size();
            double[] l = leaf.computeIfAbsent(e.explanation().leaf(), x -> new double[2]);
            l[0]++;
            l[1] += same ? 1 : 0;
        }
        Map<String, Double> perClass = new TreeMap<>();
        for (int c = 0; c < k; c++) {
            if (classRows[c] > 0) {
                perClass.put(test.schema().classes().get(c), (double) classAgree[c] / classRows[c]);
            }
        }
        return new Fidelity((double) agree / n, perClass, leaf, (double) correct / n, tree.tree().leaves(),
                tree.tree().depth(), pathSum / n, n);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("agreement", agreement);
        JsonObject pc = new JsonObject();
        perClass.forEach(pc::addProperty);
        o.add("per_class", pc);
        JsonArray pl = new JsonArray();
        perLeaf.forEach((id, v) -> {
            JsonObject l = new JsonObject();
            l.addProperty("leaf", id);
            l.addProperty("rows", (long) v[0]);
            l.addProperty("agreement", v[1] / v[0]);
            pl.add(l);
        });
        o.add("per_leaf", pl);
        o.addProperty("accuracy", accuracy);
        o.addProperty("leaves", leaves);
        o.addProperty("depth", depth);
        o.addProperty("average_path_length", averagePathLength);
        o.addProperty("rows", rows);
        return o;
    }
}
