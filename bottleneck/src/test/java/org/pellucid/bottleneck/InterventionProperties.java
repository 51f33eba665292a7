package org.pellucid.bottleneck;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.explain.ConceptExplanation;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interventions and concept explanations against what they must mean. */
class InterventionProperties {
    static final Dataset TRIG = SyntheticData.trig(1500, 4);
    static final Splits.TrainValidTest SPLIT = Splits.trainValidTest(TRIG, 0.2, 0.2, 1);
    static final Dataset TRAIN = TRIG.subset(SPLIT.train());
    static final Dataset VALID = TRIG.subset(SPLIT.valid());
    static final Dataset TEST = TRIG.subset(SPLIT.test());
    static final ConceptModel CBM = (ConceptModel) ModelFamilies.get("cbm").train(TRAIN, VALID,
            TrainConfig.of(1).with("epochs", "60").with("hidden", "32,32"));
    static final ConceptModel CEM = (ConceptModel) ModelFamilies.get("cem").train(TRAIN, VALID,
            TrainConfig.of(1).with("epochs", "60").with("hidden", "32,32").with("embedding-size", "8"));

    static double[] nan(int k) {
        double[] v = new double[k];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /**
     * The gradients input attributions are taken through come from the same function the model
     * predicts with: the full network's class softmax equals the prediction, for cbm and cem.
     */
    @Property(tries = 30)
    void gradientsAreOfThePredictedProbabilities(@ForAll @IntRange(min = 0, max = 299) int row) {
        for (ConceptModel m : new ConceptModel[] {CBM, CEM}) {
            Instance x = TEST.row(row);
            Prediction p = m.predict(x);
            double[][] enc = {m.encoder().encode(x)};
            for (int c = 0; c < 2; c++) {
                double out = m.gradients(enc, c).outputs()[0];
                Assertions.assertEquals(p.probability(c), out, 1e-4, m.kind() + " row " + row + " class " + c);
            }
        }
    }

    @Property(tries = 40)
    void interveningOnNothingChangesNothing(@ForAll @IntRange(min = 0, max = 1499) int row) {
        for (ConceptModel m : new ConceptModel[] {CBM, CEM}) {
            Instance x = TRIG.row(row);
            assertEquals(m.predict(x), m.explain(x, nan(3)).prediction());
        }
    }

    @Property(tries = 40)
    void afterInterveningOnEveryConceptABottleneckDependsOnlyOnTheConcepts(@ForAll @IntRange(min = 0, max = 1499) int a,
                                                                            @ForAll @IntRange(min = 0, max = 1499) int b) {
        double[] truth = TRIG.concepts(a);
        // the same true concepts given to two different rows: the head alone decides, so both agree,
        // and agree with the head applied to the true concepts
        var pa = CBM.explain(TRIG.row(a), truth).prediction();
        var pb = CBM.explain(TRIG.row(b), truth).prediction();
        assertArrayEquals(pa.probabilities(), pb.probabilities(), 1e-12);
        ConceptModel.ConceptState st = CBM.concepts(TRIG.row(b));
        double[] logits = CBM.classLogits(st, truth);
        assertEquals(ConceptModel.argmax(logits), pa.classIndex());
        assertEquals(pa, CBM.predictFromConcepts(TRIG.row(b), truth));
    }

    @Property(tries = 40)
    void contributionsAndInterceptAddUpToThePredictedLogit(@ForAll @IntRange(min = 0, max = 1499) int row) {
        for (ConceptModel m : new ConceptModel[] {CBM, CEM}) {
            Instance x = TRIG.row(row);
            Explained<ConceptExplanation> e = m.explain(x);
            double s = e.explanation().intercept();
            for (ConceptExplanation.ConceptScore c : e.explanation().concepts()) {
                s += c.contribution();
            }
            ConceptModel.ConceptState st = m.concepts(x);
            double logit = m.classLogits(st, st.probabilities())[e.prediction().classIndex()];
            assertEquals(logit, s, 1e-9);
        }
    }

    @Property(tries = 30)
    void aListedFlipChangesThePredictionAndAnUnlistedOneDoesNot(@ForAll @IntRange(min = 0, max = 1499) int row) {
        Instance x = TRIG.row(row);
        Explained<ConceptExplanation> e = CBM.explain(x);
        ConceptModel.ConceptState st = CBM.concepts(x);
        for (int i = 0; i < 3; i++) {
            double[] given = nan(3);
            given[i] = st.probabilities()[i] > 0.5 ? 0 : 1;
            boolean changes = CBM.explain(x, given).prediction().classIndex() != e.prediction().classIndex();
            assertEquals(changes, e.explanation().flips().contains(CBM.groups().names().get(i)), "concept " + i);
        }
    }

    @Test
    void theInterventionCurveStartsAtTheModelAndEndsAtTheHeadOnTrueConcepts() {
        for (ConceptModel m : new ConceptModel[] {CBM, CEM}) {
            ConceptMetrics cm = ConceptMetrics.of(m, TEST);
            for (HasConcepts.Policy p : HasConcepts.Policy.values()) {
                double[] curve = Interventions.curve(m, TEST, p, 1);
                assertEquals(4, curve.length);
                assertEquals(cm.taskAccuracy(), curve[0], 1e-12, p.id());
                assertEquals(cm.trueConceptAccuracy(), curve[curve.length - 1], 1e-12, p.id());
            }
        }
    }

    @Test
    void onCompleteConceptsTheInterventionCurveNeverFalls() {
        // XOR's label is a function of its two concepts; (Trig's is not, and there a jointly trained
        // model that leaks label information through soft concepts does fall when given true ones)
        Dataset xor = SyntheticData.xor(1200, 2);
        Splits.TrainValidTest s = Splits.trainValidTest(xor, 0.2, 0.2, 1);
        Dataset test = xor.subset(s.test());
        for (String kind : new String[] {"cbm", "cem"}) {
            ConceptModel m = (ConceptModel) ModelFamilies.get(kind).train(xor.subset(s.train()), xor.subset(s.valid()),
                    TrainConfig.of(1).with("epochs", "60").with("hidden", "16,16"));
            ConceptMetrics cm = ConceptMetrics.of(m, test);
            for (HasConcepts.Policy p : HasConcepts.Policy.values()) {
                double[] curve = Interventions.curve(m, test, p, 1);
                assertEquals(cm.taskAccuracy(), curve[0], 1e-12, p.id());
                // a bottleneck head on the true concepts is exact; cem's embeddings still carry the input
                assertTrue(curve[curve.length - 1] >= (kind.equals("cbm") ? 1.0 : 0.99), kind + " on true XOR concepts");
                for (int q = 1; q < curve.length; q++) {
                    assertTrue(curve[q] >= curve[q - 1] - 1e-12, m.kind() + " " + p.id() + " " + Arrays.toString(curve));
                }
            }
        }
    }

    @Test
    void independentConceptPredictionsDoNotDependOnTheLabels() {
        // the same data with the labels shuffled: an independent model's encoder never sees them
        int[] labels = TRAIN.labels();
        Random r = new Random(3);
        for (int i = labels.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = labels[i];
            labels[i] = labels[j];
            labels[j] = t;
        }
        double[][] rows = new double[TRAIN.size()][];
        double[][] concepts = new double[TRAIN.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = TRAIN.rowValues(i);
            concepts[i] = TRAIN.concepts(i);
        }
        Dataset shuffled = Dataset.builder(TRAIN.schema()).name("shuffled").features(rows).labels(labels).concepts(concepts).build();
        TrainConfig cfg = TrainConfig.of(1).with("mode", "independent").with("epochs", "20").with("hidden", "16");
        ConceptModel a = (ConceptModel) ModelFamilies.get("cbm").train(TRAIN, null, cfg);
        ConceptModel b = (ConceptModel) ModelFamilies.get("cbm").train(shuffled, null, cfg);
        boolean headsDiffer = false;
        for (int i = 0; i < 50; i++) {
            Instance x = TEST.row(i);
            assertArrayEquals(a.concepts(x).probabilities(), b.concepts(x).probabilities(), 0);
            headsDiffer |= !Arrays.equals(a.predict(x).probabilities(), b.predict(x).probabilities());
        }
        assertTrue(headsDiffer, "the heads were trained on different labels, so they must differ");
    }

    @Test
    void badInterventionsAndBadOptionsAreRefused() {
        Instance x = TRIG.row(0);
        assertThrows(IllegalArgumentException.class, () -> CBM.explain(x, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> CBM.explain(x, new double[] {2, Double.NaN, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ModelFamilies.get("cem").train(TRAIN, null,
                TrainConfig.of(1).with("mode", "sequential")));
        assertThrows(IllegalArgumentException.class, () -> ModelFamilies.get("cbm").train(TRAIN, null,
                TrainConfig.of(1).with("mode", "together")));
        Dataset noConcepts = Dataset.builder(new Schema(
                        List.of(Column.numeric("a")),
                        Column.categorical("y", List.of("0", "1"))))
                .name("plain").features(new double[][] {{1}, {2}, {3}, {4}}).labels(new int[] {0, 1, 0, 1}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFamilies.get("cbm").train(noConcepts, null, TrainConfig.of(1)));
        assertTrue(e.getMessage().contains("no concept columns"), e.getMessage());
    }
}
