package org.pellucid.trees;

import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Numbers;
import org.pellucid.core.data.Schema;
import org.pellucid.core.encode.EncodedFeature;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.DecisionTreeForm;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.StatedForm;
import org.pellucid.core.explain.TreePathExplanation;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.Complexity;
import org.pellucid.core.model.EncodedModel;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.Simulatable;
import org.pellucid.core.tree.DecisionTree;
import org.pellucid.core.tree.TreeShapley;

/**
 * A decision tree over the user's columns: numbers in their own units ({@code age <= 30}),
 * categories by name ({@code workclass = Private}). Its explanation is the path a row takes, and the
 * tree is {@link Simulatable}: {@link #asExecutable()} follows the printed conditions on the row's
 * values, not the encoded vector the tree was grown on. A missing number is read as the training
 * mean (stated in {@link TreeDescription}); a missing category satisfies no {@code =} test.
 */
public final class TreeModel extends EncodedModel implements InterpretableModel<TreePathExplanation>, Simulatable, HasComplexity, Savable,
        ClassAttributable {
    private final DecisionTree tree;

    public TreeModel(String kind, FeatureEncoder encoder, DecisionTree tree, Provenance provenance) {
        super(kind, encoder, provenance);
        this.tree = tree;
        int outputs = encoder.schema().isClassification() ? encoder.schema().classes().size() : 1;
        for (int n = 0; n < tree.nodes(); n++) {
            if (tree.value(n).length != outputs) {
                throw new IllegalArgumentException("tree node " + n + " has " + tree.value(n).length + " outputs, expected " + outputs);
            }
            if (!tree.isLeaf(n) && tree.feature(n) >= encoder.width()) {
                throw new IllegalArgumentException("tree node " + n + " tests input " + tree.feature(n) + " of " + encoder.width());
            }
        }
    }

    public DecisionTree tree() {
        return tree;
    }

    /** The leaf a row reaches. */
    public int leaf(Instance x) {
        return tree.leaf(encoder.encode(x));
    }

    Prediction predictionAt(int leaf) {
        double[] v = tree.value(leaf);
        return schema().isClassification() ? Prediction.ofProbabilities(v, schema().classes()) : Prediction.ofValue(v[0]);
    }

    String outcome(int leaf) {
        Prediction p = predictionAt(leaf);
        return schema().isClassification() ? schema().target().name() + " = " + p.className()
                : schema().target().name() + " = " + Numbers.format(p.value());
    }

    @Override
    public Explained<TreePathExplanation> explain(Instance x) {
        int[] path = tree.path(encoder.encode(x));
        List<Condition> steps = new ArrayList<>();
        for (int k = 0; k + 1 < path.length; k++) {
            steps.add(condition(path[k], tree.left(path[k]) == path[k + 1]));
        }
        int leaf = path[path.length - 1];
        return new Explained<>(predictionAt(leaf), new TreePathExplanation(steps, outcome(leaf), leaf));
    }

    /**
     * The decision path read as per-column contributions, for the fidelity metrics every model is
     * scored by: exact path-dependent TreeSHAP on this tree ({@link org.pellucid.core.tree.TreeShapley}),
     * not Saabas' path increments, because TreeSHAP is the Shapley value of the tree's expectation
     * game and so gives a column credit for splits above it that Saabas' method gives to whichever
     * column splits last. The contributions add up to P(class) at the leaf minus the tree's expected
     * P(class) over its training rows.
     */
    @Override
    public FeatureAttribution attribution(Instance x, int targetClass) {
        double[] z = encoder.encode(x);
        int p = x.size();
        int slot = schema().isClassification() ? targetClass : 0;
        double[] phi = new double[p];
        double expected = TreeShapley.accumulate(tree, z, TreeShapley.columns(encoder, p),
                slot, 1, phi);
        List<Contribution> cs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            cs.add(new Contribution(schema().feature(j).name(), x.text(j), phi[j]));
        }
        String target = schema().isClassification() ? "P(" + schema().classes().get(targetClass) + ")" : schema().target().name();
        return new FeatureAttribution(cs, expected, tree.predict(z)[slot], target, "exact-tree-shap of the path");
    }

    /** The test of an internal node in the user's terms, for the branch taken. */
    Condition condition(int node, boolean left) {
        EncodedFeature f = encoder.features().get(tree.feature(node));
        Column c = schema().feature(f.column());
        if (c.isNumeric()) {
            return new Condition(c.name(), left ? "<=" : ">", exact(tree.threshold(node)));
        }
        String category = f.label().substring(c.name().length() + 3); // "name = value"
        return new Condition(c.name(), left ? "!=" : "=", category);
    }

    /** Every digit of a threshold (they are chosen short), so the printed rule is the rule. */
    static String exact(double t) {
        return BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
    }

    @Override
    public TreeDescription describe() {
        return new TreeDescription(this);
    }

    /**
     * The printed tree run as a model: at each node the printed condition is checked on the row's
     * own values (numbers compared with the printed threshold, categories by name).
     */
    @Override
    public Predictor asExecutable() {
        return new Predictor() {
            @Override
            public Schema schema() {
                return TreeModel.this.schema();
            }

            @Override
            public Prediction predict(Instance x) {
                int n = 0;
                while (!tree.isLeaf(n)) {
                    Condition c = condition(n, true);
                    n = holds(c, x) ? tree.left(n) : tree.right(n);
                }
                return predictionAt(n);
            }
        };
    }

    /**
     * The tree as data: each internal node's test in the user's terms (the test that sends a row
     * left), leaves with their predictions, and the training means a missing number is read as.
     */
    @Override
    public Optional<StatedForm> statedForm() {
        List<DecisionTreeForm.Node> nodes = new ArrayList<>();
        for (int n = 0; n < tree.nodes(); n++) {
            if (tree.isLeaf(n)) {
                Prediction p = predictionAt(n);
                nodes.add(DecisionTreeForm.Node.leaf(p.isClassification() ? p.probabilities() : new double[] {p.value()}));
            } else {
                nodes.add(DecisionTreeForm.Node.test(condition(n, true), tree.left(n), tree.right(n)));
            }
        }
        Map<String, Double> imputed = new LinkedHashMap<>();
        for (int j = 0; j < schema().featureCount(); j++) {
            if (schema().feature(j).isNumeric()) {
                imputed.put(schema().feature(j).name(), encoder.statistics(j)[0]);
            }
        }
        List<String> classes = schema().isClassification() ? schema().classes() : List.of();
        return Optional.of(new DecisionTreeForm(nodes, classes, StatedForm.Missing.IMPUTE_NUMBERS_NO_CATEGORY, imputed));
    }

    /** Whether a printed condition holds for a row (a missing number reads as the training mean). */
    boolean holds(Condition c, Instance x) {
        int j = schema().indexOf(c.feature());
        double v = x.get(j);
        Column col = schema().feature(j);
        if (col.isNumeric()) {
            double value = Double.isNaN(v) ? encoder.statistics(j)[0] : v;
            double t = Double.parseDouble(c.value());
            return switch (c.operator()) {
                case "<=" -> value <= t;
                case ">" -> value > t;
                default -> throw new IllegalStateException("operator " + c.operator());
            };
        }
        boolean equal = !Double.isNaN(v) && col.format(v).equals(c.value());
        return switch (c.operator()) {
            case "=" -> equal;
            case "!=" -> !equal;
            default -> throw new IllegalStateException("operator " + c.operator());
        };
    }

    @Override
    public Complexity complexity() {
        Set<Integer> cols = new HashSet<>();
        for (int n = 0; n < tree.nodes(); n++) {
            if (!tree.isLeaf(n)) {
                cols.add(encoder.features().get(tree.feature(n)).column());
            }
        }
        return new Complexity(cols.size(), tree.nodes() - tree.leaves(), tree.leaves(), 0, tree.nodes(), tree.depth(), 0);
    }

    @Override
    public void write(ModelWriter out) {
        out.put("encoder", encoder.toJson());
        out.put("tree", tree.toJson());
    }

    public static TreeModel read(String kind, ModelReader in) {
        FeatureEncoder enc = FeatureEncoder.fromJson(in.schema(), in.get("encoder").getAsJsonObject());
        JsonObject t = in.get("tree").getAsJsonObject();
        return new TreeModel(kind, enc, DecisionTree.fromJson(t), in.provenance());
    }
}
