package org.pellucid.eval;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.GlobalExplanation;
import org.pellucid.core.explain.RuleExplanation;
import org.pellucid.core.explain.RuleListForm;
import org.pellucid.core.explain.StatedForm;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.Simulatable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What a model states it uses, checked against the true columns of {@code synthetic:rule}
 * (income, debt_ratio, employment): a hand-written rule list with one noise condition.
 */
class TruthCheckTest {
    static final Dataset DATA = SyntheticData.rule(200, 3);

    /** IF income &gt; 50 AND debt_ratio &lt;= 0.4 AND age &lt;= 70 THEN approve; IF employment = unemployed THEN deny. */
    static final RuleListForm FORM = new RuleListForm(List.of(
            new RuleListForm.StatedRule(List.of(new Condition("income", ">", "50"), new Condition("debt_ratio", "<=", "0.4"),
                    new Condition("age", "<=", "70")), true, "approve", new double[] {0, 2}),
            new RuleListForm.StatedRule(List.of(new Condition("employment", "=", "unemployed")), true, "deny",
                    new double[] {4, 0})),
            new double[] {1, 0}, DATA.schema().classes(), StatedForm.Missing.NO_CONDITION_HOLDS);

    static final class Toy implements InterpretableModel<RuleExplanation>, Simulatable {
        @Override
        public String kind() {
            return "toy";
        }

        @Override
        public Provenance provenance() {
            return null;
        }

        @Override
        public Schema schema() {
            return DATA.schema();
        }

        @Override
        public Explained<RuleExplanation> explain(Instance x) {
            return new Explained<>(Prediction.ofProbabilities(new double[] {0.5, 0.5}, DATA.schema().classes()),
                    new RuleExplanation(List.of(), "sum"));
        }

        @Override
        public GlobalExplanation describe() {
            return GlobalExplanation.of("toy rules", List.of("income", "debt_ratio", "age", "employment"), "");
        }

        @Override
        public Predictor asExecutable() {
            return this;
        }

        @Override
        public Optional<StatedForm> statedForm() {
            return Optional.of(FORM);
        }
    }

    private static JsonObject check(Predictor model) {
        List<FeatureAttribution> expl = new ArrayList<>();
        JsonObject importance = new JsonObject();
        List<Contribution> cs = new ArrayList<>();
        for (String c : DATA.schema().featureNames()) {
            double v = c.equals("income") ? 1 : 0;
            importance.addProperty(c, v);
            cs.add(new Contribution(c, "", v));
        }
        expl.add(new FeatureAttribution(cs, 0, 1, "P(approve)", "toy"));
        return Evaluation.truth(model, DATA, expl, importance);
    }

    @Test
    void theStatedColumnsAndConditionsAreCheckedAgainstTheTruth() {
        JsonObject t = check(new Toy());
        assertEquals(4, t.getAsJsonArray("stated_columns").size());
        assertEquals(0.75, t.get("stated_column_precision").getAsDouble(), 1e-12);
        assertEquals(1.0, t.get("stated_column_recall").getAsDouble(), 1e-12);
        assertEquals(2 * 0.75 / 1.75, t.get("stated_column_f1").getAsDouble(), 1e-12);
        assertEquals(4, t.get("conditions").getAsInt());
        assertEquals(3, t.get("conditions_on_relevant").getAsInt());
        assertEquals(0.75, t.get("conditions_on_relevant_share").getAsDouble(), 1e-12);
        // the attribution part is unchanged: one column relied on, a true one
        assertEquals(1.0, t.get("column_precision").getAsDouble(), 1e-12);
        assertEquals(1 / 3.0, t.get("column_recall").getAsDouble(), 1e-12);
    }

    @Test
    void aPostHocExplanationCarriesNoStatementOfTheModel() {
        JsonObject t = check(null);
        assertFalse(t.has("stated_columns"));
        assertFalse(t.has("conditions_on_relevant_share"));
    }
}
