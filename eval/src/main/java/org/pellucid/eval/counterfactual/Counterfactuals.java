package org.pellucid.eval.counterfactual;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.DecisionTreeForm;
import org.pellucid.core.explain.RuleListForm;
import org.pellucid.core.explain.StatedForm;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Simulatable;
import org.pellucid.core.models.LogisticModel;

/**
 * Counterfactuals for any {@link Predictor}: the cheapest changes (under {@link CounterfactualCost})
 * after which the model predicts {@code target}, several of them and different from each other
 * (DiCE's aim, Mothilal, Sharma &amp; Tan 2020: each one changes a different set of columns).
 *
 * <ul>
 *   <li>A model that states a decision tree ({@link DecisionTreeForm}): <b>exact</b>. Every leaf of the
 *       target class is a box of conditions; the cheapest move of the row into each box is read off
 *       its bounds, and the cheapest boxes are the answer.</li>
 *   <li>A two-class {@link LogisticModel}: <b>exact</b>. Its log-odds are additive over columns: a
 *       number moves the log-odds linearly, a category by a fixed amount per level. For every set of
 *       category changes, the numbers are moved in order of log-odds gained per unit of cost until the
 *       sign flips (a fractional knapsack, optimal for a weighted-L1 cost with box bounds).</li>
 *   <li>A model that states a weighted rule list ({@link RuleListForm}): <b>exact</b> when the
 *       branch-and-bound over the cells its thresholds cut each column into finishes within its node
 *       budget ({@link RuleCounterfactuals}); otherwise the best it found and the search below, not
 *       called exact.</li>
 *   <li>Anything else: a seeded search in growing spheres (Laugel et al. 2018): random changes of one
 *       to three mutable columns at radius 0.25, 0.5, 1, 2, 4 MADs, within a budget of model calls;
 *       when that finds too few and training rows are given, x takes over the values of the nearest
 *       training rows of the target class column by column (cheapest first) until the prediction
 *       flips; valid ones are then made sparser by undoing each change the prediction does not need.</li>
 * </ul>
 * Every result is checked by predicting it again; an invalid one is never returned.
 */
public final class Counterfactuals {
    private Counterfactuals() {}

    /** Search settings: how many counterfactuals, and the black-box search's budget of model calls. */
    public record Settings(int count, int modelCalls, long seed) {
        public static Settings defaults(long seed) {
            return new Settings(3, 4000, seed);
        }
    }

    public static List<Counterfactual> find(Predictor model, Instance x, int target, CounterfactualCost cost, Settings s) {
        return find(model, x, target, cost, s, null);
    }

    /** As above; {@code train}, when given, lets the search for other predictors draw on training rows of the target class. */
    public static List<Counterfactual> find(Predictor model, Instance x, int target, CounterfactualCost cost, Settings s, Dataset train) {
        if (model instanceof Simulatable sm && sm.statedForm().orElse(null) instanceof DecisionTreeForm tree) {
            return fromTree(model, tree, x, target, cost, s.count());
        }
        if (model instanceof LogisticModel && model.schema().classes().size() == 2) {
            return fromLogistic(model, x, target, cost, s.count());
        }
        if (model instanceof Simulatable sm && sm.statedForm().orElse(null) instanceof RuleListForm rules
                && rules.missing() == StatedForm.Missing.NO_CONDITION_HOLDS) {
            return RuleCounterfactuals.find(model, rules, x, target, cost, s, train);
        }
        return search(model, x, target, cost, s, train);
    }

    // ---- trees: the cheapest move into a target leaf's box ------------------------------------

    static List<Counterfactual> fromTree(Predictor model, DecisionTreeForm tree, Instance x, int target, CounterfactualCost cost,
                                         int count) {
        List<double[]> candidates = new ArrayList<>();
        walk(tree, 0, new ArrayList<>(), x, target, cost, candidates);
        return pick(model, x, target, cost, candidates, count, true, "exact: cheapest move into a leaf of the target class");
    }

    private static void walk(DecisionTreeForm tree, int node, List<Condition> path, Instance x, int target, CounterfactualCost cost,
                             List<double[]> out) {
        DecisionTreeForm.Node n = tree.nodes().get(node);
        if (n.isLeaf()) {
            double[] p = n.leaf();
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            if (best == target) {
                double[] moved = intoBox(path, x, cost, tree);
                if (moved != null) {
                    out.add(moved);
                }
            }
            return;
        }
        path.add(n.test());
        walk(tree, n.ifTrue(), path, x, target, cost, out);
        path.set(path.size() - 1, n.test().negated());
        walk(tree, n.ifFalse(), path, x, target, cost, out);
        path.remove(path.size() - 1);
    }


    /** The cheapest row satisfying every condition, or null when an immutable column or the range forbids it. */
    private static double[] intoBox(List<Condition> path, Instance x, CounterfactualCost cost, DecisionTreeForm tree) {
        Schema s = x.schema();
        Box box = Box.of(path, s);
        double[] v = x.values();
        double[] out = v.clone();
        for (int j = 0; j < s.featureCount(); j++) {
            Column col = s.feature(j);
            if (col.isNumeric()) {
                double cur = v[j];
                if (Double.isNaN(cur) && tree.missing() == StatedForm.Missing.IMPUTE_NUMBERS_NO_CATEGORY) {
                    cur = tree.imputed().getOrDefault(col.name(), Double.NaN);
                }
                if (box.contains(j, cur)) {
                    continue;
                }
                double target = box.nearest(j, cur, cost.min(j));
                if (Double.isNaN(target) || cost.immutable(j) || target < cost.min(j) - 1e-12 || target > cost.max(j) + 1e-12) {
                    return null;
                }
                out[j] = target;
            } else {
                int cur = Double.isNaN(v[j]) ? -1 : (int) v[j];
                int want = box.allowedCategory(j, cur, col.categories().size());
                if (want == NO_CATEGORY) {
                    return null;
                }
                if (want != cur) {
                    if (cost.immutable(j)) {
                        return null;
                    }
                    out[j] = want;
                }
            }
        }
        return out;
    }

    /** What {@link Box#allowedCategory} answers when no category satisfies the path. */
    private static final int NO_CATEGORY = -2;

    /**
     * The region a root-to-leaf path bounds: per numeric column an interval whose ends may be open,
     * per categorical column a required category or a set of excluded ones.
     */
    private static final class Box {
        private final double[] lo;
        private final double[] hi;
        private final boolean[] loOpen;
        private final boolean[] hiOpen;
        private final int[] equal;
        private final List<Set<Integer>> not = new ArrayList<>();

        private Box(int p) {
            lo = new double[p];
            hi = new double[p];
            loOpen = new boolean[p];
            hiOpen = new boolean[p];
            Arrays.fill(lo, Double.NEGATIVE_INFINITY);
            Arrays.fill(hi, Double.POSITIVE_INFINITY);
            equal = new int[p];
            Arrays.fill(equal, -1);
            for (int j = 0; j < p; j++) {
                not.add(new HashSet<>());
            }
        }

        static Box of(List<Condition> path, Schema s) {
            Box box = new Box(s.featureCount());
            for (Condition c : path) {
                int j = s.indexOf(c.feature());
                Column col = s.feature(j);
                if (col.isNumeric()) {
                    box.tighten(j, c.operator(), Double.parseDouble(c.value()));
                } else if (c.operator().equals("=")) {
                    box.equal[j] = col.categoryIndex(c.value());
                } else {
                    box.not.get(j).add(col.categoryIndex(c.value()));
                }
            }
            return box;
        }

        /** Narrows column {@code j}'s interval by one condition (the tighter bound wins; at a tie, the open one). */
        private void tighten(int j, String operator, double t) {
            switch (operator) {
                case "<=" -> {
                    if (t < hi[j] || (t == hi[j] && hiOpen[j])) {
                        hi[j] = t;
                        hiOpen[j] = false;
                    }
                }
                case "<" -> {
                    if (t <= hi[j]) {
                        hi[j] = t;
                        hiOpen[j] = true;
                    }
                }
                case ">" -> {
                    if (t >= lo[j]) {
                        lo[j] = t;
                        loOpen[j] = true;
                    }
                }
                case ">=" -> {
                    if (t > lo[j]) {
                        lo[j] = t;
                        loOpen[j] = false;
                    }
                }
                default -> throw new IllegalArgumentException("operator " + operator + " on a number");
            }
        }

        boolean contains(int j, double cur) {
            return !Double.isNaN(cur) && (loOpen[j] ? cur > lo[j] : cur >= lo[j]) && (hiOpen[j] ? cur < hi[j] : cur <= hi[j]);
        }

        /**
         * The point of column {@code j}'s interval nearest {@code cur} (a missing value goes to the upper
         * end, or just above the lower one when there is none, but not below {@code floor}); NaN when
         * the interval is empty.
         */
        double nearest(int j, double cur, double floor) {
            if (lo[j] > hi[j] || (lo[j] == hi[j] && (loOpen[j] || hiOpen[j]))) {
                return Double.NaN;
            }
            if (Double.isNaN(cur) || cur > hi[j] || (hiOpen[j] && cur >= hi[j])) {
                double target = hiOpen[j] ? Math.nextDown(hi[j]) : hi[j];
                if (Double.isNaN(cur) && Double.isInfinite(target)) {
                    target = Math.max(lo[j] + (loOpen[j] ? step(lo[j]) : 0), floor);
                }
                return target;
            }
            return loOpen[j] ? lo[j] + step(lo[j]) : lo[j];
        }

        /**
         * The category column {@code j} must take: {@code cur} when it is allowed, the required one, or
         * the first one not excluded; {@link #NO_CATEGORY} when none is allowed.
         */
        int allowedCategory(int j, int cur, int categories) {
            Set<Integer> excluded = not.get(j);
            if (equal[j] >= 0) {
                return excluded.contains(equal[j]) ? NO_CATEGORY : equal[j];
            }
            if (cur < 0 || !excluded.contains(cur)) {
                return cur;
            }
            for (int k = 0; k < categories; k++) {
                if (!excluded.contains(k)) {
                    return k;
                }
            }
            return NO_CATEGORY;
        }
    }

    /** A step past a strict bound that still prints as a short number: a millionth of its size. */
    static double step(double t) {
        return Math.max(1e-6, 1e-6 * Math.abs(t));
    }

    // ---- two-class logistic regression: additive log-odds ---------------------------------------

    static List<Counterfactual> fromLogistic(Predictor model, Instance x, int target, CounterfactualCost cost, int count) {
        double[] v = x.values();
        double base = logOdds(model, v, target);
        double need = 1e-9 * Math.max(1, Math.abs(base)) - base; // log-odds to gain to predict the target
        Effects ef = Effects.of(model, x, target, cost, base);
        double[] slope = ef.slope();
        List<Integer> numeric = ef.numeric();
        List<Integer> cats = ef.cats();
        int[] bestLevel = ef.bestLevel();
        double[] levelGain = ef.levelGain();
        // numbers in order of log-odds per unit of cost
        numeric.sort(Comparator.comparingDouble(j -> -Math.abs(slope[j]) * cost.mad(j)));
        List<double[]> candidates = new ArrayList<>();
        int c = Math.min(cats.size(), 12);
        for (int mask = 0; mask < (1 << c); mask++) {
            double[] u = v.clone();
            double gain = 0;
            for (int b = 0; b < c; b++) {
                if ((mask & (1 << b)) != 0) {
                    int j = cats.get(b);
                    u[j] = bestLevel[j];
                    gain += levelGain[j];
                }
            }
            double rest = need - gain;
            for (int j : numeric) {
                if (rest <= 0) {
                    break;
                }
                double room = slope[j] > 0 ? cost.max(j) - v[j] : v[j] - cost.min(j);
                if (room <= 0) {
                    continue;
                }
                double move = Math.min(room, rest / Math.abs(slope[j]));
                u[j] = v[j] + Math.signum(slope[j]) * move;
                rest -= move * Math.abs(slope[j]);
            }
            if (rest <= 1e-12) {
                candidates.add(u);
            }
        }
        return pick(model, x, target, cost, candidates, count, true, "exact: additive log-odds, cheapest flip of their sign");
    }

    /**
     * What each mutable column can do to the target's log-odds: a numeric column's slope per unit
     * (those with a slope listed in {@code numeric}), a categorical column's best other level and its
     * gain (those with a positive gain listed in {@code cats}).
     */
    private record Effects(double[] slope, List<Integer> numeric, List<Integer> cats, int[] bestLevel, double[] levelGain) {
        static Effects of(Predictor model, Instance x, int target, CounterfactualCost cost, double base) {
            Schema s = x.schema();
            int p = s.featureCount();
            double[] v = x.values();
            double[] slope = new double[p];
            List<Integer> numeric = new ArrayList<>();
            List<Integer> cats = new ArrayList<>();
            int[] bestLevel = new int[p];
            double[] levelGain = new double[p];
            for (int j = 0; j < p; j++) {
                if (cost.immutable(j)) {
                    continue;
                }
                if (s.feature(j).isNumeric()) {
                    if (Double.isNaN(v[j])) {
                        continue; // a missing number is read as the training mean; moving it is not linear from there
                    }
                    double[] u = v.clone();
                    u[j] = v[j] + 1;
                    slope[j] = logOdds(model, u, target) - base;
                    if (slope[j] != 0) {
                        numeric.add(j);
                    }
                } else {
                    double best = 0;
                    bestLevel[j] = -1;
                    for (int k = 0; k < s.feature(j).categories().size(); k++) {
                        if (!Double.isNaN(v[j]) && k == (int) v[j]) {
                            continue;
                        }
                        double[] u = v.clone();
                        u[j] = k;
                        double g = logOdds(model, u, target) - base;
                        if (g > best) {
                            best = g;
                            bestLevel[j] = k;
                        }
                    }
                    if (bestLevel[j] >= 0) {
                        cats.add(j);
                        levelGain[j] = best;
                    }
                }
            }
            return new Effects(slope, numeric, cats, bestLevel, levelGain);
        }
    }

    private static double logOdds(Predictor model, double[] v, int target) {
        Prediction p = model.predict(new Instance(model.schema(), v));
        double q = Math.min(1 - 1e-15, Math.max(1e-15, p.probability(target)));
        return Math.log(q / (1 - q));
    }

    // ---- any predictor: growing spheres --------------------------------------------------------

    /**
     * The search; with {@code train}, rows of the target class near x are a second source of
     * candidates when the spheres find too few: x takes over a neighbour's values one column at a
     * time, cheapest first, until the prediction flips.
     */
    public static List<Counterfactual> search(Predictor model, Instance x, int target, CounterfactualCost cost, Settings st,
                                              Dataset train) {
        Search search = new Search(model, x, target, cost, st);
        search.spheres();
        if (search.valid.size() < st.count() && train != null) {
            search.towardsNeighbours(train);
        }
        return pick(model, x, target, cost, search.sparser(), st.count(), false,
                "search: growing spheres within " + st.modelCalls() + " model calls");
    }

    /**
     * One black-box search: its budget of model calls is shared by the growing spheres (up to half),
     * the walk towards neighbours (up to three quarters in all) and the sparsening (the rest).
     */
    private static final class Search {
        private static final double[] RADII = {0.25, 0.5, 1, 2, 4};
        private final Predictor model;
        private final Schema s;
        private final double[] v;
        private final int target;
        private final CounterfactualCost cost;
        private final Settings st;
        private final List<Integer> mutable = new ArrayList<>();
        private final Random r;
        private final List<double[]> valid = new ArrayList<>();
        private int calls;

        Search(Predictor model, Instance x, int target, CounterfactualCost cost, Settings st) {
            this.model = model;
            this.s = x.schema();
            this.v = x.values();
            this.target = target;
            this.cost = cost;
            this.st = st;
            for (int j = 0; j < s.featureCount(); j++) {
                if (!cost.immutable(j)) {
                    mutable.add(j);
                }
            }
            this.r = new Random(st.seed() ^ Arrays.hashCode(x.values()));
        }

        private boolean hits(double[] u) {
            return model.predict(new Instance(s, u)).classIndex() == target;
        }

        /** Growing spheres (Laugel et al. 2018): random changes to 1–3 mutable columns, scaled by each column's MAD. */
        void spheres() {
            int perRadius = Math.max(20, st.modelCalls() / (2 * RADII.length));
            for (double radius : RADII) {
                if (mutable.isEmpty() || calls >= st.modelCalls() / 2) {
                    break;
                }
                double[][] batch = new double[Math.min(perRadius, st.modelCalls() / 2 - calls)][];
                for (int b = 0; b < batch.length; b++) {
                    batch[b] = perturbed(radius);
                }
                calls += batch.length;
                for (double[] u : batch) {
                    if (hits(u)) {
                        valid.add(u);
                    }
                }
                if (valid.size() >= 3 * st.count()) {
                    break;
                }
            }
        }

        private double[] perturbed(double radius) {
            double[] u = v.clone();
            int changes = 1 + r.nextInt(Math.min(3, mutable.size()));
            for (int q = 0; q < changes; q++) {
                int j = mutable.get(r.nextInt(mutable.size()));
                Column col = s.feature(j);
                if (col.isNumeric()) {
                    double from = Double.isNaN(v[j]) ? (cost.min(j) + cost.max(j)) / 2 : v[j];
                    u[j] = Math.max(cost.min(j), Math.min(cost.max(j), from + radius * cost.mad(j) * r.nextGaussian()));
                } else {
                    u[j] = r.nextInt(col.categories().size());
                }
            }
            return u;
        }

        /** Towards the target class's nearest training rows: copy their values column by column, cheapest first. */
        void towardsNeighbours(Dataset train) {
            List<double[]> near = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (train.label(i) == target) {
                    near.add(train.rowValues(i));
                }
            }
            near.sort(Comparator.comparingDouble(u -> cost.cost(v, u)));
            for (double[] n : near.subList(0, Math.min(20, near.size()))) {
                if (calls >= st.modelCalls() * 3 / 4) {
                    break;
                }
                List<Integer> cols = new ArrayList<>();
                for (int j : mutable) {
                    if (!CounterfactualCost.same(v[j], n[j])) {
                        cols.add(j);
                    }
                }
                double[] u = v.clone();
                cols.sort(Comparator.comparingDouble(j -> {
                    double[] one = v.clone();
                    one[j] = n[j];
                    return cost.cost(v, one);
                }));
                for (int j : cols) {
                    u[j] = n[j];
                    calls++;
                    if (hits(u)) {
                        valid.add(u.clone());
                        break;
                    }
                }
            }
        }

        /** Sparser: undo each change the prediction does not need, cheapest candidates first. */
        List<double[]> sparser() {
            valid.sort(Comparator.comparingDouble(u -> cost.cost(v, u)));
            List<double[]> sparse = new ArrayList<>();
            for (double[] u : valid.subList(0, Math.min(valid.size(), 4 * st.count()))) {
                double[] w = u.clone();
                for (int j = 0; j < s.featureCount() && calls < st.modelCalls(); j++) {
                    if (CounterfactualCost.same(w[j], v[j])) {
                        continue;
                    }
                    double keep = w[j];
                    w[j] = v[j];
                    calls++;
                    if (!hits(w)) {
                        w[j] = keep;
                    }
                }
                sparse.add(w);
            }
            return sparse;
        }
    }

    // ---- common: check, order, diversify ---------------------------------------------------------

    static List<Counterfactual> pick(Predictor model, Instance x, int target, CounterfactualCost cost, List<double[]> candidates,
                                             int count, boolean exact, String method) {
        Schema s = x.schema();
        double[] v = x.values();
        candidates.sort(Comparator.comparingDouble(u -> cost.cost(v, u)));
        List<Counterfactual> out = new ArrayList<>();
        Set<Set<Integer>> seen = new HashSet<>();
        for (double[] u : candidates) {
            if (out.size() >= count) {
                break;
            }
            Set<Integer> changed = new HashSet<>();
            for (int j = 0; j < v.length; j++) {
                if (!CounterfactualCost.same(v[j], u[j])) {
                    changed.add(j);
                }
            }
            if (!seen.add(changed)) {
                continue; // diverse: each one changes a different set of columns
            }
            Instance row = new Instance(s, u);
            if (model.predict(row).classIndex() != target) {
                continue; // never return an invalid one
            }
            List<Counterfactual.Change> ch = new ArrayList<>();
            for (int j : new TreeSet<>(changed)) {
                ch.add(new Counterfactual.Change(s.feature(j).name(), x.text(j), row.text(j)));
            }
            // only the cheapest is exact; the others are the cheapest with a different set of columns
            out.add(new Counterfactual(row, ch, s.classes().get(target), cost.cost(v, u), exact && out.isEmpty(), method));
        }
        return out;
    }

    /**
     * Quality of a set of counterfactuals, one per row: validity (re-predicted target), proximity
     * (mean cost), sparsity (mean columns changed) and plausibility (mean cost to the nearest
     * training row of the target class; lower is more plausible).
     */
    public static JsonObject metrics(Predictor model, List<Counterfactual> best, int rows, Dataset train,
                                                    CounterfactualCost cost) {
        int valid = 0;
        double prox = 0;
        double sparsity = 0;
        double plaus = 0;
        for (Counterfactual c : best) {
            int t = c.row().schema().classes().indexOf(c.toClass());
            valid += model.predict(c.row()).classIndex() == t ? 1 : 0;
            prox += c.cost();
            sparsity += c.changes().size();
            double near = Double.POSITIVE_INFINITY;
            double[] u = c.row().values();
            for (int i = 0; i < train.size(); i++) {
                if (train.label(i) == t) {
                    near = Math.min(near, cost.cost(u, train.rowValues(i)));
                }
            }
            plaus += near;
        }
        int n = Math.max(1, best.size());
        JsonObject o = new JsonObject();
        o.addProperty("rows", rows);
        o.addProperty("found", best.size());
        o.addProperty("found_share", rows == 0 ? 0 : best.size() / (double) rows);
        o.addProperty("validity", best.isEmpty() ? 0 : valid / (double) best.size());
        o.addProperty("proximity", prox / n);
        o.addProperty("sparsity", sparsity / n);
        o.addProperty("plausibility", plaus / n);
        return o;
    }
}
