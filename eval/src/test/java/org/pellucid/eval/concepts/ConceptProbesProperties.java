package org.pellucid.eval.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Splits;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.MlpFamily;
import org.pellucid.core.models.MlpModel;
import org.pellucid.core.models.TrainConfig;

/** The pieces of probes and TCAV against their definitions. */
class ConceptProbesProperties {
    static final Dataset XOR = SyntheticData.xor(1200, 3);
    static final MlpModel MLP = (MlpModel) new MlpFamily().train(XOR, null, TrainConfig.of(1).with("epochs", "60").with("hidden", "16,8"));
    static final MlpLayers NET = new MlpLayers(MLP);

    /** The logit gradient at a hidden layer is the derivative of the logits computed from that layer on. */
    @Property(tries = 40)
    void logitGradientMatchesFiniteDifferences(@ForAll @IntRange(min = 0, max = 1199) int row, @ForAll @IntRange(min = 1, max = 2) int layer,
                                              @ForAll @IntRange(min = 0, max = 1) int cls) {
        double[][] a = NET.activations(XOR.row(row));
        double[] g = NET.logitGradient(a, layer, cls);
        double h = 1e-5;
        for (int j = 0; j < a[layer].length; j++) {
            double[] up = a[layer].clone();
            double[] dn = a[layer].clone();
            up[j] += h;
            dn[j] -= h;
            double fd = (NET.logitsFrom(up, layer)[cls] - NET.logitsFrom(dn, layer)[cls]) / (2 * h);
            assertEquals(fd, g[j], 1e-3 * (1 + Math.abs(fd)), "unit " + j + " of layer " + layer);
        }
        float[] logits = MLP.logits(floats(a[0]), 1);
        assertEquals(logits[cls], NET.logitsFrom(a[layer], layer)[cls], 1e-4, "the layers reproduce the model's logits");
    }

    @Example
    void theTTestGivesTextbookValues() {
        // t = 2.093 with 19 degrees of freedom is the two-sided 5% point
        assertEquals(0.975, ConceptProbes.studentT(2.093, 19), 5e-4);
        assertEquals(0.5, ConceptProbes.studentT(0, 7), 1e-9);
    }

    @Example
    void xorsConceptsAreReadableInsideTheMlp() {
        Splits.TrainValidTest s = Splits.trainValidTest(XOR, 0.2, 0.2, 1);
        List<ConceptProbes.Probe> p = ConceptProbes.run(NET, XOR.subset(s.train()), XOR.subset(s.test()), 1, 10, 1);
        assertEquals(2 * 2, p.size(), "two concepts at two hidden layers");
        for (ConceptProbes.Probe q : p) {
            assertTrue(q.accuracy() > q.majority() + 0.2, q + ": the concept is linearly readable, well above the majority rate");
            assertTrue(q.pValue() >= 0 && q.pValue() <= 1, q.toString());
        }
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
