package org.pellucid.eval.global;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.explainers.Output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PDP, ALE and permutation importance against what they must give on models whose answer is known. */
class GlobalEffectsProperties {
    static final Dataset DATA = SyntheticData.rule(600, 8);
    static final Predictor LOGISTIC = ModelFamilies.get("logistic").train(DATA, null, TrainConfig.of(1));

    /** In log-odds a logistic model is linear in each numeric column: its PDP is a line with the model's slope. */
    @Property(tries = 5)
    void pdpOfALinearModelIsAStraightLineWithItsSlope(@ForAll @IntRange(min = 0, max = 7) int j) {
        if (!DATA.schema().feature(j).isNumeric()) {
            return;
        }
        PartialDependence pd = PartialDependence.of(LOGISTIC, DATA, j, 1, Output.LOG_ODDS, 12, 200, 10, 1);
        double[] v = pd.values();
        double slope = (pd.pdp()[v.length - 1] - pd.pdp()[0]) / (v[v.length - 1] - v[0]);
        for (int g = 1; g < v.length - 1; g++) {
            double onLine = pd.pdp()[0] + slope * (v[g] - v[0]);
            assertEquals(onLine, pd.pdp()[g], 1e-6 * (1 + Math.abs(onLine)), "point " + g + " is on the line");
        }
        // the model's own slope, read off one row: the same change of log-odds per unit
        double[] row = DATA.rowValues(0);
        double[] up = row.clone();
        up[j] = row[j] + 1;
        double d = Output.LOG_ODDS.of(LOGISTIC.predict(new Instance(DATA.schema(), up)), 1)
                - Output.LOG_ODDS.of(LOGISTIC.predict(new Instance(DATA.schema(), row)), 1);
        assertEquals(d, slope, 1e-6 * (1 + Math.abs(d)), "PDP slope = the model's slope");
        for (double[] c : pd.centredIce()) {
            assertEquals(0, c[0], 0, "centred ICE starts at 0");
        }
    }

    /** ALE of an additive model recovers each shape function up to a constant. */
    @Example
    void aleOfAnAdditiveModelRecoversTheShapeFunction() {
        int income = DATA.schema().indexOf("income");
        int debt = DATA.schema().indexOf("debt_ratio");
        Predictor additive = Predictor.ofProbabilities(DATA.schema(), x -> {
            double z = Math.sin(x[income] / 10) + 3 * x[debt] * x[debt];
            double p = 1 / (1 + Math.exp(-z));
            return new double[] {1 - p, p};
        });
        AccumulatedLocalEffects a = AccumulatedLocalEffects.of(additive, DATA, income, 1, Output.LOG_ODDS, 20);
        double[] e = a.edges();
        double offset = a.ale()[0] - Math.sin(e[0] / 10);
        for (int k = 0; k < e.length; k++) {
            assertEquals(Math.sin(e[k] / 10) + offset, a.ale()[k], 1e-9, "edge " + k);
        }
    }

    /** A column the model never reads has importance exactly 0; the rule's columns lead for a fitted forest. */
    @Example
    void permutationImportanceOfAnIgnoredColumnIsZero() {
        int income = DATA.schema().indexOf("income");
        Predictor onlyIncome = Predictor.ofProbabilities(DATA.schema(), x -> x[income] > 50 ? new double[] {0.2, 0.8} : new double[] {0.8, 0.2});
        List<PermutationImportance> imp = PermutationImportance.of(onlyIncome, DATA, 10, 3);
        PermutationImportance n = imp.stream().filter(p -> p.column().equals("score_noise")).findFirst().orElseThrow();
        assertEquals(0.0, n.mean(), 0.0);
        assertEquals(0.0, n.high(), 0.0);
        assertEquals("income", imp.get(0).column());
        assertTrue(imp.get(0).mean() > 0.05, "shuffling the column it reads costs accuracy: " + imp.get(0));
    }
}
