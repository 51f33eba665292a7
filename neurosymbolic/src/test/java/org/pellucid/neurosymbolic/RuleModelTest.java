package org.pellucid.neurosymbolic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pellucid.contract.RandomInstances;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.model.Scores;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleModelTest {
    static final Dataset RULE = SyntheticData.rule(2000, 3);
    static final Splits.TrainValidTest SPLIT = Splits.trainValidTest(RULE, 0.2, 0.2, 1);
    static final RuleModel MODEL = (RuleModel) ModelFamilies.get("rules").train(RULE.subset(SPLIT.train()),
            RULE.subset(SPLIT.valid()), TrainConfig.of(1));

    @Test
    void theKnownRuleIsLearnedBackFromItsData() {
        Dataset test = RULE.subset(SPLIT.test());
        double acc = Scores.accuracy(test.labels(), Scores.classes(MODEL.predictAll(test)));
        assertTrue(acc > 0.97, "accuracy " + acc + "\n" + MODEL.describe().toText());
        // the rules speak of the rule's columns only
        for (String c : MODEL.describe().features()) {
            assertTrue(SyntheticData.RULE_RELEVANT.contains(c), c + " is not in the true rule:\n" + MODEL.describe().toText());
        }
        assertTrue(MODEL.rules().size() <= 12, MODEL.describe().toText());
    }

    @Property(tries = 200)
    void theCrispRulesAsPrintedReproduceEveryPrediction(@ForAll("rows") Instance x) {
        assertEquals(MODEL.predict(x), MODEL.asExecutable().predict(x));
    }

    @Provide
    Arbitrary<Instance> rows() {
        return RandomInstances.of(RULE);
    }

    @Property(tries = 200)
    void aParsedRulePrintsBackToTheSameRule(@ForAll @IntRange(min = 0, max = 1999) int row, @ForAll @IntRange(min = 1, max = 4) int n,
                                            @ForAll @IntRange(min = 0, max = 1) int cls) {
        Schema s = RULE.schema();
        double[] v = RULE.rowValues(row);
        List<Literal> lits = new ArrayList<>();
        String[] ops = {"<=", "<", ">", ">=", "=", "!="};
        for (int k = 0; k < n; k++) {
            int j = (row + 3 * k) % s.featureCount();
            if (Double.isNaN(v[j])) {
                continue;
            }
            String op = s.feature(j).isNumeric() ? ops[(row + k) % 4] : ops[4 + (row + k) % 2];
            lits.add(new Literal(j, op, v[j] + (s.feature(j).isNumeric() ? 0.125 * k : 0)));
        }
        if (lits.isEmpty()) {
            return;
        }
        String text = RuleParser.print(lits, cls, s);
        RuleParser.Parsed p = RuleParser.parseRule(text, s);
        assertEquals(lits, p.literals(), text);
        assertEquals(cls, p.outcome());
        assertEquals(text, RuleParser.print(p.literals(), p.outcome(), s));
    }

    @Test
    void badRuleTextIsAClearTypedError() {
        Schema s = RULE.schema();
        String[][] cases = {
                {"income > 50 THEN approve", "starts with IF"},
                {"IF income > 50", "THEN"},
                {"IF income > 50 THEN maybe", "unknown class"},
                {"IF salary > 50 THEN approve", "unknown column 'salary'"},
                {"IF employment = retired THEN deny", "unknown category 'retired'"},
                {"IF income > lots THEN approve", "not a number"},
                {"IF employment > employed THEN deny", "categorical"},
                {"IF income THEN approve", "not a condition"}};
        for (String[] c : cases) {
            RuleParser.RuleSyntaxException e = assertThrows(RuleParser.RuleSyntaxException.class, () -> RuleParser.parse(c[0], s));
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().startsWith("line 1:"), e.getMessage());
        }
        RuleParser.Parsed ok = RuleParser.parseRule("IF income > 50 AND NOT employment = unemployed THEN approve", s);
        assertEquals(new Literal(2, "!=", 2), ok.literals().get(1));
    }

    @Test
    void aFrozenInjectedRuleIsPresentUnchangedAndItsFateIsReported(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("rules.txt");
        Files.writeString(f, "# the bank's rule\nIF employment = unemployed THEN deny\nIF age > 200 THEN approve\n");
        RuleModel m = (RuleModel) ModelFamilies.get("rules").train(RULE.subset(SPLIT.train()), RULE.subset(SPLIT.valid()),
                TrainConfig.of(1).with("rules-file", f.toString()).with("freeze", "true"));
        assertEquals(2, m.fates().size());
        RuleModel.Fate first = m.fates().get(0);
        assertEquals(RuleModel.FateStatus.KEPT, first.status(), m.describe().toText());
        assertTrue(m.rules().stream().anyMatch(r -> r.literals().equals(List.of(new Literal(2, "=", 2)))
                && RULE.schema().classes().get(r.outcome()).equals("deny")), m.describe().toText());
        assertEquals(RuleModel.FateStatus.DROPPED, m.fates().get(1).status(), "a rule that never fires on the data is dropped");
    }

    @Property(tries = 300)
    void simplifyingARuleNeverChangesWhereItFires(@ForAll("rows") Instance x, @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        Random r = new Random(seed);
        List<Literal> lits = new ArrayList<>();
        String[] numOps = {"<=", "<", ">", ">="};
        for (int k = 0; k < 1 + r.nextInt(5); k++) {
            int j = r.nextInt(RULE.schema().featureCount());
            if (RULE.schema().feature(j).isNumeric()) {
                lits.add(new Literal(j, numOps[r.nextInt(4)], RULE.rowValues(r.nextInt(2000))[j]));
            } else {
                lits.add(new Literal(j, r.nextBoolean() ? "=" : "!=", r.nextInt(RULE.schema().feature(j).categories().size())));
            }
        }
        Rule full = new Rule(lits, true, new double[] {0, 1});
        Rule simple = new Rule(Rule.simplify(lits), true, new double[] {0, 1});
        assertEquals(full.fires(x.values()), simple.fires(x.values()), lits + " vs " + simple.literals());
    }

    @Test
    void multiclassWorks() {
        Dataset iris = SyntheticData.trig(900, 4); // binary; build a three-class variant from the same rows
        int[] y = new int[iris.size()];
        double[][] x = new double[iris.size()][];
        for (int i = 0; i < y.length; i++) {
            x[i] = iris.rowValues(i);
            y[i] = x[i][0] > 0.3 ? 2 : x[i][1] > 0 ? 1 : 0;
        }
        Schema s = new Schema(iris.schema().features(), Column.categorical("k", List.of("a", "b", "c")));
        Dataset d = Dataset.builder(s).name("three").features(x).labels(y).build();
        RuleModel m = (RuleModel) ModelFamilies.get("rules").train(d, null, TrainConfig.of(1).with("epochs", "60"));
        double acc = Scores.accuracy(d.labels(), Scores.classes(m.predictAll(d)));
        assertTrue(acc > 0.9, "accuracy " + acc + "\n" + m.describe().toText());
    }
}
