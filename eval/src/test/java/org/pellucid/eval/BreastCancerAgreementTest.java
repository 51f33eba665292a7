package org.pellucid.eval;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.DatasetRegistry;
import org.pellucid.core.data.Splits;
import org.pellucid.core.models.LogisticModel;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;
import org.pellucid.eval.explainers.KernelShap;
import org.pellucid.eval.explainers.Output;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** On breast-cancer, KernelSHAP (30 columns, sampled) and the logistic model's exact attribution agree. */
class BreastCancerAgreementTest {

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        return pearson(ra, rb);
    }

    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            r[idx[k]] = k;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double s = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
            sa += (a[i] - ma) * (a[i] - ma);
            sb += (b[i] - mb) * (b[i] - mb);
        }
        return s / Math.sqrt(sa * sb);
    }

    @Test
    void kernelShapAgreesWithTheExactLinearAttribution() {
        assumeTrue(DatasetRegistry.isAvailable("breast-cancer"), "breast-cancer is not in " + DatasetRegistry.dataDirectory());
        Dataset d = DatasetRegistry.load("breast-cancer");
        Splits.TrainValidTest s = Splits.trainValidTest(d, 0.2, 0.2, 1);
        Dataset train = d.subset(s.train());
        Dataset test = d.subset(s.test());
        LogisticModel m = (LogisticModel) ModelFamilies.get("logistic").train(train, d.subset(s.valid()), TrainConfig.of(1));
        KernelShap shap = new KernelShap(KernelShap.sampleBackground(train, 50, 1), Output.LOG_ODDS, 512, 10, 16384, 1);
        double sum = 0;
        int n = 25;
        for (int i = 0; i < n; i++) {
            sum += spearman(shap.explain(m, test.row(i), 1).values(), m.attribution(test.row(i), 1).values());
        }
        double mean = sum / n;
        System.out.printf("breast-cancer: mean Spearman(KernelSHAP, built-in) over %d rows = %.4f%n", n, mean);
        assertTrue(mean >= 0.95, "rank correlation " + mean);
    }
}
