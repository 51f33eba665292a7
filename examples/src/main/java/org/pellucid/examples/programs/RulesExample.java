package org.pellucid.examples.programs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

/** neurosymbolic: a rule model given the bank's own rule, the rule list it learns, and the fate of the given rule. */
public final class RulesExample {
    public static void main(String[] args) throws Exception {
        Dataset d = SyntheticData.rule(Example.rows(args, 3000), 1);
        var s = Example.split(d);
        Path rules = Files.createTempFile("bank-rules", ".txt");
        Files.writeString(rules, "IF employment = unemployed THEN deny\n");
        Savable model = ModelFamilies.get("rules").train(d.subset(s.train()), d.subset(s.valid()),
                TrainConfig.of(1).with("rules-file", rules.toString()));
        InterpretableModel<?> m = (InterpretableModel<?>) model;
        Dataset test = d.subset(s.test());
        System.out.printf("rules, test accuracy %.3f%n", Example.accuracy(model, test));
        System.out.println(m.describe().toText());
        System.out.println("row 0: " + m.explain(test.row(0)).explanation().toText());
        Example.roundTrip(model, test);
    }
}
