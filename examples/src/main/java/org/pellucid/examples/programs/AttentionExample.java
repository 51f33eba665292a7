package org.pellucid.examples.programs;

import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.HasExplanationMethods;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

/** attention: a transformer over the columns of a table, one row explained by rollout, flow and gradient rollout. */
public final class AttentionExample {
    public static void main(String[] args) throws Exception {
        Dataset d = SyntheticData.rule(Example.rows(args, 3000), 1);
        var s = Example.split(d);
        Savable m = ModelFamilies.get("attention").train(d.subset(s.train()), d.subset(s.valid()),
                TrainConfig.of(1).with("epochs", "30"));
        Dataset test = d.subset(s.test());
        System.out.printf("attention, test accuracy %.3f%n", Example.accuracy(m, test));
        HasExplanationMethods methods = (HasExplanationMethods) m;
        for (String method : methods.explanationMethods()) {
            InterpretableModel<?> by = (InterpretableModel<?>) methods.withExplanationMethod(method);
            System.out.println(by.explain(test.row(0)).explanation().toText());
        }
        Example.roundTrip(m, test);
    }
}
