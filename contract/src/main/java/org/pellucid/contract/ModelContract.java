package org.pellucid.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Splits;
import org.pellucid.core.explain.ConceptExplanation;
import org.pellucid.core.explain.Condition;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.Explanation;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.RuleExplanation;
import org.pellucid.core.explain.TreePathExplanation;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.ConceptIntervenable;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Simulatable;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every Pellucid model family must pass, as a jqwik test class to extend — Pellucid's
 * own families and a user's alike ({@code org.pellucid:pellucid-contract}, test scope). Say which
 * family, on what data, with what quick configuration:
 * <pre>{@code
 * class MyFamilyContractTest extends ModelContract {
 *     protected ModelFamily family() { return new MyFamily(); }
 *     protected Dataset data() { return SyntheticData.rule(400, 1); }
 *     protected TrainConfig config(long seed) { return TrainConfig.of(seed).with("epochs", "5"); }
 * }
 * }</pre>
 * The model is trained the way the CLI trains it: {@code family().train(train, valid, config)} on a
 * seeded split. Checked, on data rows and on generated rows (any category, numbers beyond the data's
 * range, missing values):
 * <ul>
 *   <li>{@code explain(x).prediction()} equals {@code predict(x)}; predictions are distributions;</li>
 *   <li>explanations name only the schema's columns, with the row's own values and the columns' own
 *       category names, and exact attributions add up to their output;</li>
 *   <li>explanations are true: every condition of a decision path or fired rule holds for the row;
 *       the model's {@linkplain Simulatable#statedForm() stated form}, written to JSON and run by
 *       this contract's own {@link StatedFormRunner}, reproduces the prediction, walks exactly the
 *       stated path and fires exactly the stated rules; a model that explains by paths or rules must
 *       state its form;</li>
 *   <li>a concept explanation reports the concept values the prediction was made from (intervening
 *       with exactly those values changes nothing);</li>
 *   <li>the same seed gives the same model (predictions and explanations) on CPU;</li>
 *   <li>save → load keeps predictions, explanations, the stated form and the provenance identical,
 *       and the family is registered so the CLI can load it.</li>
 * </ul>
 * Checks about explanations pass vacuously for black boxes, which have none.
 */
public abstract class ModelContract {
    private static final Map<Class<?>, Savable> TRAINED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Dataset> DATA = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Optional<StatedFormRunner>> RUNNERS = new ConcurrentHashMap<>();
    /** Relative tolerance for probabilities recomputed from a stated form. */
    private static final double FORM_TOLERANCE = 1e-9;

    /** The family under contract. */
    protected abstract ModelFamily family();

    /** The data the model is trained and checked on (small: the contract trains it twice). */
    protected abstract Dataset data();

    /** A quick configuration for the given seed (few epochs, small layers); the family's defaults otherwise. */
    protected TrainConfig config(long seed) {
        return TrainConfig.of(seed);
    }

    /** Share of the data held out for early stopping and model selection. */
    protected double validShare() {
        return 0.2;
    }

    /** Rows checked in the row-by-row examples. */
    protected int rowsToCheck() {
        return 60;
    }

    /** Trains through the family on a split seeded like the model, as {@code pellucid train} does. */
    protected Savable train(long seed) {
        Dataset d = dataset();
        Splits.TrainValidTest s = Splits.trainValidTest(d, validShare(), 0.0, seed);
        return family().train(d.subset(s.train()), d.subset(s.valid()), config(seed));
    }

    protected final Dataset dataset() {
        return DATA.computeIfAbsent(getClass(), k -> data());
    }

    protected final Savable model() {
        return TRAINED.computeIfAbsent(getClass(), k -> train(1));
    }

    @Provide
    Arbitrary<Instance> instances() {
        return RandomInstances.of(dataset());
    }

    @Property(tries = 150)
    void explainGivesThePredictionOfPredict(@ForAll("instances") Instance x) {
        if (model() instanceof InterpretableModel<?> im) {
            assertEquals(im.predict(x), im.explain(x).prediction(), "explain(x).prediction() must equal predict(x)");
        }
    }

    @Property(tries = 150)
    void predictionsAreProbabilitiesOverTheClasses(@ForAll("instances") Instance x) {
        Prediction p = model().predict(x);
        if (dataset().schema().isClassification()) {
            double[] pr = p.probabilities();
            assertEquals(dataset().schema().classes().size(), pr.length);
            double sum = 0;
            for (double v : pr) {
                assertTrue(v >= 0 && v <= 1, "probability " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-6);
        }
    }

    @Property(tries = 100)
    void explanationsSpeakTheDatasTerms(@ForAll("instances") Instance x) {
        Optional<Explanation> ex = explanation(x);
        if (ex.isEmpty()) {
            return;
        }
        Explanation e = ex.get();
        List<String> cols = dataset().schema().featureNames();
        for (String f : e.features()) {
            assertTrue(cols.contains(f), "explanation names '" + f + "', not a column of " + cols);
        }
        if (e instanceof FeatureAttribution fa) {
            for (Contribution c : fa.contributions()) {
                int j = cols.indexOf(c.feature());
                assertTrue(j >= 0, "attribution to '" + c.feature() + "', not a column of " + cols);
                assertEquals(x.text(j), c.value(), "attribution to " + c.feature() + " quotes a value the row does not have");
            }
        }
        ConditionTruth anyTruth = ConditionTruth.withoutForm();
        for (Condition c : conditions(e)) {
            anyTruth.judge(c, x); // throws on an unknown column, a non-number threshold, an unknown category
        }
    }

    @Property(tries = 150)
    void exactAttributionsAddUp(@ForAll("instances") Instance x) {
        Optional<Explanation> ex = explanation(x);
        if (ex.isEmpty()) {
            return;
        }
        Optional<FeatureAttribution> fa = ex.get().asAttribution();
        if (fa.isPresent() && fa.get().method().startsWith("exact")) {
            double tol = 1e-9 * (1 + Math.abs(fa.get().output()));
            assertEquals(0, fa.get().completenessGap(), tol, "an exact attribution must add up: baseline + Σ attributions = output");
        }
    }

    /**
     * A model that reads its explanation as per-column contributions for any class (what every
     * model's fidelity is scored with: a tree's TreeSHAP, the rules' Shapley split, a sparse model's
     * attribution) gives one contribution per schema column, in order; an exact one adds up to its
     * output minus its baseline; for a probability or two-class log-odds target, that output is the
     * one the model predicts.
     */
    @Property(tries = 100)
    void classAttributionsAddUpAndMatchThePrediction(@ForAll("instances") Instance x) {
        if (!(model() instanceof ClassAttributable ca)) {
            return;
        }
        Prediction p = model().predict(x);
        for (int c = 0; c < model().schema().classes().size(); c++) {
            FeatureAttribution a = ca.attribution(x, c);
            assertEquals(model().schema().featureNames(), a.contributions().stream().map(Contribution::feature)
                    .toList(), "one contribution per column, in the schema's order");
            if (a.method().startsWith("exact")) {
                double tol = 1e-6 * (1 + Math.abs(a.output()));
                assertEquals(0, a.completenessGap(), tol, a.method() + " must add up: baseline + Σ contributions = output");
            }
            String cls = model().schema().classes().get(c);
            if (a.target().equals("P(" + cls + ")")) {
                assertEquals(p.probability(c), a.output(), 1e-6, "the attributed output is the predicted P(" + cls + ")");
            } else if (a.target().equals("log-odds(" + cls + ")") && model().schema().classes().size() == 2) {
                double lo = Math.log(p.probability(c)) - Math.log(p.probability(1 - c));
                if (Double.isFinite(lo)) {
                    assertEquals(lo, a.output(), 1e-6 * (1 + Math.abs(lo)), "the attributed output is the predicted log-odds of " + cls);
                }
            }
        }
    }

    @Property(tries = 200)
    void everyStatedConditionHoldsForTheRow(@ForAll("instances") Instance x) {
        conditionsHold(x);
    }

    @Property(tries = 200)
    void theStatedFormReproducesThePredictionAndTheExplanation(@ForAll("instances") Instance x) {
        statedFormAgrees(x);
    }

    /** The two checks above on the data's own rows, where thresholds lie thick: no luck needed to meet a wrong one. */
    @Example
    void explanationsAreTrueOnTheDataRows() {
        Dataset d = dataset();
        for (int i = 0; i < Math.min(d.size(), 10 * rowsToCheck()); i++) {
            conditionsHold(d.row(i));
            statedFormAgrees(d.row(i));
        }
    }

    private void conditionsHold(Instance x) {
        Optional<Explanation> ex = explanation(x);
        if (ex.isEmpty()) {
            return;
        }
        ConditionTruth truth = runner().map(StatedFormRunner::truth).orElse(ConditionTruth.withoutForm());
        for (Condition c : conditions(ex.get())) {
            assertNotEquals(Optional.of(false), truth.judge(c, x), "the explanation states '" + c + "', which is false for "
                    + x.asText());
        }
    }

    private void statedFormAgrees(Instance x) {
        Optional<StatedFormRunner> r = runner();
        if (r.isEmpty()) {
            return;
        }
        StatedFormRunner.Run run = r.get().run(x);
        Prediction p = model().predict(x);
        if (p.isClassification()) {
            double[] want = p.probabilities();
            assertEquals(want.length, run.output().length, "the stated form's class count");
            for (int c = 0; c < want.length; c++) {
                assertEquals(want[c], run.output()[c], FORM_TOLERANCE * (1 + Math.abs(want[c])),
                        "P(" + dataset().schema().classes().get(c) + ") from the stated form, for " + x.asText());
            }
        } else {
            assertEquals(p.value(), run.output()[0], FORM_TOLERANCE * (1 + Math.abs(p.value())), "the stated form's value");
        }
        Explanation e = explanation(x).orElseThrow();
        if (e instanceof TreePathExplanation t) {
            assertEquals(run.path(), t.steps(), "the explained path is not the stated tree's path for " + x.asText());
        }
        if (e instanceof RuleExplanation re) {
            assertEquals(run.firedRules().size(), re.fired().size(), "the rules that fire by the stated rule list (" + run.firedRules()
                    + ") are not those the explanation lists, for " + x.asText());
            for (int k = 0; k < re.fired().size(); k++) {
                int i = run.firedRules().get(k);
                RuleExplanation.FiredRule f = re.fired().get(k);
                List<Condition> stated = r.get().ruleConditions(i);
                assertEquals(r.get().ruleOutcome(i), f.outcome(), "fired rule " + k + "'s outcome");
                if (r.get().ruleIsConjunction(i)) {
                    assertEquals(stated, f.conditions(), "fired rule " + k + " is not stated rule " + i);
                } else {
                    assertFalse(f.conditions().isEmpty(), "fired OR-rule " + k + " names none of its conditions");
                    assertTrue(stated.containsAll(f.conditions()), "fired rule " + k + " is not stated rule " + i);
                }
            }
        }
    }

    @Property(tries = 60)
    void conceptExplanationsReportTheValuesTheyUsed(@ForAll("instances") Instance x) {
        if (!(model() instanceof ConceptIntervenable ci) || !(explanation(x).orElse(null) instanceof ConceptExplanation e)) {
            return;
        }
        double[] reported = e.concepts().stream().mapToDouble(ConceptExplanation.ConceptScore::probability).toArray();
        Explained<ConceptExplanation> again = ci.explain(x, reported);
        assertEquals(model().predict(x), again.prediction(), "setting every concept to its reported value changed the prediction");
        double[] contributions = e.concepts().stream().mapToDouble(ConceptExplanation.ConceptScore::contribution).toArray();
        double[] contributionsAgain = again.explanation().concepts().stream()
                .mapToDouble(ConceptExplanation.ConceptScore::contribution).toArray();
        assertArrayEquals(contributions, contributionsAgain, 1e-12, "concept contributions at the reported values");
        assertEquals(e.intercept(), again.explanation().intercept(), 1e-12);
    }

    @Example
    void pathsAndRulesComeWithAStatedForm() {
        Optional<Explanation> e = explanation(dataset().row(0));
        if (e.isPresent() && (e.get() instanceof TreePathExplanation || e.get() instanceof RuleExplanation)) {
            assertTrue(runner().isPresent(), "a model that explains by " + e.get().getClass().getSimpleName()
                    + " must be Simulatable and state its form (Simulatable.statedForm)");
        }
    }

    @Example
    void simulatableExecutableReproducesThePrediction() {
        if (model() instanceof Simulatable s) {
            var exec = s.asExecutable();
            Dataset d = dataset();
            for (int i = 0; i < Math.min(rowsToCheck(), d.size()); i++) {
                assertEquals(model().predict(d.row(i)).classIndex(), exec.predict(d.row(i)).classIndex(), "row " + i);
            }
        }
    }

    @Example
    void sameSeedGivesTheSameModelOnCpu() {
        Savable again = train(1);
        Dataset d = dataset();
        for (int i = 0; i < Math.min(rowsToCheck(), d.size()); i++) {
            assertEquals(model().predict(d.row(i)), again.predict(d.row(i)), "prediction of row " + i);
            assertEquals(explanation(model(), d.row(i)), explanation(again, d.row(i)), "explanation of row " + i);
        }
        assertEquals(statedJson(model()), statedJson(again), "stated form");
    }

    @Example
    void theFamilyIsRegisteredAndNamesItsModels() {
        assertEquals(family().kind(), model().kind(), "the model's kind is its family's name");
        assertEquals(family().getClass(), ModelFamilies.get(family().kind()).getClass(),
                "the family must be registered in META-INF/services/org.pellucid.core.models.ModelFamily");
    }

    /**
     * Provenance records options, and only options: every name is one of the family's, every value
     * is one its option table accepts (so the model can be trained again from them), and what
     * training found goes in {@code provenance().training()}.
     */
    @Example
    void provenanceRecordsTheResolvedOptionsOnly() {
        OptionTable table = family().options();
        for (Map.Entry<String, String> e : model().provenance().options().entrySet()) {
            assertTrue(table.names().contains(e.getKey()), "provenance option '" + e.getKey() + "' is not an option of "
                    + family().kind() + " (" + table.names() + "); training results belong in the training summary");
        }
        TrainConfig again = new TrainConfig(1, null, null,
                model().provenance().options());
        table.read(family().kind(), again); // throws when a recorded value is not one the table accepts
        for (String given : config(1).options().keySet()) {
            assertTrue(model().provenance().options().containsKey(given), "option " + given + " was given but is not recorded");
        }
    }

    @Example
    void saveThenLoadKeepsPredictionsExplanationsAndProvenance() throws Exception {
        Path dir = Files.createTempDirectory("pellucid-contract").resolve("model");
        ModelStore.save(model(), dir);
        Savable loaded = ModelFamilies.load(dir);
        assertEquals(model().kind(), loaded.kind());
        assertEquals(model().schema(), loaded.schema());
        assertEquals(model().provenance(), loaded.provenance(), "provenance after save → load");
        assertEquals(statedJson(model()), statedJson(loaded), "stated form after save → load");
        Dataset d = dataset();
        for (int i = 0; i < Math.min(rowsToCheck(), d.size()); i++) {
            Instance x = d.row(i);
            assertEquals(model().predict(x), loaded.predict(x), "row " + i);
            assertEquals(explanation(model(), x), explanation(loaded, x), "explanation of row " + i);
        }
    }

    /** The model's explanation of x, if it explains itself. */
    protected final Optional<Explanation> explanation(Instance x) {
        return explanation(model(), x);
    }

    private static Optional<Explanation> explanation(Savable m, Instance x) {
        return m instanceof InterpretableModel<?> im ? Optional.of(im.explain(x).explanation()) : Optional.empty();
    }

    private static Optional<String> statedJson(Savable m) {
        return m instanceof Simulatable s ? s.statedForm().map(f -> f.toJson().toString()) : Optional.empty();
    }

    /** The stated form as JSON text, parsed back by the contract's own runner (once per suite, like the model). */
    private Optional<StatedFormRunner> runner() {
        return RUNNERS.computeIfAbsent(getClass(), k -> statedJson(model()).map(StatedFormRunner::new));
    }

    private static List<Condition> conditions(Explanation e) {
        return switch (e) {
            case TreePathExplanation t -> t.steps();
            case RuleExplanation r -> r.fired().stream().flatMap(f -> f.conditions().stream()).toList();
            default -> List.of();
        };
    }
}
