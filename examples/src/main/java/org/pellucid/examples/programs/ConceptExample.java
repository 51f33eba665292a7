package org.pellucid.examples.programs;

import java.util.Arrays;
import org.pellucid.bottleneck.ConceptMetrics;
import org.pellucid.bottleneck.ConceptModel;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

/** bottleneck: a concept bottleneck on XOR, one explanation, an intervention and the intervention curve. */
public final class ConceptExample {
    public static void main(String[] args) throws Exception {
        Dataset d = SyntheticData.xor(Example.rows(args, 2000), 1);
        var s = Example.split(d);
        ConceptModel m = (ConceptModel) ModelFamilies.get("cbm").train(d.subset(s.train()), d.subset(s.valid()), TrainConfig.of(1));
        Dataset test = d.subset(s.test());
        System.out.println(ConceptMetrics.of(m, test));
        var x = test.row(0);
        System.out.println("row 0 " + x + ": " + m.explain(x).prediction() + "\n" + m.explain(x).explanation().toText());
        double[] given = {1, Double.NaN}; // say x1_high is true, whatever the encoder thinks
        System.out.println("if x1_high = 1: " + m.explain(x, given).prediction());
        System.out.println("intervention curve: " + Arrays.toString(m.interventionCurve(test, HasConcepts.Policy.GREEDY, 1)));
        Example.roundTrip(m, test);
    }
}
