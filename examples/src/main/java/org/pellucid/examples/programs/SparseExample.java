package org.pellucid.examples.programs;

import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

/** sparse: LassoNet keeps at most three columns of eight; which, how much, and one row's contributions. */
public final class SparseExample {
    public static void main(String[] args) throws Exception {
        Dataset d = SyntheticData.rule(Example.rows(args, 3000), 1);
        var s = Example.split(d);
        Savable model = ModelFamilies.get("lassonet").train(d.subset(s.train()), d.subset(s.valid()),
                TrainConfig.of(1).with("max-features", "3"));
        InterpretableModel<?> m = (InterpretableModel<?>) model;
        Dataset test = d.subset(s.test());
        System.out.printf("lassonet, test accuracy %.3f%n", Example.accuracy(model, test));
        System.out.println(m.describe().toText());
        System.out.println("row 0: " + m.explain(test.row(0)).explanation().toText());
        Example.roundTrip(model, test);
    }
}
