package org.example.stump;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.DecisionTreeForm;
import org.pellucid.core.explain.GlobalExplanation;
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
 * A decision stump: one test on one numeric column, {@code column > threshold}, and the class
 * frequencies on each side. A missing value reads as the training mean. Its explanation is the
 * one-step path; its stated form is the two-leaf tree.
 */
public class StumpModel implements InterpretableModel<TreePathExplanation>, Simulatable, Savable {
    private final Schema schema;
    private final int column;
    private final double threshold;
    private final double mean;
    private final double[] above;
    private final double[] below;
    private final Provenance provenance;

    public StumpModel(Schema schema, int column, double threshold, double mean, double[] above, double[] below,
                      Provenance provenance) {
        this.schema = schema;
        this.column = column;
        this.threshold = threshold;
        this.mean = mean;
        this.above = above.clone();
        this.below = below.clone();
        this.provenance = provenance;
    }

    @Override
    public String kind() {
        return provenance.kind();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    /** The test as the model states it. */
    protected Condition statedTest() {
        return new Condition(schema.feature(column).name(), ">", Double.toString(threshold));
    }

    private boolean isAbove(Instance x) {
        double v = x.get(column);
        return (Double.isNaN(v) ? mean : v) > threshold;
    }

    @Override
    public Explained<TreePathExplanation> explain(Instance x) {
        boolean up = isAbove(x);
        Prediction p = Prediction.ofProbabilities(up ? above : below, schema.classes());
        Condition t = statedTest();
        Condition step = up ? t : new Condition(t.feature(), "<=", t.value());
        return new Explained<>(p, new TreePathExplanation(List.of(step), schema.target().name() + " = " + p.className(), up ? 1 : 2));
    }

    @Override
    public GlobalExplanation describe() {
        return GlobalExplanation.of("Stump", List.of(schema.feature(column).name()), "IF " + statedTest() + " ...");
    }

    @Override
    public Predictor asExecutable() {
        return Predictor.ofProbabilities(schema, v -> ((Double.isNaN(v[column]) ? mean : v[column]) > threshold ? above : below).clone());
    }

    @Override
    public Optional<StatedForm> statedForm() {
        return Optional.of(new DecisionTreeForm(List.of(DecisionTreeForm.Node.test(statedTest(), 1, 2),
                DecisionTreeForm.Node.leaf(above), DecisionTreeForm.Node.leaf(below)), schema.classes(),
                StatedForm.Missing.IMPUTE_NUMBERS_NO_CATEGORY, Map.of(schema.feature(column).name(), mean)));
    }

    @Override
    public void write(ModelWriter out) {
        out.put("column", column);
        out.put("threshold", threshold);
        out.put("mean", mean);
        out.array("above", above);
        out.array("below", below);
    }
}
