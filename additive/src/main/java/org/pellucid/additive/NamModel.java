package org.pellucid.additive;

import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.GlobalExplanation;
import org.pellucid.core.explain.ShapeFunctions;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.Complexity;
import org.pellucid.core.model.EncodedModel;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.HasShapeFunctions;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.train.ParamLayout;

/**
 * A trained neural additive model: logit_k(x) = bias_k + Σ_j shape_jk(x_j). Every prediction is
 * that sum, computed here from the trained parameters, so the explanation — each column's shape
 * value — is the model, exactly (completeness gap 0 up to rounding).
 */
public final class NamModel extends EncodedModel implements InterpretableModel<FeatureAttribution>, ClassAttributable, HasComplexity, Savable,
        HasShapeFunctions {
    private final AdditiveNetwork net;
    private final float[][] bags; // one parameter vector per bagged network; the model is their mean
    private final int[] columnOfNumeric;
    private final int w1;
    private final int b1;
    private final int w2;
    private final int b2;
    private final int w3;
    private final int b3;

    NamModel(FeatureEncoder encoder, AdditiveNetwork net, float[] parameters, Provenance provenance) {
        this(encoder, net, new float[][] {parameters}, provenance);
    }

    /** A model that is the mean of bagged networks of one layout (the mean of additive models is additive). */
    NamModel(FeatureEncoder encoder, AdditiveNetwork net, float[][] bags, Provenance provenance) {
        super("nam", encoder, provenance);
        this.net = net;
        this.bags = new float[bags.length][];
        for (int b = 0; b < bags.length; b++) {
            this.bags[b] = bags[b].clone();
        }
        ParamLayout l = net.layout();
        w1 = (int) l.slot("n_w1").offset();
        b1 = (int) l.slot("n_b1").offset();
        w2 = (int) l.slot("n_w2").offset();
        b2 = (int) l.slot("n_b2").offset();
        w3 = (int) l.slot("n_w3").offset();
        b3 = (int) l.slot("n_b3").offset();
        columnOfNumeric = new int[net.numeric.length];
        for (int c = 0; c < net.numeric.length; c++) {
            columnOfNumeric[c] = encoder.features().get(net.numeric[c]).column();
        }
    }

    /** The index of column j's shape network among the numeric columns, or -1. */
    int shapeOf(int column) {
        for (int q = 0; q < columnOfNumeric.length; q++) {
            if (columnOfNumeric[q] == column) {
                return q;
            }
        }
        return -1;
    }

    /** A linear parameter (category weight or bias), as the mean over the bags. */
    private double at(String slot, long i) {
        int o = (int) (net.layout().slot(slot).offset() + i);
        double s = 0;
        for (float[] p : bags) {
            s += p[o];
        }
        return s / bags.length;
    }

    /** How many bagged networks the model averages. */
    int bagCount() {
        return bags.length;
    }

    /** shape_c(z) for numeric column c (its encoded value z), per class: the mean of the bags' shape networks. */
    double[] numericShape(int c, double z) {
        int h = net.hidden;
        int k = net.classes;
        double[] out = new double[k];
        double[] h1 = new double[h];
        double[] h2 = new double[h];
        for (float[] p : bags) {
            for (int u = 0; u < h; u++) {
                h1[u] = Math.max(0, z * p[w1 + c * h + u] + p[b1 + c * h + u]);
            }
            for (int v = 0; v < h; v++) {
                double s = p[b2 + c * h + v];
                for (int u = 0; u < h; u++) {
                    s += h1[u] * p[w2 + c * h * h + u * h + v];
                }
                h2[v] = Math.max(0, s);
            }
            for (int q = 0; q < k; q++) {
                double s = p[b3 + c * k + q];
                for (int v = 0; v < h; v++) {
                    s += h2[v] * p[w3 + c * h * k + v * k + q];
                }
                out[q] += s / bags.length;
            }
        }
        return out;
    }

    /** Each user column's contribution to each class logit, and the bias: [columns + 1][classes]. */
    double[][] contributions(Instance x) {
        return contributionsEncoded(encoder.encode(x), x.size());
    }

    /** {@link #contributions} of an encoded row of {@code columns} user columns. */
    double[][] contributionsEncoded(double[] z, int columns) {
        int k = net.classes;
        double[][] c = new double[columns + 1][k];
        for (int n = 0; n < net.numeric.length; n++) {
            double[] s = numericShape(n, z[net.numeric[n]]);
            for (int q = 0; q < k; q++) {
                c[columnOfNumeric[n]][q] += s[q];
            }
        }
        for (int n = 0; n < net.categorical.length; n++) {
            double v = z[net.categorical[n]];
            if (v == 0) {
                continue;
            }
            int col = encoder.features().get(net.categorical[n]).column();
            for (int q = 0; q < k; q++) {
                c[col][q] += v * at("c_w", (long) n * k + q);
            }
        }
        for (int q = 0; q < k; q++) {
            c[columns][q] = at("bias", q);
        }
        return c;
    }

    private static double[] logits(double[][] c) {
        double[] l = new double[c[0].length];
        for (double[] row : c) {
            for (int q = 0; q < l.length; q++) {
                l[q] += row[q];
            }
        }
        return l;
    }

    @Override
    public Explained<FeatureAttribution> explain(Instance x) {
        double[][] c = contributions(x);
        Prediction pred = Prediction.ofLogits(logits(c), schema().classes());
        return new Explained<>(pred, attribution(x, c, pred.classIndex()));
    }

    @Override
    public FeatureAttribution attribution(Instance x, int targetClass) {
        return attribution(x, contributions(x), targetClass);
    }

    /**
     * The exact decomposition of the explained logit: for two classes the log-odds of
     * {@code target} (its logit minus the other's), for more its logit; the bias is the baseline.
     */
    private FeatureAttribution attribution(Instance x, double[][] c, int target) {
        int k = net.classes;
        int other = k == 2 ? 1 - target : -1;
        List<Contribution> cs = new ArrayList<>(x.size());
        for (int j = 0; j < x.size(); j++) {
            cs.add(new Contribution(schema().feature(j).name(), x.text(j), c[j][target] - (other >= 0 ? c[j][other] : 0)));
        }
        double base = c[x.size()][target] - (other >= 0 ? c[x.size()][other] : 0);
        double[] l = logits(c);
        double out = l[target] - (other >= 0 ? l[other] : 0);
        String cls = schema().classes().get(target);
        return new FeatureAttribution(cs, base, out, (k == 2 ? "log-odds(" : "logit(") + cls + ")", "exact-additive");
    }

    @Override
    public GlobalExplanation describe() {
        StringBuilder b = new StringBuilder();
        Schema s = schema();
        int k = net.classes;
        int target = k == 2 ? 1 : 0;
        String cls = s.classes().get(target);
        for (int j = 0; j < s.featureCount(); j++) {
            b.append(String.format(Locale.ROOT, "%s:", s.feature(j).name()));
            if (s.feature(j).isNumeric()) {
                int n = shapeOf(j);
                for (double z = -2; z <= 2.001; z += 1) {
                    double[] v = numericShape(n, z);
                    b.append(String.format(Locale.ROOT, "  z=%+.0f: %+.3f", z, k == 2 ? v[1] - v[0] : v[target]));
                }
            } else {
                for (int n = 0; n < net.categorical.length; n++) {
                    var f = encoder.features().get(net.categorical[n]);
                    if (f.column() == j) {
                        double w = k == 2 ? at("c_w", (long) n * k + 1) - at("c_w", (long) n * k) : at("c_w", (long) n * k + target);
                        b.append(String.format(Locale.ROOT, "  %s: %+.3f", f.label(), w));
                    }
                }
            }
            b.append('\n');
        }
        return GlobalExplanation.of("Neural additive model: each column's shape (contribution to the "
                + (k == 2 ? "log-odds of " : "logit of ") + cls + "; numbers at standardised values z)", s.featureNames(), b.toString());
    }

    /**
     * Each column's shape on 80 points from its smallest to its largest value in {@code data} (a
     * category: each level), centred to average zero over the data, in the log-odds of the second
     * class (two classes) or the logit of the first.
     */
    @Override
    public ShapeFunctions shapeFunctions(Dataset data) {
        Schema s = schema();
        int k = net.classes;
        int target = k == 2 ? 1 : 0;
        List<ShapeFunctions.Curve> curves = new ArrayList<>();
        for (int j = 0; j < s.featureCount(); j++) {
            double[] col = new double[data.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = data.value(i, j);
            }
            double[] x;
            double[] y;
            List<String> labels = new ArrayList<>();
            if (s.feature(j).isNumeric()) {
                double lo = Arrays.stream(col).filter(v -> !Double.isNaN(v)).min().orElse(0);
                double hi = Arrays.stream(col).filter(v -> !Double.isNaN(v)).max().orElse(1);
                int n = shapeOf(j);
                x = new double[hi > lo ? 80 : 1];
                y = new double[x.length];
                for (int g = 0; g < x.length; g++) {
                    x[g] = x.length == 1 ? lo : lo + (hi - lo) * g / (x.length - 1);
                    double[] v = numericShape(n, encoder.encodeNumeric(j, x[g]));
                    y[g] = k == 2 ? v[1] - v[0] : v[target];
                }
            } else {
                labels.addAll(s.feature(j).categories());
                x = new double[labels.size()];
                y = new double[labels.size()];
                double[] raw = new double[s.featureCount()];
                Arrays.fill(raw, Double.NaN);
                for (int c = 0; c < x.length; c++) {
                    x[c] = c;
                    raw[j] = c;
                    double[] v = contributionsEncoded(encoder.encode(raw), s.featureCount())[j];
                    y[c] = k == 2 ? v[1] - v[0] : v[target];
                }
            }
            double[] d = ShapeFunctions.density(x, col);
            double mean = 0;
            for (int g = 0; g < x.length; g++) {
                mean += d[g] * y[g];
            }
            for (int g = 0; g < x.length; g++) {
                y[g] -= mean;
            }
            curves.add(new ShapeFunctions.Curve(s.feature(j).name(), labels, x, y, d));
        }
        String cls = s.classes().get(target);
        return new ShapeFunctions((k == 2 ? "log-odds(" : "logit(") + cls + ")", curves, List.of());
    }

    @Override
    public Complexity complexity() {
        return Complexity.ofFeatures(schema().featureCount(), bags.length * bags[0].length);
    }

    @Override
    public void write(ModelWriter out) {
        out.put("encoder", encoder.toJson());
        out.put("hidden", new JsonPrimitive(net.hidden));
        out.array("parameters", bags[0]);
        if (bags.length > 1) {
            out.put("bags", new JsonPrimitive(bags.length));
            for (int b = 1; b < bags.length; b++) {
                out.array("parameters_" + b, bags[b]);
            }
        }
    }

    static NamModel read(ModelReader in) {
        FeatureEncoder enc = FeatureEncoder.fromJson(in.schema(), in.get("encoder").getAsJsonObject());
        AdditiveNetwork net = NamFamily.network(enc, in.get("hidden").getAsInt(), in.schema().classes().size());
        int count = in.has("bags") ? in.get("bags").getAsInt() : 1;
        if (count < 1 || count > 1000) {
            throw new ModelFormatException("nam model: " + count + " bags");
        }
        float[][] bags = new float[count][];
        for (int b = 0; b < count; b++) {
            bags[b] = in.floats(b == 0 ? "parameters" : "parameters_" + b);
            if (bags[b].length != net.layout().size()) {
                throw new ModelFormatException("nam model: " + bags[b].length + " parameters for a layout of "
                        + net.layout().size());
            }
        }
        return new NamModel(enc, net, bags, in.provenance());
    }

    ParamLayout layout() {
        return net.layout();
    }
}
