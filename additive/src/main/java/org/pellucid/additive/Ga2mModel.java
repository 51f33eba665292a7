package org.pellucid.additive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.GlobalExplanation;
import org.pellucid.core.explain.ShapeFunctions;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.Complexity;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.HasShapeFunctions;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Provenance;

/**
 * A trained {@code ga2m}: main effects and a few purified pairwise interactions as lookup tables
 * ({@link AdditiveTables}), which are the model — predictions, explanations and the saved file are
 * the tables; the networks that produced them are gone after training.
 *
 * <p>Its explanation gives each column its main effect plus half of every pair it is in. That split
 * is the Shapley value of the pair: after purification a pair averages to zero along either of its
 * columns, so with the mean as the baseline a pair's term is worth nothing to either column alone and
 * all of it to both together, and Shapley's symmetry gives each half. The contributions therefore add
 * up to the explained logit exactly (completeness gap 0), and name only the data's columns; the
 * pairs themselves are in {@link #describe()} and {@link #pairTerms}.
 */
public final class Ga2mModel implements InterpretableModel<FeatureAttribution>, ClassAttributable, HasComplexity, Savable,
        HasShapeFunctions {
    private final AdditiveTables tables;
    private final Schema schema;
    private final Provenance provenance;

    Ga2mModel(Schema schema, AdditiveTables tables, Provenance provenance) {
        this.schema = schema;
        this.tables = tables;
        this.provenance = provenance;
    }

    @Override
    public String kind() {
        return "ga2m";
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    AdditiveTables tables() {
        return tables;
    }

    /** Each chosen pair as "a × b" with its share of the explained logit for row x (two classes: log-odds of the second). */
    public List<Contribution> pairTerms(Instance x, int targetClass) {
        double[][] pp = new double[tables.pairs.length][tables.classes];
        tables.logits(x.values(), new double[schema.featureCount()][tables.classes], pp);
        List<Contribution> out = new ArrayList<>();
        for (int p = 0; p < tables.pairs.length; p++) {
            int i = tables.pairs[p][0];
            int j = tables.pairs[p][1];
            out.add(new Contribution(schema.feature(i).name() + " × " + schema.feature(j).name(), x.text(i) + ", " + x.text(j),
                    explained(pp[p], targetClass)));
        }
        return out;
    }

    private double explained(double[] v, int target) {
        return tables.classes == 2 ? v[target] - v[1 - target] : v[target];
    }

    @Override
    public Explained<FeatureAttribution> explain(Instance x) {
        double[] l = tables.logits(x.values(), null, null);
        Prediction pred = Prediction.ofLogits(l, schema.classes());
        return new Explained<>(pred, attribution(x, pred.classIndex()));
    }

    @Override
    public FeatureAttribution attribution(Instance x, int target) {
        int n = schema.featureCount();
        double[][] mp = new double[n][tables.classes];
        double[][] pp = new double[tables.pairs.length][tables.classes];
        double[] l = tables.logits(x.values(), mp, pp);
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            col[j] = explained(mp[j], target);
        }
        for (int p = 0; p < tables.pairs.length; p++) {
            double half = explained(pp[p], target) / 2;
            col[tables.pairs[p][0]] += half;
            col[tables.pairs[p][1]] += half;
        }
        List<Contribution> cs = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            cs.add(new Contribution(schema.feature(j).name(), x.text(j), col[j]));
        }
        String cls = schema.classes().get(target);
        return new FeatureAttribution(cs, explained(tables.bias, target), explained(l, target),
                (tables.classes == 2 ? "log-odds(" : "logit(") + cls + ")", "exact-additive");
    }

    @Override
    public GlobalExplanation describe() {
        int k = tables.classes;
        int target = k == 2 ? 1 : 0;
        String cls = schema.classes().get(target);
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < schema.featureCount(); j++) {
            AdditiveTables.Axis ax = tables.axes[j];
            double[][] m = tables.main[j];
            b.append(schema.feature(j).name()).append(':');
            if (ax.numeric()) {
                int n = ax.size();
                for (int q = 0; q < 5 && n > 0; q++) {
                    int c = (int) Math.round(q * (n - 1) / 4.0);
                    b.append(String.format(Locale.ROOT, "  %s: %+.3f", schema.feature(j).format(ax.value(c)), explained(m[c], target)));
                }
            } else {
                for (int c = 0; c < ax.size(); c++) {
                    double v = ax.value(c);
                    b.append(String.format(Locale.ROOT, "  %s: %+.3f", Double.isNaN(v) ? "(missing)" : schema.feature(j).categories().get((int) v),
                            explained(m[c], target)));
                }
            }
            b.append('\n');
        }
        for (int p = 0; p < tables.pairs.length; p++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[][] row : tables.pair[p]) {
                for (double[] cell : row) {
                    lo = Math.min(lo, explained(cell, target));
                    hi = Math.max(hi, explained(cell, target));
                }
            }
            b.append(String.format(Locale.ROOT, "pair %s × %s: from %+.3f to %+.3f%n", schema.feature(tables.pairs[p][0]).name(),
                    schema.feature(tables.pairs[p][1]).name(), lo, hi));
        }
        return GlobalExplanation.of("Additive model with " + tables.pairs.length + " purified pairs: each column's shape (contribution to the "
                + (k == 2 ? "log-odds of " : "logit of ") + cls + ", at five of its grid points), then each pair's range", schema.featureNames(),
                b.toString());
    }

    /**
     * Each column's shape — its main effect plus what purification moved into it — at up to 120 of its
     * grid points (each category), with the share of {@code data}'s rows nearest to each; each pair's
     * purified table as a heat map. Values in the log-odds of the second class (two classes) or the
     * logit of the first.
     */
    @Override
    public ShapeFunctions shapeFunctions(Dataset data) {
        int k = tables.classes;
        int target = k == 2 ? 1 : 0;
        int n = schema.featureCount();
        List<ShapeFunctions.Curve> curves = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            AdditiveTables.Axis ax = tables.axes[j];
            int cells = ax.size();
            int step = ax.numeric() ? Math.max(1, (cells + 119) / 120) : 1;
            List<Double> xs = new ArrayList<>();
            for (int c = 0; c < cells; c += step) {
                xs.add(ax.numeric() ? ax.value(c) : c);
            }
            if (ax.numeric() && (cells - 1) % step != 0) {
                xs.add(ax.value(cells - 1));
            }
            double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = new double[x.length];
            List<String> labels = new ArrayList<>();
            double[] raw = new double[n];
            Arrays.fill(raw, Double.NaN);
            double[][] mp = new double[n][k];
            for (int g = 0; g < x.length; g++) {
                raw[j] = ax.numeric() ? x[g] : ax.value((int) x[g]);
                tables.logits(raw, mp, null);
                y[g] = explained(mp[j], target);
                if (!ax.numeric()) {
                    double v = ax.value((int) x[g]);
                    labels.add(Double.isNaN(v) ? "(missing)" : schema.feature(j).categories().get((int) v));
                }
            }
            double[] col = new double[data.size()];
            for (int i = 0; i < col.length; i++) {
                double v = data.value(i, j);
                col[i] = ax.numeric() ? v : cellOf(ax, v);
            }
            curves.add(new ShapeFunctions.Curve(schema.feature(j).name(), labels, x, y,
                    ShapeFunctions.density(x, col)));
        }
        List<ShapeFunctions.Pair> maps = new ArrayList<>();
        for (int p = 0; p < tables.pairs.length; p++) {
            int a = tables.pairs[p][0];
            int b = tables.pairs[p][1];
            double[][] z = new double[tables.pair[p].length][tables.pair[p][0].length];
            for (int u = 0; u < z.length; u++) {
                for (int v = 0; v < z[u].length; v++) {
                    z[u][v] = explained(tables.pair[p][u][v], target);
                }
            }
            maps.add(new ShapeFunctions.Pair(schema.feature(a).name(), schema.feature(b).name(),
                    axisLabels(a), axisLabels(b), z));
        }
        String cls = schema.classes().get(target);
        return new ShapeFunctions((k == 2 ? "log-odds(" : "logit(") + cls + ")", curves, maps);
    }

    private static double cellOf(AdditiveTables.Axis ax, double v) {
        int[] idx = new int[2];
        double[] w = new double[2];
        ax.cells(v, idx, w);
        return idx[0];
    }

    private List<String> axisLabels(int j) {
        AdditiveTables.Axis ax = tables.pairAxes[j];
        List<String> out = new ArrayList<>();
        for (int c = 0; c < ax.size(); c++) {
            double v = ax.value(c);
            out.add(Double.isNaN(v) ? "(missing)" : schema.feature(j).format(v));
        }
        return out;
    }

    @Override
    public Complexity complexity() {
        return Complexity.ofFeatures(schema.featureCount(), (int) Math.min(Integer.MAX_VALUE, tables.size()));
    }

    @Override
    public void write(ModelWriter out) {
        out.put("tables", tables.toJson());
        out.array("values", tables.values());
    }

    static Ga2mModel read(ModelReader in) {
        return new Ga2mModel(in.schema(), AdditiveTables.fromJson(in.schema(), in.get("tables").getAsJsonObject(), in.doubles("values")),
                in.provenance());
    }
}
