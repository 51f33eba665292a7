package org.example.stump;

import java.time.Instant;
import java.util.Arrays;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.ModelFamily;
import org.pellucid.core.models.OptionTable;
import org.pellucid.core.models.TrainConfig;

/** Trains a {@link StumpModel}: the numeric column and threshold (among midpoints) with the best training accuracy. */
public class StumpFamily implements ModelFamily {
    @Override
    public String kind() {
        return "stump";
    }

    @Override
    public boolean transparent() {
        return true;
    }

    @Override
    public String description() {
        return "one test on one numeric column";
    }

    @Override
    public OptionTable options() {
        return OptionTable.none();
    }

    @Override
    public Savable train(Dataset train, Dataset valid, TrainConfig config) {
        options().read(kind(), config); // refuses any option: a stump has none
        int k = train.schema().classes().size();
        int[] y = train.labels();
        double bestAcc = -1;
        int bestCol = -1;
        double bestT = 0;
        for (int j = 0; j < train.schema().featureCount(); j++) {
            if (!train.schema().feature(j).isNumeric()) {
                continue;
            }
            double[] v = column(train, j);
            double[] sorted = Arrays.stream(v).filter(d -> !Double.isNaN(d)).distinct().sorted().toArray();
            for (int q = 1; q < 20 && sorted.length > 1; q++) {
                int i = q * (sorted.length - 1) / 20;
                double t = (sorted[i] + sorted[i + 1]) / 2;
                double acc = accuracy(v, y, k, t, mean(v));
                if (acc > bestAcc) {
                    bestAcc = acc;
                    bestCol = j;
                    bestT = t;
                }
            }
        }
        if (bestCol < 0) {
            throw new IllegalArgumentException("a stump needs a numeric column");
        }
        double[] v = column(train, bestCol);
        double m = mean(v);
        double[][] counts = counts(v, y, k, bestT, m);
        Provenance p = new Provenance(kind(), config.options(), config.seed(), train.fingerprint(), train.name(),
                Provenance.currentVersions(), Instant.now().toString());
        return make(train, bestCol, bestT, m, normalise(counts[0]), normalise(counts[1]), p);
    }

    /** Builds the model; a subclass may build another kind of stump. */
    protected StumpModel make(Dataset train, int column, double threshold, double mean, double[] above, double[] below,
                              Provenance p) {
        return new StumpModel(train.schema(), column, threshold, mean, above, below, p);
    }

    @Override
    public Savable read(ModelReader in) {
        Provenance p = in.provenance();
        return new StumpModel(in.schema(), in.get("column").getAsInt(), in.get("threshold").getAsDouble(),
                in.get("mean").getAsDouble(), in.doubles("above"), in.doubles("below"), p);
    }

    private static double[] column(Dataset d, int j) {
        double[] v = new double[d.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = d.value(i, j);
        }
        return v;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).filter(d -> !Double.isNaN(d)).average().orElse(0);
    }

    private static double[][] counts(double[] v, int[] y, int k, double t, double mean) {
        double[][] c = new double[2][k];
        for (int i = 0; i < v.length; i++) {
            c[(Double.isNaN(v[i]) ? mean : v[i]) > t ? 0 : 1][y[i]]++;
        }
        return c;
    }

    private static double accuracy(double[] v, int[] y, int k, double t, double mean) {
        double[][] c = counts(v, y, k, t, mean);
        return (Arrays.stream(c[0]).max().orElse(0) + Arrays.stream(c[1]).max().orElse(0)) / v.length;
    }

    private static double[] normalise(double[] c) {
        double s = Arrays.stream(c).sum() + c.length;
        return Arrays.stream(c).map(x -> (x + 1) / s).toArray(); // Laplace-smoothed frequencies
    }
}
