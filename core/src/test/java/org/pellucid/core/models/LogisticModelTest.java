package org.pellucid.core.models;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.DatasetRegistry;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.Scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LogisticModelTest {

    @Test
    void contributionsPlusBaselineAreTheLogitExactly() {
        Dataset d = SyntheticData.rule(500, 4);
        LogisticModel m = (LogisticModel) new LogisticFamily().train(d, null, TrainConfig.of(3));
        for (int i = 0; i < 50; i++) {
            Explained<FeatureAttribution> e = m.explain(d.row(i));
            FeatureAttribution a = e.explanation();
            assertEquals(0, a.completenessGap(), 1e-12);
            double p1 = e.prediction().probability(1);
            assertEquals(Math.log(p1 / (1 - p1)), a.output(), 1e-9, "the explained output is the logit of P(approve)");
            assertEquals(d.schema().featureCount(), a.contributions().size());
            assertEquals(d.row(i).text(2), a.contributions().get(2).value(), "values in the user's words");
        }
    }

    @Test
    void attributionsForTheOtherClassAreExactToo() {
        Dataset d = SyntheticData.rule(300, 4);
        LogisticModel m = (LogisticModel) new LogisticFamily().train(d, null, TrainConfig.of(3));
        for (int i = 0; i < 20; i++) {
            FeatureAttribution a0 = m.attribution(d.row(i), 0);
            double p0 = m.predict(d.row(i)).probability(0);
            assertEquals(Math.log(p0 / (1 - p0)), a0.output(), 1e-9);
            assertEquals(0, a0.completenessGap(), 1e-12);
        }
    }

    @Test
    void multiclassExplainsThePredictedClass() {
        Dataset d = SyntheticData.rule(300, 4);
        // three classes from the rule data: deny / approve, split approve by income
        double[] y = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            y[i] = d.label(i) == 0 ? 0 : d.value(i, 0) > 80 ? 2 : 1;
        }
        Schema s = new Schema(d.schema().features(),
                Column.categorical("tier", List.of("deny", "approve", "approve+")));
        double[][] x = new double[d.size()][];
        for (int i = 0; i < d.size(); i++) {
            x[i] = d.rowValues(i);
        }
        Dataset three = Dataset.builder(s).features(x).targets(y).build();
        LogisticModel m = (LogisticModel) new LogisticFamily().train(three, null, TrainConfig.of(1));
        Explained<FeatureAttribution> e = m.explain(three.row(0));
        assertEquals("logit(" + e.prediction().className() + ")", e.explanation().target());
        assertEquals(3, m.describe().weights().length);
    }

    @Test
    void unknownOptionsAreRejected() {
        Dataset d = SyntheticData.rule(100, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LogisticFamily().train(d, null, TrainConfig.of(1).with("hiden", "3")));
        assertTrue(e.getMessage().contains("unknown option 'hiden'"), e.getMessage());
    }

    @Test
    void breastCancerTestAccuracyIsAtLeast95Percent() {
        assumeTrue(DatasetRegistry.isAvailable("breast-cancer"), "breast-cancer is not in " + DatasetRegistry.dataDirectory());
        Dataset d = DatasetRegistry.load("breast-cancer");
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.2, 1);
        LogisticModel m = (LogisticModel) new LogisticFamily().train(d.subset(s.train()), d.subset(s.valid()), TrainConfig.of(1));
        Dataset test = d.subset(s.test());
        double acc = Scores.accuracy(test.labels(), Scores.classes(m.predictAll(test)));
        assertTrue(acc >= 0.95, "test accuracy " + acc);
    }
}
