package org.pellucid.core.encode;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pellucid.core.data.Column;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Numbers;
import org.pellucid.core.data.Schema;

/**
 * Turns rows in the user's terms into the numeric vectors models read, and back. Fitted on training
 * rows only. Per column: numeric → standardised value (or quantile-bin indicators); categorical →
 * one indicator per category (one-hot); binary → one indicator for its second category.
 *
 * <p>Defined treatments: a missing number encodes as the training mean (0 after standardising); a
 * missing or unseen category encodes with no indicator active, so it contributes nothing of its own.
 * Every encoded input remembers its source column ({@link #features()}), which is how explanations
 * are grouped back to the user's columns.
 */
public final class FeatureEncoder {
    private final Schema schema;
    private final NumericEncoding numeric;
    private final double[] mean;
    private final double[] std;
    private final double[][] cuts; // quantile bin edges (QUANTILE_BINS) or knots (QUANTILE) per numeric column, else null
    private double[][] levels; // QUANTILE: the empirical distribution function at each knot
    private final int[] offset;
    private final int[] width;
    private final List<EncodedFeature> features;
    private double[] encodedMean; // training mean of every encoded input

    private FeatureEncoder(Schema schema, NumericEncoding numeric, double[] mean, double[] std, double[][] cuts) {
        this.schema = schema;
        this.numeric = numeric;
        this.mean = mean;
        this.std = std;
        this.cuts = cuts;
        int p = schema.featureCount();
        offset = new int[p];
        width = new int[p];
        List<EncodedFeature> f = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            Column c = schema.feature(j);
            offset[j] = f.size();
            switch (c.type()) {
                case NUMERIC -> {
                    if (numeric != NumericEncoding.QUANTILE_BINS) { // one input per column
                        f.add(new EncodedFeature(j, c.name(), c.name()));
                    } else {
                        double[] e = cuts[j];
                        for (int b = 0; b <= e.length; b++) {
                            String lo = b == 0 ? "-inf" : Numbers.format(e[b - 1]);
                            String hi = b == e.length ? "inf" : Numbers.format(e[b]);
                            f.add(new EncodedFeature(j, c.name(), c.name() + " in [" + lo + ", " + hi + ")"));
                        }
                    }
                }
                case BINARY -> f.add(new EncodedFeature(j, c.name(), c.name() + " = " + c.categories().get(1)));
                case CATEGORICAL -> {
                    for (String cat : c.categories()) {
                        f.add(new EncodedFeature(j, c.name(), c.name() + " = " + cat));
                    }
                }
            }
            width[j] = f.size() - offset[j];
        }
        this.features = List.copyOf(f);
    }

    /** Fits standardisation statistics on the given (training) rows. */
    public static FeatureEncoder fit(Dataset train) {
        return fit(train, NumericEncoding.STANDARDIZE, 0);
    }

    /**
     * Fits on training rows.
     *
     * @param bins number of quantile bins per numeric column ({@link NumericEncoding#QUANTILE_BINS}), or most knots
     *             ({@link NumericEncoding#QUANTILE}); unused otherwise
     */
    public static FeatureEncoder fit(Dataset train, NumericEncoding numeric, int bins) {
        Schema s = train.schema();
        int p = s.featureCount();
        double[] mean = new double[p];
        double[] std = new double[p];
        double[][] cuts = numeric == NumericEncoding.QUANTILE_BINS || numeric == NumericEncoding.QUANTILE ? new double[p][] : null;
        double[][] levels = numeric == NumericEncoding.QUANTILE ? new double[p][] : null;
        for (int j = 0; j < p; j++) {
            std[j] = 1;
            if (!s.feature(j).isNumeric()) {
                continue;
            }
            double[] v = present(train, j);
            int n = v.length;
            double m = 0;
            for (double x : v) {
                m += x;
            }
            m = n == 0 ? 0 : m / n;
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            mean[j] = m;
            std[j] = sd > 1e-12 ? sd : 1;
            if (levels != null) {
                if (bins < 2) {
                    throw new IllegalArgumentException("a quantile transform needs at least 2 knots, got " + bins);
                }
                Arrays.sort(v);
                double[][] kl = knots(v, bins);
                cuts[j] = kl[0];
                levels[j] = kl[1];
            } else if (cuts != null) {
                if (bins < 2) {
                    throw new IllegalArgumentException("quantile binning needs at least 2 bins, got " + bins);
                }
                Arrays.sort(v);
                cuts[j] = binEdges(v, bins);
            }
        }
        FeatureEncoder enc = new FeatureEncoder(s, numeric, mean, std, cuts);
        enc.levels = levels;
        enc.encodedMean = enc.meanEncoded(train);
        return enc;
    }

    /** Column j's present (not missing) training values, in row order. */
    private static double[] present(Dataset train, int j) {
        double[] v = new double[train.size()];
        int n = 0;
        for (int i = 0; i < train.size(); i++) {
            double x = train.value(i, j);
            if (!Double.isNaN(x)) {
                v[n++] = x;
            }
        }
        return Arrays.copyOf(v, n);
    }

    /** The distinct inner edges of {@code bins} equal-count bins of the sorted values. */
    private static double[] binEdges(double[] sorted, int bins) {
        int n = sorted.length;
        double[] e = new double[bins - 1];
        int k = 0;
        for (int b = 1; b < bins; b++) {
            double q = n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.floor((double) b * n / bins))];
            if (k == 0 || q > e[k - 1]) {
                e[k++] = q;
            }
        }
        return Arrays.copyOf(e, k);
    }

    private double[] meanEncoded(Dataset train) {
        double[] em = new double[width()];
        for (int i = 0; i < train.size(); i++) {
            double[] z = encode(train.rowValues(i));
            for (int k = 0; k < z.length; k++) {
                em[k] += z[k];
            }
        }
        for (int k = 0; k < em.length; k++) {
            em[k] = train.size() == 0 ? 0 : em[k] / train.size();
        }
        return em;
    }

    /**
     * The training mean of every encoded input: 0 for standardised numbers, the training frequency
     * of each category indicator. Linear explanations are centred on it, so a column contributes
     * nothing when its value is the average one (Lundberg &amp; Lee, NeurIPS 2017: the Shapley values
     * of a linear model with independent inputs).
     */
    public double[] encodedMeans() {
        return encodedMean.clone();
    }

    public Schema schema() {
        return schema;
    }

    /** Number of encoded inputs. */
    public int width() {
        return features.size();
    }

    public List<EncodedFeature> features() {
        return features;
    }

    /** First encoded input of column j. */
    public int offset(int j) {
        return offset[j];
    }

    /** Number of encoded inputs of column j. */
    public int width(int j) {
        return width[j];
    }

    public double[] encode(Instance x) {
        return encode(x.values());
    }

    /** The one input a value of numeric column j is encoded as (missing: the training mean's), for encodings of width 1. */
    public double encodeNumeric(int j, double x) {
        if (!schema.feature(j).isNumeric() || numeric == NumericEncoding.QUANTILE_BINS) {
            throw new IllegalArgumentException("column " + schema.feature(j).name() + " is not encoded as one number");
        }
        double[] row = new double[schema.featureCount()];
        Arrays.fill(row, Double.NaN);
        row[j] = x;
        return encode(row)[offset[j]];
    }

    /** Encodes raw schema values (numbers; category indices; NaN for missing). */
    public double[] encode(double[] values) {
        double[] out = new double[features.size()];
        encodeInto(values, out, 0);
        return out;
    }

    private void encodeInto(double[] values, double[] out, int base) {
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            int o = base + offset[j];
            Column c = schema.feature(j);
            switch (c.type()) {
                case NUMERIC -> {
                    if (numeric == NumericEncoding.STANDARDIZE) {
                        out[o] = Double.isNaN(v) ? 0 : (v - mean[j]) / std[j];
                    } else if (numeric == NumericEncoding.QUANTILE) {
                        out[o] = quantile(j, v);
                    } else if (numeric == NumericEncoding.RAW) {
                        out[o] = Double.isNaN(v) ? mean[j] : v;
                    } else {
                        double x = Double.isNaN(v) ? mean[j] : v;
                        out[o + bin(cuts[j], x)] = 1;
                    }
                }
                case BINARY -> out[o] = v == 1 ? 1 : 0;
                case CATEGORICAL -> {
                    if (!Double.isNaN(v) && v >= 0 && v < width[j]) {
                        out[o + (int) v] = 1;
                    }
                }
            }
        }
    }

    /**
     * Knots of a sorted sample: its distinct values at up to {@code most} evenly spaced ranks (always the
     * smallest and largest), with the mid-rank distribution function at each: {knots, levels}.
     */
    static double[][] knots(double[] sorted, int most) {
        int n = sorted.length;
        if (n == 0) {
            return new double[][] {{0}, {0.5}};
        }
        double[] k = new double[most];
        double[] f = new double[most];
        int m = 0;
        for (int t = 0; t < most; t++) {
            double x = sorted[(int) Math.round((double) t * (n - 1) / (most - 1))];
            if (m > 0 && x <= k[m - 1]) {
                continue;
            }
            int lo = Numbers.lowerBound(sorted, x);
            int hi = Numbers.lowerBound(sorted, Math.nextUp(x));
            k[m] = x;
            f[m] = (lo + hi) / 2.0 / n;
            m++;
        }
        return new double[][] {Arrays.copyOf(k, m), Arrays.copyOf(f, m)};
    }

    /** The {@link NumericEncoding#QUANTILE} input of value x of column j (missing: that of the training mean). */
    private double quantile(int j, double x) {
        if (Double.isNaN(x)) {
            x = mean[j];
        }
        double[] k = cuts[j];
        double[] f = levels[j];
        double u;
        if (x <= k[0]) {
            u = f[0];
        } else if (x >= k[k.length - 1]) {
            u = f[k.length - 1];
        } else {
            int b = Numbers.lowerBound(k, x); // k[b-1] < x <= k[b]
            double w = (x - k[b - 1]) / (k[b] - k[b - 1]);
            u = f[b - 1] + w * (f[b] - f[b - 1]);
        }
        return (2 * u - 1) * Math.sqrt(3);
    }

    /** The inverse of {@link #quantile}: the value whose input is z (the lowest, where a level is tied). */
    private double unquantile(int j, double z) {
        double u = (z / Math.sqrt(3) + 1) / 2;
        double[] k = cuts[j];
        double[] f = levels[j];
        if (u <= f[0]) {
            return k[0];
        }
        for (int b = 1; b < k.length; b++) {
            if (u <= f[b]) {
                return k[b - 1] + (u - f[b - 1]) / (f[b] - f[b - 1]) * (k[b] - k[b - 1]);
            }
        }
        return k[k.length - 1];
    }

    private static int bin(double[] e, double x) {
        int b = 0;
        while (b < e.length && x >= e[b]) {
            b++;
        }
        return b;
    }

    /** Encodes every row into one row-major float array of n × width (for tensors). */
    public float[] encodeAllFlat(Dataset d) {
        int w = width();
        float[] out = new float[d.size() * w];
        double[] row = new double[w];
        for (int i = 0; i < d.size(); i++) {
            Arrays.fill(row, 0);
            encodeInto(d.rowValues(i), row, 0);
            for (int k = 0; k < w; k++) {
                out[i * w + k] = (float) row[k];
            }
        }
        return out;
    }

    public double[][] encodeAll(Dataset d) {
        double[][] out = new double[d.size()][];
        for (int i = 0; i < d.size(); i++) {
            out[i] = encode(d.rowValues(i));
        }
        return out;
    }

    /**
     * Maps an encoded vector back to schema values. Exact (up to floating point) for standardised
     * numbers and categories; for quantile bins it returns the bin's lower edge (see
     * {@link #binInterval}). An all-zero category block decodes to missing (NaN).
     */
    public double[] decode(double[] encoded) {
        double[] v = new double[schema.featureCount()];
        for (int j = 0; j < v.length; j++) {
            int o = offset[j];
            switch (schema.feature(j).type()) {
                case NUMERIC -> {
                    if (numeric == NumericEncoding.STANDARDIZE) {
                        v[j] = encoded[o] * std[j] + mean[j];
                    } else if (numeric == NumericEncoding.QUANTILE) {
                        v[j] = unquantile(j, encoded[o]);
                    } else if (numeric == NumericEncoding.RAW) {
                        v[j] = encoded[o];
                    } else {
                        int b = argmaxOrMinus(encoded, o, width[j]);
                        v[j] = b < 0 ? Double.NaN : b == 0 ? Double.NEGATIVE_INFINITY : cuts[j][b - 1];
                    }
                }
                case BINARY -> v[j] = encoded[o] > 0.5 ? 1 : 0;
                case CATEGORICAL -> {
                    int b = argmaxOrMinus(encoded, o, width[j]);
                    v[j] = b < 0 ? Double.NaN : b;
                }
            }
        }
        return v;
    }

    /** The [low, high) interval of the quantile bin that value x of column j falls in. */
    public double[] binInterval(int j, double x) {
        double[] e = cuts[j];
        int b = bin(e, x);
        return new double[] {b == 0 ? Double.NEGATIVE_INFINITY : e[b - 1], b == e.length ? Double.POSITIVE_INFINITY : e[b]};
    }

    private static int argmaxOrMinus(double[] a, int o, int w) {
        int best = -1;
        double bv = 0;
        for (int k = 0; k < w; k++) {
            if (a[o + k] > bv) {
                bv = a[o + k];
                best = k;
            }
        }
        return best;
    }

    /** Standardisation statistics of column j: {mean, std}. */
    public double[] statistics(int j) {
        return new double[] {mean[j], std[j]};
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("numeric", numeric.name());
        o.add("mean", Jsons.array(mean));
        o.add("std", Jsons.array(std));
        o.add("encoded_mean", Jsons.array(encodedMean));
        if (cuts != null) {
            JsonArray c = new JsonArray();
            for (double[] e : cuts) {
                c.add(e == null ? new JsonArray() : Jsons.array(e));
            }
            o.add("cuts", c);
        }
        if (levels != null) {
            JsonArray c = new JsonArray();
            for (double[] e : levels) {
                c.add(e == null ? new JsonArray() : Jsons.array(e));
            }
            o.add("levels", c);
        }
        return o;
    }

    public static FeatureEncoder fromJson(Schema schema, JsonObject o) {
        NumericEncoding ne = NumericEncoding.valueOf(o.get("numeric").getAsString());
        double[] mean = Jsons.doubles(o.getAsJsonArray("mean"));
        double[] std = Jsons.doubles(o.getAsJsonArray("std"));
        if (mean.length != schema.featureCount() || std.length != schema.featureCount()) {
            throw new IllegalArgumentException("encoder statistics do not match the schema's " + schema.featureCount() + " columns");
        }
        double[][] cuts = null;
        double[][] levels = null;
        if (ne == NumericEncoding.QUANTILE_BINS || ne == NumericEncoding.QUANTILE) {
            cuts = arrays(o, "cuts", schema.featureCount());
        }
        if (ne == NumericEncoding.QUANTILE) {
            levels = arrays(o, "levels", schema.featureCount());
            for (int j = 0; j < levels.length; j++) {
                if (schema.feature(j).isNumeric() && (cuts[j].length == 0 || cuts[j].length != levels[j].length)) {
                    throw new IllegalArgumentException("encoder quantile knots of column " + schema.feature(j).name() + " are malformed");
                }
            }
        }
        FeatureEncoder enc = new FeatureEncoder(schema, ne, mean, std, cuts);
        enc.levels = levels;
        enc.encodedMean = Jsons.doubles(o.getAsJsonArray("encoded_mean"));
        if (enc.encodedMean.length != enc.width()) {
            throw new IllegalArgumentException("encoder means do not match the " + enc.width() + " encoded inputs");
        }
        return enc;
    }

    private static double[][] arrays(JsonObject o, String name, int columns) {
        JsonArray c = o.getAsJsonArray(name);
        if (c == null || c.size() != columns) {
            throw new IllegalArgumentException("encoder " + name + " do not match the schema's " + columns + " columns");
        }
        double[][] out = new double[c.size()][];
        for (int j = 0; j < c.size(); j++) {
            out[j] = Jsons.doubles(c.get(j).getAsJsonArray());
        }
        return out;
    }
}
