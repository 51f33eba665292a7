package org.pellucid.contract.mutants;

import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.DecisionTreeForm;
import org.pellucid.core.explain.Explanation;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.GlobalExplanation;
import org.pellucid.core.explain.RuleExplanation;
import org.pellucid.core.explain.RuleListForm;
import org.pellucid.core.explain.StatedForm;
import org.pellucid.core.explain.TreePathExplanation;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.Simulatable;

/**
 * A one-split model on the first column — class 1 when {@code x0 > threshold} — explained as a
 * decision path, a one-rule list or an exact linear attribution, honestly or with one {@link Lie}.
 * A missing x0 reads as the training mean (path, attribution) or fires no rule (rules).
 */
final class ToyModel implements InterpretableModel<Explanation>, Simulatable, Savable {
    /** How the toy explains itself. */
    enum Flavor { PATH, RULES, ATTRIBUTION }

    private static final double LOGIT = Math.log(9); // P = 0.9 on the predicted side

    private final Schema schema;
    private final Flavor flavor;
    private final Lie lie;
    private final double threshold;
    private final double mean;
    private final double sd;
    private final Provenance provenance;

    ToyModel(Schema schema, Flavor flavor, Lie lie, double threshold, double mean, double sd, Provenance provenance) {
        this.schema = schema;
        this.flavor = flavor;
        this.lie = lie;
        this.threshold = threshold;
        this.mean = mean;
        this.sd = sd;
        this.provenance = provenance;
    }

    @Override
    public String kind() {
        return "toy";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    private String column() {
        return schema.feature(0).name();
    }

    /** The threshold the explanation states. */
    private double stated() {
        return switch (lie) {
            case WRONG_PATH -> threshold + 1000;
            case SHIFTED_THRESHOLD -> threshold + 0.25 * sd;
            default -> threshold;
        };
    }

    private double logit(Instance x) {
        double v = x.get(0);
        if (flavor == Flavor.ATTRIBUTION) {
            return ((Double.isNaN(v) ? mean : v) - threshold) / sd;
        }
        if (flavor == Flavor.RULES) {
            return !Double.isNaN(v) && v > threshold ? LOGIT : 0;
        }
        return (Double.isNaN(v) ? mean : v) > threshold ? LOGIT : -LOGIT;
    }

    private Prediction prediction(Instance x) {
        return Prediction.ofLogits(new double[] {0, logit(x)}, schema.classes());
    }

    @Override
    public Explained<Explanation> explain(Instance x) {
        Prediction p = prediction(x);
        double v = x.get(0);
        String t = Double.toString(stated());
        Explanation e = switch (flavor) {
            case PATH -> {
                boolean above = (Double.isNaN(v) ? mean : v) > threshold;
                boolean sayAbove = lie == Lie.WRONG_OPERATOR || lie == Lie.WRONG_PATH ? !above : above;
                yield new TreePathExplanation(List.of(new Condition(column(), sayAbove ? ">" : "<=", t)),
                        schema.target().name() + " = " + p.className(), above ? 2 : 1);
            }
            case RULES -> {
                boolean fires = !Double.isNaN(v) && v > threshold;
                yield new RuleExplanation(fires || lie == Lie.PHANTOM_RULE
                        ? List.of(new RuleExplanation.FiredRule(List.of(new Condition(column(), ">", t)), schema.classes().get(1), LOGIT))
                        : List.of(), "weighted vote");
            }
            case ATTRIBUTION -> {
                double offset = lie == Lie.ATTRIBUTION_OFFSET ? 0.5 : 0;
                double z = (Double.isNaN(v) ? mean : v) / sd;
                yield new FeatureAttribution(List.of(new Contribution(column(), x.text(0), z + offset)), -threshold / sd,
                        logit(x), "logit(" + schema.classes().get(1) + ")", "exact-linear");
            }
        };
        return new Explained<>(p, e);
    }

    @Override
    public GlobalExplanation describe() {
        return GlobalExplanation.of("toy", List.of(column()), column() + " > " + stated());
    }

    @Override
    public Predictor asExecutable() {
        return Predictor.ofProbabilities(schema, v -> prediction(new Instance(schema, v)).probabilities());
    }

    @Override
    public Optional<StatedForm> statedForm() {
        String t = Double.toString(stated());
        return switch (flavor) {
            case PATH -> {
                // WRONG_PATH states the flipped test with the shifted threshold; the others state the test they use
                boolean flip = lie == Lie.WRONG_PATH;
                Condition test = new Condition(column(), flip ? "<=" : ">", t);
                double[] up = Prediction.softmax(new double[] {0, LOGIT});
                double[] down = Prediction.softmax(new double[] {0, -LOGIT});
                yield Optional.of(new DecisionTreeForm(List.of(DecisionTreeForm.Node.test(test, 1, 2),
                        DecisionTreeForm.Node.leaf(up), DecisionTreeForm.Node.leaf(down)), schema.classes(),
                        StatedForm.Missing.IMPUTE_NUMBERS_NO_CATEGORY, Map.of(column(), mean)));
            }
            case RULES -> Optional.of(new RuleListForm(List.of(new RuleListForm.StatedRule(
                    List.of(new Condition(column(), ">", t)), true, schema.classes().get(1), new double[] {0, LOGIT})),
                    new double[] {0, 0}, schema.classes(), StatedForm.Missing.NO_CONDITION_HOLDS));
            case ATTRIBUTION -> Optional.empty();
        };
    }

    @Override
    public void write(ModelWriter out) {
        out.put("flavor", flavor.name());
        out.put("lie", lie.name());
        if (lie != Lie.DROPPED_PARAMETER) {
            out.put("threshold", new JsonPrimitive(threshold));
        }
        out.put("mean", mean);
        out.put("sd", sd);
    }
}
