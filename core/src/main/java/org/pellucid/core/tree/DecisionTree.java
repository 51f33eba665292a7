package org.pellucid.core.tree;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import org.pellucid.core.encode.Jsons;

/**
 * A binary decision tree over encoded inputs, stored as flat arrays. An internal node sends a row
 * left when {@code x[feature] <= threshold}; a leaf holds a value vector (class distribution, or one
 * regression output) and the sample weight it was fitted on — of which {@link #rows(int)} were rows
 * of the training data and the rest rows sampled for a surrogate ({@link TreeLearner.Augmenter}).
 * Immutable and thread-safe.
 */
public final class DecisionTree {
    private final int[] feature; // -1 for leaves
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[][] value;
    private final double[] weight;
    private final double[] rows;

    DecisionTree(int[] feature, double[] threshold, int[] left, int[] right, double[][] value, double[] weight) {
        this(feature, threshold, left, right, value, weight, weight);
    }

    DecisionTree(int[] feature, double[] threshold, int[] left, int[] right, double[][] value, double[] weight, double[] rows) {
        if (rows.length != weight.length) {
            throw new IllegalArgumentException("tree arrays differ in length");
        }
        this.rows = rows;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.weight = weight;
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] >= 0 && (left[i] <= i || right[i] <= i || left[i] >= feature.length || right[i] >= feature.length)) {
                throw new IllegalArgumentException("malformed tree: node " + i + " has children " + left[i] + ", " + right[i]);
            }
        }
    }

    public int nodes() {
        return feature.length;
    }

    public boolean isLeaf(int node) {
        return feature[node] < 0;
    }

    public int feature(int node) {
        return feature[node];
    }

    public double threshold(int node) {
        return threshold[node];
    }

    public int left(int node) {
        return left[node];
    }

    public int right(int node) {
        return right[node];
    }

    public double[] value(int node) {
        return value[node].clone();
    }

    /** Training sample weight that reached the node. */
    public double weight(int node) {
        return weight[node];
    }

    /** Rows of the training data that reached the node (its weight less any sampled rows). */
    public double rows(int node) {
        return rows[node];
    }

    /** Rows sampled for a surrogate that reached the node (0 for a tree fitted on data alone). */
    public double samples(int node) {
        return Math.max(0, weight[node] - rows[node]);
    }

    /** The leaf a row reaches. */
    public int leaf(double[] x) {
        int n = 0;
        while (feature[n] >= 0) {
            n = x[feature[n]] <= threshold[n] ? left[n] : right[n];
        }
        return n;
    }

    /** The nodes a row passes through, root first, ending at its leaf. */
    public int[] path(double[] x) {
        int[] buf = new int[depth() + 1];
        int k = 0;
        int n = 0;
        buf[k++] = 0;
        while (feature[n] >= 0) {
            n = x[feature[n]] <= threshold[n] ? left[n] : right[n];
            buf[k++] = n;
        }
        return Arrays.copyOf(buf, k);
    }

    public double[] predict(double[] x) {
        return value[leaf(x)].clone();
    }

    public int leaves() {
        int c = 0;
        for (int f : feature) {
            if (f < 0) {
                c++;
            }
        }
        return c;
    }

    /** Edges on the longest root-to-leaf path. */
    public int depth() {
        return depth(0);
    }

    private int depth(int n) {
        return feature[n] < 0 ? 0 : 1 + Math.max(depth(left[n]), depth(right[n]));
    }

    /** Depth of every node (root 0). */
    public int[] nodeDepths() {
        int[] d = new int[feature.length];
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] >= 0) {
                d[left[i]] = d[i] + 1;
                d[right[i]] = d[i] + 1;
            }
        }
        return d;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray f = new JsonArray();
        JsonArray l = new JsonArray();
        JsonArray r = new JsonArray();
        JsonArray v = new JsonArray();
        for (int i = 0; i < feature.length; i++) {
            f.add(feature[i]);
            l.add(left[i]);
            r.add(right[i]);
            v.add(Jsons.array(value[i]));
        }
        o.add("feature", f);
        o.add("threshold", Jsons.array(threshold));
        o.add("left", l);
        o.add("right", r);
        o.add("value", v);
        o.add("weight", Jsons.array(weight));
        o.add("rows", Jsons.array(rows));
        return o;
    }

    public static DecisionTree fromJson(JsonObject o) {
        JsonArray f = o.getAsJsonArray("feature");
        int n = f.size();
        int[] feature = new int[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[][] value = new double[n][];
        for (int i = 0; i < n; i++) {
            feature[i] = f.get(i).getAsInt();
            left[i] = o.getAsJsonArray("left").get(i).getAsInt();
            right[i] = o.getAsJsonArray("right").get(i).getAsInt();
            value[i] = Jsons.doubles(o.getAsJsonArray("value").get(i).getAsJsonArray());
        }
        double[] thr = Jsons.doubles(o.getAsJsonArray("threshold"));
        double[] w = Jsons.doubles(o.getAsJsonArray("weight"));
        // trees saved before sampled rows were told apart have no "rows": every row was real
        double[] rows = o.has("rows") ? Jsons.doubles(o.getAsJsonArray("rows")) : w;
        if (thr.length != n || w.length != n) {
            throw new IllegalArgumentException("tree arrays differ in length");
        }
        return new DecisionTree(feature, thr, left, right, value, w, rows);
    }
}
