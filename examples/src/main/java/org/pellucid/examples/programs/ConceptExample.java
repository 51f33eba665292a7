package org.pellucid.examples.programs;

import java.util.Arrays;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

/** bottleneck: a concept bottleneck on XOR, one explanation, an intervention and the intervention curve. */
public final class ConceptExample {
    public static void main(String[] args) throws Exception {
        Dataset d = SyntheticData.xor(Example.rows(args, 2000), 1);
        var s = Example.split(d);
        Savable model = ModelFamilies.get("cbm").train(d.subset(s.train()), d.subset(s.valid()), TrainConfig.of(1));
        HasConcepts m = (HasConcepts) model;
        Dataset test = d.subset(s.test());
        System.out.println(m.conceptMetrics(test));
        var x = test.row(0);
        var e = m.explain(x, null);
        System.out.println("row 0 " + x + ": " + e.prediction() + "\n" + e.explanation().toText());
        double[] given = {1, Double.NaN}; // say x1_high is true, whatever the encoder thinks
        System.out.println("if x1_high = 1: " + m.explain(x, given).prediction());
        System.out.println("intervention curve: " + Arrays.toString(m.interventionCurve(test, HasConcepts.Policy.GREEDY, 1)));
        Example.roundTrip(model, test);
    }
}
