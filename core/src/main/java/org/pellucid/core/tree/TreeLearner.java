package org.pellucid.core.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.pellucid.core.data.Numbers;

/**
 * Grows a CART-style binary tree (Breiman et al., 1984) best-first: the leaf whose split gains most
 * is split next, until the leaf budget, the depth limit or the minimum leaf size stops it — so a
 * budget of k leaves buys the k−1 most useful splits. Splits are searched on histograms of at most
 * {@code maxBins} candidate thresholds per input (exact when an input has fewer distinct values),
 * which makes each tree level cost one pass over the node's rows per input.
 *
 * <p>An optional {@link Augmenter} adds rows to nodes that have too few, drawn from the node's
 * {@link Region} and labelled by an oracle — TREPAN's remedy (Craven &amp; Shavlik, NIPS 1996) for
 * deep nodes that would otherwise be split on a handful of examples.
 */
public final class TreeLearner {

    /**
     * @param maxLeaves the leaf budget (≥ 1)
     * @param maxDepth the depth limit (edges from the root)
     * @param minLeaf the fewest rows a leaf may have
     * @param maxBins candidate thresholds per input (2..32767)
     * @param featuresPerSplit inputs tried at each split; 0 or ≥ width means all (random forests use fewer)
     */
    public record Options(int maxLeaves, int maxDepth, int minLeaf, int maxBins, int featuresPerSplit) {
        public Options {
            // each named as the option that sets it; a depth of 0 (a single leaf) is refused like 0 leaves
            atLeast("max-leaves", maxLeaves, 1);
            atLeast("max-depth", maxDepth, 1);
            atLeast("min-leaf", minLeaf, 1);
            atLeast("max-bins", maxBins, 2);
            if (maxBins > 32767) {
                throw new IllegalArgumentException("option max-bins must be at most 32767, got " + maxBins);
            }
            atLeast("features-per-split", featuresPerSplit, 0);
        }

        private static void atLeast(String option, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException("option " + option + " must be at least " + min + ", got " + value);
            }
        }

        public static Options leaves(int maxLeaves) {
            return new Options(maxLeaves, 64, 1, 255, 0);
        }

        public Options withMaxDepth(int d) {
            return new Options(maxLeaves, d, minLeaf, maxBins, featuresPerSplit);
        }

        public Options withMinLeaf(int m) {
            return new Options(maxLeaves, maxDepth, m, maxBins, featuresPerSplit);
        }

        public Options withFeaturesPerSplit(int f) {
            return new Options(maxLeaves, maxDepth, minLeaf, maxBins, f);
        }
    }

    /** Supplies extra rows for nodes with too few (TREPAN-style sampling). */
    public interface Augmenter {
        /** Nodes with fewer rows than this get more, up to this many. */
        int minSamples();

        /** {@code count} new encoded rows inside {@code region}. */
        List<double[]> sample(Region region, int count, Random rnd);

        /** The statistics vector of a new row (its oracle label, weighted). */
        double[] stats(double[] row);
    }

    private final SplitCriterion criterion;
    private final Options options;
    private final Augmenter augmenter;
    private final Random rnd;
    private final int width;
    private final double[][] cuts;
    private final List<double[]> rows = new ArrayList<>();
    private final List<double[]> stats = new ArrayList<>();
    private final List<short[]> bins = new ArrayList<>();
    private int augmented;
    private int firstSynthetic = Integer.MAX_VALUE; // rows from this index on were added by the augmenter

    /**
     * Rows binned once, for fitting many trees on the same inputs with different statistics
     * (boosting rounds): the cut points and bins are computed a single time.
     */
    public static final class Prepared {
        final double[][] x;
        final double[][] cuts;
        final short[][] bins;

        private Prepared(double[][] x, int maxBins) {
            this.x = x;
            int width = x.length == 0 ? 0 : x[0].length;
            this.cuts = new double[width][];
            for (int j = 0; j < width; j++) {
                cuts[j] = cutPoints(x, j, maxBins);
            }
            this.bins = new short[x.length][];
            for (int i = 0; i < x.length; i++) {
                bins[i] = binsOf(cuts, x[i]);
            }
        }

        public int rows() {
            return x.length;
        }
    }

    public static Prepared prepare(double[][] x, int maxBins) {
        if (x.length == 0) {
            throw new IllegalArgumentException("a tree needs at least one row");
        }
        return new Prepared(x, maxBins);
    }

    private TreeLearner(Prepared data, double[][] s, SplitCriterion criterion, Options options, Augmenter augmenter, Random rnd) {
        this.criterion = criterion;
        this.options = options;
        this.augmenter = augmenter;
        this.rnd = rnd;
        this.width = data.cuts.length;
        this.cuts = data.cuts;
        for (int i = 0; i < data.x.length; i++) {
            rows.add(data.x[i]);
            stats.add(s[i]);
            bins.add(data.bins[i]);
        }
    }

    /** What a fit produced: the tree and how many rows the augmenter added. */
    public record Result(DecisionTree tree, int augmentedRows) {}

    public static DecisionTree fit(double[][] x, double[][] stats, SplitCriterion criterion, Options options, Random rnd) {
        return fit(x, stats, criterion, options, rnd, null).tree();
    }

    public static Result fit(double[][] x, double[][] stats, SplitCriterion criterion, Options options, Random rnd,
                             Augmenter augmenter) {
        if (x.length == 0) {
            throw new IllegalArgumentException("a tree needs at least one row");
        }
        if (stats.length != x.length) {
            throw new IllegalArgumentException(x.length + " rows but " + stats.length + " statistics");
        }
        return fit(prepare(x, options.maxBins()), stats, criterion, options, rnd, augmenter);
    }

    /** Fits on rows binned by {@link #prepare} (their bin count, not {@code options.maxBins()}, applies). */
    public static Result fit(Prepared data, double[][] stats, SplitCriterion criterion, Options options, Random rnd,
                             Augmenter augmenter) {
        if (stats.length != data.rows()) {
            throw new IllegalArgumentException(data.rows() + " rows but " + stats.length + " statistics");
        }
        TreeLearner l = new TreeLearner(data, stats, criterion, options, augmenter, rnd);
        return new Result(l.grow(), l.augmented);
    }

    static double[] cutPoints(double[][] x, int j, int maxBins) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i][j];
        }
        Arrays.sort(v);
        double[] distinct = new double[v.length];
        int d = 0;
        for (double a : v) {
            if (d == 0 || a != distinct[d - 1]) {
                distinct[d++] = a;
            }
        }
        if (d <= 1) {
            return new double[0];
        }
        List<Double> c = new ArrayList<>();
        if (d <= maxBins) {
            for (int k = 0; k + 1 < d; k++) {
                c.add(Numbers.roundest(distinct[k], distinct[k + 1]));
            }
        } else {
            for (int b = 1; b < maxBins; b++) {
                int i = (int) ((long) b * v.length / maxBins);
                double lo = v[i - 1];
                double hi = v[i];
                if (lo != hi) {
                    double m = Numbers.roundest(lo, hi);
                    if (c.isEmpty() || m > c.get(c.size() - 1)) {
                        c.add(m);
                    }
                }
            }
        }
        return c.stream().mapToDouble(Double::doubleValue).toArray();
    }


    private void add(double[] x, double[] s) {
        rows.add(x);
        stats.add(s);
        bins.add(binsOf(cuts, x));
    }

    static short[] binsOf(double[][] cuts, double[] x) {
        short[] b = new short[cuts.length];
        for (int j = 0; j < cuts.length; j++) {
            int k = Arrays.binarySearch(cuts[j], x[j]);
            b[j] = (short) (k >= 0 ? k : -k - 1);
        }
        return b;
    }

    private final class Node {
        final int id;
        int[] idx;
        final int depth;
        final Region region;
        double[] total;
        int feature = -1;
        int cutBin;
        double gain = Double.NEGATIVE_INFINITY;
        double priority;
        int left = -1;
        int right = -1;

        Node(int id, int[] idx, int depth, Region region) {
            this.id = id;
            this.idx = idx;
            this.depth = depth;
            this.region = region;
        }
    }

    private DecisionTree grow() {
        List<Node> nodes = new ArrayList<>();
        Node root = new Node(0, rangeOf(rows.size()), 0, Region.everything(width));
        nodes.add(root);
        prepare(root);
        PriorityQueue<Node> queue = new PriorityQueue<>((a, b) -> Double.compare(b.priority, a.priority));
        if (root.feature >= 0) {
            queue.add(root);
        }
        int leaves = 1;
        while (leaves < options.maxLeaves() && !queue.isEmpty()) {
            Node n = queue.poll();
            double thr = cuts[n.feature][n.cutBin];
            int[][] sides = partition(n);
            int[] li = sides[0];
            int[] ri = sides[1];
            Node l = new Node(nodes.size(), li, n.depth + 1, n.region.left(n.feature, thr));
            nodes.add(l);
            Node r = new Node(nodes.size(), ri, n.depth + 1, n.region.right(n.feature, thr));
            nodes.add(r);
            n.left = l.id;
            n.right = r.id;
            leaves++;
            for (Node c : new Node[] {l, r}) {
                prepare(c);
                if (c.feature >= 0) {
                    queue.add(c);
                }
            }
        }
        if (augmenter != null && criterion instanceof SplitCriterion.Gini) {
            pruneOnRealRows(nodes);
        }
        return flatten(nodes);
    }

    /** The rows of a node that go left of its chosen cut (bin ≤ cut) and right of it, each in the node's order. */
    private int[][] partition(Node n) {
        int nl = 0;
        for (int i : n.idx) {
            if (bins.get(i)[n.feature] <= n.cutBin) {
                nl++;
            }
        }
        int[] li = new int[nl];
        int[] ri = new int[n.idx.length - nl];
        int a = 0;
        int b = 0;
        for (int i : n.idx) {
            if (bins.get(i)[n.feature] <= n.cutBin) {
                li[a++] = i;
            } else {
                ri[b++] = i;
            }
        }
        return new int[][] {li, ri};
    }

    /** The grown nodes as a {@link DecisionTree}: those still reachable from the root, numbered in the order they were made (children after parents). */
    private DecisionTree flatten(List<Node> nodes) {
        int[] newId = new int[nodes.size()];
        Arrays.fill(newId, -1);
        boolean[] reach = new boolean[nodes.size()];
        reach[0] = true;
        int m = 0;
        for (Node n : nodes) {
            if (reach[n.id]) {
                newId[n.id] = m++;
                if (n.left >= 0) {
                    reach[n.left] = true;
                    reach[n.right] = true;
                }
            }
        }
        int[] feature = new int[m];
        double[] threshold = new double[m];
        int[] left = new int[m];
        int[] right = new int[m];
        double[][] value = new double[m][];
        double[] weight = new double[m];
        double[] real = new double[m];
        for (Node n : nodes) {
            int id = newId[n.id];
            if (id < 0) {
                continue;
            }
            boolean split = n.left >= 0;
            feature[id] = split ? n.feature : -1;
            threshold[id] = split ? cuts[n.feature][n.cutBin] : Double.NaN;
            left[id] = split ? newId[n.left] : -1;
            right[id] = split ? newId[n.right] : -1;
            value[id] = criterion.leafValue(n.total);
            weight[id] = n.idx.length;
            real[id] = realRows(n);
        }
        return new DecisionTree(feature, threshold, left, right, value, weight, real);
    }

    private int realRows(Node n) {
        int real = 0;
        for (int i : n.idx) {
            real += i < firstSynthetic ? 1 : 0;
        }
        return real;
    }

    /**
     * Reduced-error pruning (Quinlan, "Simplifying decision trees", 1987) with the real rows as the
     * evidence: bottom up, a split stays only when its subtree agrees with the oracle on at least
     * {@code minLeaf} more of the node's real rows than the node would as one leaf (a split must win
     * as many real rows as a leaf must hold). Sampled rows choose the splits, but a split
     * must pay off on the data: on the demo's credit table an rf teacher's 16-leaf TREPAN tree spent
     * ten leaves (depth 11) on noise columns inside a 1-unit band of income where most rows were
     * samples, with the same agreement as the 6-leaf tree grown without sampling. Splits whose two
     * sides predict the same class go too (they change no decision). Classification only.
     */
    private void pruneOnRealRows(List<Node> nodes) {
        int[] agree = new int[nodes.size()];
        for (int id = nodes.size() - 1; id >= 0; id--) {
            Node n = nodes.get(id);
            int predicted = argmax(criterion.leafValue(n.total));
            int asLeaf = 0;
            for (int i : n.idx) {
                if (i < firstSynthetic && argmax(stats.get(i)) == predicted) {
                    asLeaf++;
                }
            }
            if (n.left < 0) {
                agree[id] = asLeaf;
                continue;
            }
            int subtree = agree[n.left] + agree[n.right];
            if (subtree - asLeaf < options.minLeaf()) {
                n.left = -1; // collapsed: its subtree is left unreachable and dropped
                n.right = -1;
                agree[id] = asLeaf;
            } else {
                agree[id] = subtree;
            }
        }
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Adds oracle rows if the node is short of them, sums its statistics, finds its best split. */
    private void prepare(Node n) {
        if (augmenter != null && n.idx.length < augmenter.minSamples() && n.depth <= options.maxDepth()) {
            int want = augmenter.minSamples() - n.idx.length;
            List<double[]> extra = augmenter.sample(n.region, want, rnd);
            firstSynthetic = Math.min(firstSynthetic, rows.size());
            int[] idx = Arrays.copyOf(n.idx, n.idx.length + extra.size());
            for (int k = 0; k < extra.size(); k++) {
                idx[n.idx.length + k] = rows.size();
                add(extra.get(k), augmenter.stats(extra.get(k)));
            }
            augmented += extra.size();
            n.idx = idx;
        }
        int w = criterion.width();
        n.total = new double[w];
        for (int i : n.idx) {
            double[] s = stats.get(i);
            for (int k = 0; k < w; k++) {
                n.total[k] += s[k];
            }
        }
        if (n.depth >= options.maxDepth() || n.idx.length < 2 * options.minLeaf()) {
            return;
        }
        findSplit(n);
    }

    private void findSplit(Node n) {
        int w = criterion.width();
        double parent = criterion.score(n.total, 0);
        int[] features = chooseFeatures();
        Histograms hs = histograms(n, features, w);
        int nf = features.length;
        int[] base = hs.base();
        double[] hist = hs.hist();
        int[] count = hs.count();
        double[] left = new double[w];
        double[] right = new double[w];
        for (int f = 0; f < nf; f++) {
            int j = features[f];
            int nb = base[f + 1] - base[f];
            if (nb < 2) {
                continue;
            }
            Arrays.fill(left, 0);
            int nLeft = 0;
            for (int b = 0; b + 1 < nb; b++) {
                int cell = base[f] + b;
                nLeft += count[cell];
                for (int k = 0; k < w; k++) {
                    left[k] += hist[cell * w + k];
                }
                int nRight = n.idx.length - nLeft;
                if (nLeft < options.minLeaf()) {
                    continue;
                }
                if (nRight < options.minLeaf()) {
                    break;
                }
                if (count[cell] == 0 && b > 0) {
                    continue; // same partition as the previous cut
                }
                for (int k = 0; k < w; k++) {
                    right[k] = n.total[k] - left[k];
                }
                double gain = criterion.score(left, 0) + criterion.score(right, 0) - parent;
                if (gain > n.gain + 1e-12) {
                    n.gain = gain;
                    n.feature = j;
                    n.cutBin = b;
                }
            }
        }
        if (n.gain <= 1e-12) {
            n.feature = -1; // nothing to gain: stays a leaf
            return;
        }
        // sampled rows help choose a node's split, but which node to split next is decided by the
        // real rows it holds: the budget goes where the data is (TREPAN ranks nodes by reach too)
        n.priority = n.gain * realRows(n) / n.idx.length;
    }

    /** Per chosen input, a histogram of the node's statistics over its bins: input f's bins are cells base[f] … base[f+1]−1. */
    private record Histograms(int[] base, double[] hist, int[] count) {}

    /** One pass over the node's rows fills every chosen input's histogram (row-major: each row's bins and statistics are read once). */
    private Histograms histograms(Node n, int[] features, int w) {
        int nf = features.length;
        int[] base = new int[nf + 1];
        for (int f = 0; f < nf; f++) {
            base[f + 1] = base[f] + cuts[features[f]].length + 1;
        }
        double[] hist = new double[base[nf] * w];
        int[] count = new int[base[nf]];
        for (int i : n.idx) {
            short[] b = bins.get(i);
            double[] s = stats.get(i);
            for (int f = 0; f < nf; f++) {
                int cell = base[f] + b[features[f]];
                count[cell]++;
                int h = cell * w;
                for (int k = 0; k < w; k++) {
                    hist[h + k] += s[k];
                }
            }
        }
        return new Histograms(base, hist, count);
    }

    private int[] chooseFeatures() {
        int f = options.featuresPerSplit();
        if (f == 0 || f >= width) {
            return rangeOf(width);
        }
        int[] all = rangeOf(width);
        for (int i = 0; i < f; i++) {
            int k = i + rnd.nextInt(width - i);
            int t = all[i];
            all[i] = all[k];
            all[k] = t;
        }
        return Arrays.copyOf(all, f);
    }

    private static int[] rangeOf(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
