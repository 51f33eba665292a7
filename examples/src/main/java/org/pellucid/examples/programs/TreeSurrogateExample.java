package org.pellucid.examples.programs;

import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.SurrogateDistiller;
import org.pellucid.core.models.TrainConfig;

/** trees: a black box (gradient boosting) distilled into an 8-leaf tree, its fidelity and one path. */
public final class TreeSurrogateExample {
    public static void main(String[] args) throws Exception {
        Dataset d = SyntheticData.rule(Example.rows(args, 3000), 1);
        var s = Example.split(d);
        Savable gbm = ModelFamilies.get("gbm").train(d.subset(s.train()), d.subset(s.valid()), TrainConfig.of(1));
        SurrogateDistiller distiller = SurrogateDistiller.find();
        SurrogateDistiller.Surrogate r = distiller.distill(gbm, d.subset(s.train()),
                new SurrogateDistiller.Settings(8, 12, 5, 100, false, 1));
        Dataset test = d.subset(s.test());
        System.out.printf("tree agrees with gbm on %.3f of test rows, after %d teacher queries%n",
                distiller.fidelity(r.model(), gbm, test).agreement(), r.teacherQueries());
        InterpretableModel<?> tree = (InterpretableModel<?>) r.model();
        System.out.println(tree.describe().toText());
        System.out.println("row 0: " + tree.explain(test.row(0)).explanation().toText());
        Example.roundTrip(r.model(), test);
    }
}
