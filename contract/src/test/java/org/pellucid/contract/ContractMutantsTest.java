package org.pellucid.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.TrainConfig;

/**
 * Proof that the contract bites: it is run (through the JUnit platform, as Surefire runs it) on toy
 * models that lie in one way each, and each lie must make the checks that concern it fail, while
 * the honest toys pass every check. The suites below are nested so that Surefire does not run
 * them on its own.
 */
class ContractMutantsTest {

    /** A toy suite: flavor and lie through the family's options. */
    abstract static class Toy extends ModelContract {
        abstract String flavor();

        abstract String lie();

        @Override
        protected ModelFamily family() {
            return ModelFamilies.get("toy");
        }

        @Override
        protected Dataset data() {
            return SyntheticData.rule(300, 5);
        }

        @Override
        protected TrainConfig config(long seed) {
            return TrainConfig.of(seed).with("flavor", flavor()).with("lie", lie());
        }
    }

    static class HonestPath extends Toy {
        String flavor() { return "path"; }
        String lie() { return "none"; }
    }

    static class HonestRules extends Toy {
        String flavor() { return "rules"; }
        String lie() { return "none"; }
    }

    static class HonestAttribution extends Toy {
        String flavor() { return "attribution"; }
        String lie() { return "none"; }
    }

    static class WrongOperator extends Toy {
        String flavor() { return "path"; }
        String lie() { return "wrong_operator"; }
    }

    static class WrongPath extends Toy {
        String flavor() { return "path"; }
        String lie() { return "wrong_path"; }
    }

    static class ShiftedThreshold extends Toy {
        String flavor() { return "path"; }
        String lie() { return "shifted_threshold"; }
    }

    static class ShiftedRuleThreshold extends Toy {
        String flavor() { return "rules"; }
        String lie() { return "shifted_threshold"; }
    }

    static class PhantomRule extends Toy {
        String flavor() { return "rules"; }
        String lie() { return "phantom_rule"; }
    }

    static class AttributionOffset extends Toy {
        String flavor() { return "attribution"; }
        String lie() { return "attribution_offset"; }
    }

    static class NonDeterministic extends Toy {
        String flavor() { return "path"; }
        String lie() { return "nondeterministic"; }
    }

    static class DroppedParameter extends Toy {
        String flavor() { return "path"; }
        String lie() { return "dropped_parameter"; }
    }

    static class ResultInOptions extends Toy {
        String flavor() { return "path"; }
        String lie() { return "result_in_options"; }
    }

    /** The checks a {@link ModelContract} runs. */
    private static final int CHECKS = 15;

    /** Checks run and checks failed (by method name, with the first line of the reason). */
    record Outcome(int run, Map<String, String> failed) {}

    static Outcome runContract(Class<?> suite) throws Exception {
        Path db = Files.createTempFile("jqwik", ".db");
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(suite))
                .filters(EngineFilter.includeEngines("jqwik"))
                .configurationParameter("jqwik.database", db.toString())
                .configurationParameter("jqwik.shrinking.default", "OFF")
                .configurationParameter("jqwik.reporting.onlyfailures", "true")
                .build();
        AtomicInteger run = new AtomicInteger();
        Map<String, String> failed = new TreeMap<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                run.incrementAndGet();
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    String why = result.getThrowable().map(t -> String.valueOf(t.getMessage()).lines().findFirst().orElse(""))
                            .orElse("");
                    failed.put(id.getDisplayName(), why);
                }
            }
        });
        Files.deleteIfExists(db);
        return new Outcome(run.get(), failed);
    }

    static void assertCaughtBy(Class<?> suite, Set<String> checks) throws Exception {
        Outcome o = runContract(suite);
        assertEquals(CHECKS, o.run(), "checks run on " + suite.getSimpleName());
        for (String c : checks) {
            assertTrue(o.failed().containsKey(c), suite.getSimpleName() + " must fail " + c + "; failed: " + o.failed());
        }
    }

    @Test
    void honestToysPassEveryCheck() throws Exception {
        for (Class<?> c : new Class<?>[] {HonestPath.class, HonestRules.class, HonestAttribution.class}) {
            Outcome o = runContract(c);
            assertEquals(CHECKS, o.run(), c.getSimpleName());
            assertEquals(Map.of(), o.failed(), c.getSimpleName());
        }
    }

    @Test
    void aPathThatStatesTheWrongOperatorIsCaught() throws Exception {
        assertCaughtBy(WrongOperator.class, Set.of("everyStatedConditionHoldsForTheRow",
                "theStatedFormReproducesThePredictionAndTheExplanation", "explanationsAreTrueOnTheDataRows"));
    }

    @Test
    void theWrongPathModelOfIssue14IsCaught() throws Exception {
        // wrong operator and a threshold 1000 higher: every stated condition holds, yet the stated tree predicts otherwise
        assertCaughtBy(WrongPath.class, Set.of("theStatedFormReproducesThePredictionAndTheExplanation",
                "explanationsAreTrueOnTheDataRows"));
    }

    @Test
    void aShiftedThresholdIsCaught() throws Exception {
        // generated rows meet the gap between the two thresholds only by luck; the data's rows always do
        assertCaughtBy(ShiftedThreshold.class, Set.of("explanationsAreTrueOnTheDataRows"));
        assertCaughtBy(ShiftedRuleThreshold.class, Set.of("explanationsAreTrueOnTheDataRows"));
    }

    @Test
    void aRuleListedAsFiredThatDoesNotFireIsCaught() throws Exception {
        assertCaughtBy(PhantomRule.class, Set.of("everyStatedConditionHoldsForTheRow",
                "theStatedFormReproducesThePredictionAndTheExplanation", "explanationsAreTrueOnTheDataRows"));
    }

    @Test
    void attributionsOffByAConstantAreCaught() throws Exception {
        assertCaughtBy(AttributionOffset.class, Set.of("exactAttributionsAddUp"));
    }

    @Test
    void aNonDeterministicTrainerIsCaught() throws Exception {
        assertCaughtBy(NonDeterministic.class, Set.of("sameSeedGivesTheSameModelOnCpu"));
    }

    @Test
    void aSaveThatDropsAParameterIsCaught() throws Exception {
        assertCaughtBy(DroppedParameter.class, Set.of("saveThenLoadKeepsPredictionsExplanationsAndProvenance"));
    }

    @Test
    void aTrainingResultWrittenIntoTheOptionsIsCaught() throws Exception {
        assertCaughtBy(ResultInOptions.class, Set.of("provenanceRecordsTheResolvedOptionsOnly"));
    }
}
