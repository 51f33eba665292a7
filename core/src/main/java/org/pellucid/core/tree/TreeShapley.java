package org.pellucid.core.tree;

import org.pellucid.core.encode.FeatureEncoder;

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion &amp; Lee, "Consistent individualized feature
 * attribution for tree ensembles", 2018, Algorithm 2) on one {@link DecisionTree}, in
 * O(leaves · depth²). The value of a coalition S is the tree's expectation when the columns in S
 * follow x and the others split in proportion to the training rows that reached each child (the
 * node weights). The players are the user's columns: all encoded inputs of a column (one-hot
 * indicators) are one player, so repeated splits on a column along a path are unwound exactly.
 * The values sum to the tree's output for x minus its expected output. Used for the tree model's
 * own attribution and, tree by tree, for the ensembles' {@code tree-shap} explainer.
 */
public final class TreeShapley {
    private TreeShapley() {}

    /** For each encoded input, the index of the user column it encodes. */
    public static int[] columns(FeatureEncoder enc, int userColumns) {
        int[] column = new int[enc.width()];
        for (int j = 0; j < userColumns; j++) {
            for (int k = enc.offset(j); k < enc.offset(j) + enc.width(j); k++) {
                column[k] = j;
            }
        }
        return column;
    }

    /** Adds scale × this tree's SHAP values to phi; returns scale × its expected value. */
    public static double accumulate(DecisionTree tree, double[] z, int[] column, int slot, double scale, double[] phi) {
        new Walk(tree, z, column, slot, scale, phi).recurse(0, new Path(tree.depth() + 2), 1, 1, -1);
        return scale * expectation(tree, 0, slot);
    }

    public static double expectation(DecisionTree tree, int node, int slot) {
        if (tree.isLeaf(node)) {
            return tree.value(node)[slot];
        }
        double w = tree.weight(node);
        return (tree.weight(tree.left(node)) * expectation(tree, tree.left(node), slot)
                + tree.weight(tree.right(node)) * expectation(tree, tree.right(node), slot)) / w;
    }

    /** The unique path of Algorithm 2: feature, zero fraction, one fraction and permutation weight. */
    private static final class Path {
        final int[] d;
        final double[] zf;
        final double[] of;
        final double[] w;
        int len;

        Path(int capacity) {
            d = new int[capacity];
            zf = new double[capacity];
            of = new double[capacity];
            w = new double[capacity];
        }

        Path copy() {
            Path c = new Path(d.length);
            System.arraycopy(d, 0, c.d, 0, len);
            System.arraycopy(zf, 0, c.zf, 0, len);
            System.arraycopy(of, 0, c.of, 0, len);
            System.arraycopy(w, 0, c.w, 0, len);
            c.len = len;
            return c;
        }

        void extend(double pz, double po, int pi) {
            int l = len;
            d[l] = pi;
            zf[l] = pz;
            of[l] = po;
            w[l] = l == 0 ? 1 : 0;
            for (int i = l - 1; i >= 0; i--) {
                w[i + 1] += po * w[i] * (i + 1) / (l + 1);
                w[i] = pz * w[i] * (l - i) / (l + 1);
            }
            len++;
        }

        void unwind(int i) {
            int l = len - 1;
            double n = w[l];
            double oi = of[i];
            double zi = zf[i];
            for (int j = l - 1; j >= 0; j--) {
                if (oi != 0) {
                    double t = w[j];
                    w[j] = n * (l + 1) / ((j + 1) * oi);
                    n = t - w[j] * zi * (l - j) / (l + 1);
                } else {
                    w[j] = w[j] * (l + 1) / (zi * (l - j));
                }
            }
            for (int j = i; j < l; j++) {
                d[j] = d[j + 1];
                zf[j] = zf[j + 1];
                of[j] = of[j + 1];
            }
            len--;
        }

        double unwoundSum(int i) {
            int l = len - 1;
            double oi = of[i];
            double zi = zf[i];
            double total = 0;
            if (oi != 0) {
                double n = w[l];
                for (int j = l - 1; j >= 0; j--) {
                    double t = n * (l + 1) / ((j + 1) * oi);
                    total += t;
                    n = w[j] - t * zi * (l - j) / (l + 1);
                }
            } else {
                for (int j = l - 1; j >= 0; j--) {
                    total += w[j] * (l + 1) / (zi * (l - j));
                }
            }
            return total;
        }
    }

    private record Walk(DecisionTree tree, double[] z, int[] column, int slot, double scale, double[] phi) {

        void recurse(int node, Path parent, double pz, double po, int pi) {
            Path m = parent.copy();
            m.extend(pz, po, pi);
            if (tree.isLeaf(node)) {
                double v = scale * tree.value(node)[slot];
                for (int i = 1; i < m.len; i++) {
                    phi[m.d[i]] += m.unwoundSum(i) * (m.of[i] - m.zf[i]) * v;
                }
                return;
            }
            int f = tree.feature(node);
            int hot = z[f] <= tree.threshold(node) ? tree.left(node) : tree.right(node);
            int cold = hot == tree.left(node) ? tree.right(node) : tree.left(node);
            int col = column[f];
            double iz = 1;
            double io = 1;
            for (int k = 1; k < m.len; k++) {
                if (m.d[k] == col) {
                    iz = m.zf[k];
                    io = m.of[k];
                    m.unwind(k);
                    break;
                }
            }
            double r = tree.weight(node);
            recurse(hot, m, iz * tree.weight(hot) / r, io, col);
            recurse(cold, m, iz * tree.weight(cold) / r, 0, col);
        }
    }

}
