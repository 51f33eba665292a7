package org.pellucid.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.explain.Explanation;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Simulatable;
import org.pellucid.core.models.ModelFamilies;

/**
 * The contract every Pellucid model must pass, as a reusable jqwik test class (exported in
 * {@code pellucid-core}'s test-jar). Subclass it, say how to train your model and on what data:
 * <pre>{@code
 * class MyModelContractTest extends ModelContract<MyModel> {
 *     protected Dataset data() { return SyntheticData.rule(400, 1); }
 *     protected MyModel train(Dataset d, long seed) { ... }
 * }
 * }</pre>
 * Checked: {@code explain(x).prediction()} equals {@code predict(x)} on data rows and on arbitrary
 * generated rows (including missing values); the same seed gives the same model on CPU; a
 * {@link Simulatable} explanation reproduces the predicted class; save → load keeps predictions and
 * explanations identical; explanations only name the schema's columns; exact attributions add up.
 * Checks that do not apply to a black box pass vacuously for it (they are about explanations).
 */
public abstract class ModelContract<M extends Savable> {
    private static final Map<Class<?>, Object> TRAINED = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Dataset> DATA = new ConcurrentHashMap<>();

    /** The data the model is trained and checked on (small: the contract trains it three times). */
    protected abstract Dataset data();

    /** Trains the model on the data with the given seed, on the CPU. */
    protected abstract M train(Dataset data, long seed);

    /** Rows checked in the row-by-row examples. */
    protected int rowsToCheck() {
        return 60;
    }

    protected final Dataset dataset() {
        return DATA.computeIfAbsent(getClass(), k -> data());
    }

    @SuppressWarnings("unchecked")
    protected final M model() {
        return (M) TRAINED.computeIfAbsent(getClass(), k -> train(dataset(), 1));
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
    void explanationsNameOnlySchemaColumns(@ForAll("instances") Instance x) {
        if (model() instanceof InterpretableModel<?> im) {
            Explanation e = im.explain(x).explanation();
            List<String> cols = dataset().schema().featureNames();
            for (String f : e.features()) {
                assertTrue(cols.contains(f), "explanation names '" + f + "', not a column of " + cols);
            }
            if (e instanceof FeatureAttribution fa && fa.method().startsWith("exact")) {
                assertEquals(0, fa.completenessGap(), 1e-9 * (1 + Math.abs(fa.output())), "exact attribution must add up");
            }
        }
    }

    @Example
    void simulatableExplanationReproducesThePrediction() {
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
        M again = train(dataset(), 1);
        Dataset d = dataset();
        for (int i = 0; i < Math.min(rowsToCheck(), d.size()); i++) {
            assertEquals(model().predict(d.row(i)), again.predict(d.row(i)), "row " + i);
        }
    }

    @Example
    void saveThenLoadKeepsPredictionsAndExplanations() throws Exception {
        Path dir = Files.createTempDirectory("pellucid-contract").resolve("model");
        ModelStore.save(model(), dir);
        Savable loaded = ModelFamilies.load(dir);
        assertEquals(model().kind(), loaded.kind());
        assertEquals(model().schema(), loaded.schema());
        Dataset d = dataset();
        for (int i = 0; i < Math.min(rowsToCheck(), d.size()); i++) {
            Instance x = d.row(i);
            assertEquals(model().predict(x), loaded.predict(x), "row " + i);
            if (model() instanceof InterpretableModel<?> a && loaded instanceof InterpretableModel<?> b) {
                Explained<?> ea = a.explain(x);
                Explained<?> eb = b.explain(x);
                assertEquals(ea.explanation(), eb.explanation(), "explanation of row " + i);
            }
        }
    }
}
