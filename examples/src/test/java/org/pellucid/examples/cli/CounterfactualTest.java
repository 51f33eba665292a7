package org.pellucid.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.counterfactual.Counterfactual;
import org.pellucid.eval.counterfactual.CounterfactualCost;
import org.pellucid.eval.counterfactual.Counterfactuals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counterfactuals on the demo's credit table: for denied test rows, the exact ones of the tree, the
 * logistic model and the rules and the searched ones of the mlp are all valid when predicted
 * again; the search finds one for nearly every row; immutable columns never change; and no search
 * result is cheaper than the exact answer.
 */
class CounterfactualTest {
    static final Dataset D = SyntheticData.rule(3000, 42);
    static final Splits.TrainValidTest S = Splits.trainValidTest(D, 0.2, 0.2, 1);
    static final Dataset TRAIN = D.subset(S.train());
    static final Dataset TEST = D.subset(S.test());
    static final int APPROVE = D.schema().classes().indexOf("approve");
    static final Savable TREE = train("tree");
    static final Savable LOGISTIC = train("logistic");
    static final Savable RULES = train("rules");

    static Savable train(String kind) {
        TrainConfig c = kind.equals("mlp") ? TrainConfig.of(1).with("epochs", "20") : TrainConfig.of(1);
        return ModelFamilies.get(kind).train(TRAIN, D.subset(S.valid()), c);
    }

    static List<Instance> denied(Savable m, int n) {
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < TEST.size() && out.size() < n; i++) {
            if (m.predict(TEST.row(i)).classIndex() != APPROVE) {
                out.add(TEST.row(i));
            }
        }
        return out;
    }

    @Test
    void hundredDeniedRowsGetValidCounterfactuals() {
        CounterfactualCost cost = new CounterfactualCost(TRAIN, Set.of());
        for (String kind : new String[] {"tree", "logistic", "rules", "mlp"}) {
            Savable m = kind.equals("tree") ? TREE : kind.equals("logistic") ? LOGISTIC : kind.equals("rules") ? RULES : train(kind);
            List<Instance> rows = denied(m, 100);
            assertEquals(100, rows.size(), kind + " denies at least 100 test rows");
            List<Counterfactual> best = new ArrayList<>();
            for (Instance x : rows) {
                List<Counterfactual> f = Counterfactuals.find(m, x, APPROVE, cost, Counterfactuals.Settings.defaults(1), TRAIN);
                for (Counterfactual c : f) {
                    assertEquals(APPROVE, m.predict(c.row()).classIndex(), kind + ": " + c.toText() + " is not valid");
                }
                if (!f.isEmpty()) {
                    best.add(f.get(0));
                    if (!kind.equals("mlp")) {
                        assertTrue(f.get(0).exact(), kind + " gives exact counterfactuals: " + f.get(0).method());
                    }
                }
            }
            double share = best.size() / 100.0;
            assertTrue(share >= (kind.equals("mlp") ? 0.95 : 1.0), kind + ": found for " + share);
            System.out.printf(Locale.ROOT, "%s: found %.2f, %s%n", kind, share,
                    Counterfactuals.metrics(m, best, 100, TRAIN, cost));
        }
    }

    @Property(tries = 30)
    void immutableColumnsNeverChangeAndSearchNeverBeatsExact(@ForAll @IntRange(min = 0, max = 99) int k,
                                                            @ForAll @IntRange(min = 0, max = 7) int frozen) {
        String col = D.schema().feature(frozen).name();
        CounterfactualCost cost = new CounterfactualCost(TRAIN, Set.of(col));
        for (Savable m : new Savable[] {TREE, LOGISTIC, RULES}) {
            Instance x = denied(m, 100).get(k);
            List<Counterfactual> exact = Counterfactuals.find(m, x, APPROVE, cost, Counterfactuals.Settings.defaults(1));
            for (Counterfactual c : exact) {
                assertFalse(c.changes().stream().anyMatch(ch -> ch.column().equals(col)), col + " is immutable: " + c.toText());
                assertEquals(x.get(frozen), c.row().get(frozen), 0.0);
            }
            if (!exact.isEmpty()) {
                // the black-box search on the same model cannot find anything cheaper than the exact answer
                Savable opaque = m;
                Predictor blackBox = new Predictor() {
                    @Override
                    public Schema schema() {
                        return opaque.schema();
                    }

                    @Override
                    public Prediction predict(Instance i) {
                        return opaque.predict(i);
                    }
                };
                for (Counterfactual c : Counterfactuals.find(blackBox, x, APPROVE, cost, Counterfactuals.Settings.defaults(k))) {
                    assertTrue(c.cost() >= exact.get(0).cost() - 1e-6, m.kind() + ": search found " + c.toText() + " at " + c.cost()
                            + ", cheaper than the exact " + exact.get(0).toText() + " at " + exact.get(0).cost());
                    assertFalse(c.changes().stream().anyMatch(ch -> ch.column().equals(col)), "search respects immutable " + col);
                }
            }
        }
    }
}
