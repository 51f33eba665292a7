package org.pellucid.eval.explainers;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.models.MlpFamily;
import org.pellucid.core.models.MlpModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** LRP conserves relevance: the biases' shares plus the inputs' relevances give the logit it explains. */
class LrpProperties {
    static final Dataset DATA = SyntheticData.rule(400, 6);
    static final MlpModel MLP = (MlpModel) new MlpFamily().train(DATA, null, TrainConfig.of(1).with("epochs", "10").with("hidden", "16,8"));
    static final MlpModel LINEAR = (MlpModel) new MlpFamily().train(DATA, null, TrainConfig.of(1).with("epochs", "10").with("hidden", ""));

    @Property(tries = 60)
    void relevanceIsConservedUnderBothRules(@ForAll @IntRange(min = 0, max = 399) int row, @ForAll @IntRange(min = 0, max = 1) int cls) {
        for (Lrp.Rule rule : Lrp.Rule.values()) {
            FeatureAttribution a = new Lrp(rule, 1e-9).explain(MLP, DATA.row(row), cls);
            double logit = MLP.logits(floats(MLP.encoder().encode(DATA.row(row))), 1)[cls];
            assertEquals(logit, a.output(), 1e-4 * (1 + Math.abs(logit)), "the explained output is the logit");
            if (rule == Lrp.Rule.EPSILON) {
                assertEquals(0, a.completenessGap(), 1e-4 * (1 + Math.abs(a.output())), "LRP-ε conserves relevance");
            }
        }
    }

    /** With no hidden layer LRP-ε is the exact linear decomposition: each column gets Σ w·x over its inputs. */
    @Example
    void onALinearModelItIsWeightTimesInput() {
        FeatureAttribution a = new Lrp(Lrp.Rule.EPSILON, 1e-12).explain(LINEAR, DATA.row(3), 1);
        double[] z = LINEAR.encoder().encode(DATA.row(3));
        float[] p = LINEAR.parameters();
        long w = LINEAR.network().layout().slot("w0").offset();
        int in = LINEAR.network().inputs();
        for (int j = 0; j < DATA.schema().featureCount(); j++) {
            double wx = 0;
            for (int k = LINEAR.encoder().offset(j); k < LINEAR.encoder().offset(j) + LINEAR.encoder().width(j); k++) {
                wx += p[(int) (w + in + k)] * z[k]; // row 1 of w0 (out, in): the second class's weights
            }
            assertEquals(wx, a.values()[j], 1e-6 * (1 + Math.abs(wx)), DATA.schema().feature(j).name());
        }
        assertEquals(p[(int) (LINEAR.network().layout().slot("b0").offset() + 1)], a.baseline(), 1e-6, "the bias's share is the baseline");
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Example
    void otherModelsAreRefusedWithTheReason() {
        var logistic = ModelFamilies.get("logistic").train(DATA, null, TrainConfig.of(1));
        assertThrows(UnsupportedExplainerException.class, () -> new Lrp(Lrp.Rule.EPSILON, 1e-6).explain(logistic, DATA.row(0), 0));
    }
}
