package org.pellucid.core.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.encode.EncodedFeature;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.explain.LinearWeights;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.ClassAttributable;
import org.pellucid.core.model.Complexity;
import org.pellucid.core.model.EncodedModel;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Predictor;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.Simulatable;

/**
 * Logistic regression (binary) or softmax regression (multiclass) over encoded columns. Its
 * explanation is exact: each column's contribution is Σ weight × (encoded value − training mean)
 * over the column's encoded inputs (one for a number, one indicator per category), and
 * {@code baseline + Σ contributions} is the explained logit, where the baseline is the logit of the
 * average training row — for a binary model the logit of the second class, for a multiclass model
 * the logit of the predicted class. Centring makes the attribution the Shapley value of the linear
 * model (Lundberg &amp; Lee, NeurIPS 2017) and keeps one-hot columns honest: with raw indicators a
 * noise column's categories can all carry large weights of one sign that merely shift the intercept,
 * and it would look important for every row. Inference runs in double precision in Java, so
 * predictions and explanations are one computation.
 */
public final class LogisticModel extends EncodedModel implements InterpretableModel<FeatureAttribution>, Simulatable, HasComplexity, Savable,
        ClassAttributable {
    private final double[][] weights; // [logit][input]; 1 logit for binary, K for multiclass
    private final double[] intercepts;
    private final double[] encodedMean;

    LogisticModel(FeatureEncoder encoder, double[][] weights, double[] intercepts, Provenance provenance) {
        super("logistic", encoder, provenance);
        this.weights = weights;
        this.intercepts = intercepts;
        this.encodedMean = encoder.encodedMeans();
        int k = encoder.schema().classes().size();
        if (weights.length != (k == 2 ? 1 : k) || intercepts.length != weights.length) {
            throw new IllegalArgumentException("weights do not match the " + k + " classes");
        }
        for (double[] w : weights) {
            if (w.length != encoder.width()) {
                throw new IllegalArgumentException("weights do not match the " + encoder.width() + " encoded inputs");
            }
        }
    }

    private boolean binary() {
        return weights.length == 1;
    }

    @Override
    public Explained<FeatureAttribution> explain(Instance x) {
        double[] z = encoder.encode(x);
        double[] mu = encodedMean;
        Schema s = schema();
        double[] logits = new double[weights.length];
        double[] baselines = new double[weights.length];
        double[][] perColumn = new double[weights.length][s.featureCount()];
        List<EncodedFeature> inputs = encoder.features();
        for (int k = 0; k < weights.length; k++) {
            double base = intercepts[k];
            double acc = intercepts[k];
            for (int j = 0; j < z.length; j++) {
                perColumn[k][inputs.get(j).column()] += weights[k][j] * (z[j] - mu[j]);
                base += weights[k][j] * mu[j];
                acc += weights[k][j] * z[j];
            }
            logits[k] = acc;
            baselines[k] = base;
        }
        double[] p = probabilities(logits);
        Prediction pred = Prediction.ofProbabilities(p, s.classes());
        int explained = binary() ? 0 : pred.classIndex();
        String target = "logit(" + s.classes().get(binary() ? 1 : pred.classIndex()) + ")";
        List<Contribution> cs = new ArrayList<>(s.featureCount());
        for (int c = 0; c < s.featureCount(); c++) {
            cs.add(new Contribution(s.feature(c).name(), x.text(c), perColumn[explained][c]));
        }
        return new Explained<>(pred, new FeatureAttribution(cs, baselines[explained], logits[explained], target, "exact-linear"));
    }

    /**
     * Exact contributions to the logit of any class: for a binary model the logit of the first class
     * is minus that of the second, so its contributions are the negated ones; for a multiclass model
     * they are the contributions to that class's softmax score.
     */
    @Override
    public FeatureAttribution attribution(Instance x, int targetClass) {
        FeatureAttribution own = explain(x).explanation();
        if (!binary()) {
            if (targetClass == predict(x).classIndex()) {
                return own;
            }
            double[] z = encoder.encode(x);
            double[] mu = encodedMean;
            double[] perColumn = new double[schema().featureCount()];
            double base = intercepts[targetClass];
            double out = intercepts[targetClass];
            for (int j = 0; j < z.length; j++) {
                perColumn[encoder.features().get(j).column()] += weights[targetClass][j] * (z[j] - mu[j]);
                base += weights[targetClass][j] * mu[j];
                out += weights[targetClass][j] * z[j];
            }
            List<Contribution> cs = new ArrayList<>();
            for (int c = 0; c < perColumn.length; c++) {
                cs.add(new Contribution(schema().feature(c).name(), x.text(c), perColumn[c]));
            }
            return new FeatureAttribution(cs, base, out, "logit(" + schema().classes().get(targetClass) + ")", "exact-linear");
        }
        if (targetClass == 1) {
            return own;
        }
        List<Contribution> cs = own.contributions().stream()
                .map(c -> new Contribution(c.feature(), c.value(), -c.attribution())).toList();
        return new FeatureAttribution(cs, -own.baseline(), -own.output(), "logit(" + schema().classes().get(0) + ")", "exact-linear");
    }

    private double[] probabilities(double[] logits) {
        if (binary()) {
            double p1 = 1 / (1 + Math.exp(-logits[0]));
            return new double[] {1 - p1, p1};
        }
        return Prediction.softmax(logits);
    }

    @Override
    public LinearWeights describe() {
        List<String> names = encoder.features().stream().map(EncodedFeature::label).toList();
        List<String> cols = encoder.features().stream().map(EncodedFeature::columnName).toList();
        List<String> classes = binary() ? List.of(schema().classes().get(1)) : schema().classes();
        double[][] w = new double[weights.length][];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights[k].clone();
        }
        return new LinearWeights(classes, names, cols, w, intercepts.clone(), "numeric inputs per standard deviation");
    }

    /**
     * The weight table run as a model: encode, multiply, add — from {@link #describe()}'s numbers
     * only, not through {@link #explain}.
     */
    @Override
    public Predictor asExecutable() {
        LinearWeights lw = describe();
        return new Predictor() {
            @Override
            public Schema schema() {
                return LogisticModel.this.schema();
            }

            @Override
            public Prediction predict(Instance x) {
                double[] z = encoder.encode(x);
                double[] logits = new double[lw.weights().length];
                for (int k = 0; k < logits.length; k++) {
                    double acc = lw.intercepts()[k];
                    for (int j = 0; j < z.length; j++) {
                        acc += lw.weights()[k][j] * z[j];
                    }
                    logits[k] = acc;
                }
                return Prediction.ofProbabilities(probabilities(logits), schema().classes());
            }
        };
    }

    @Override
    public Complexity complexity() {
        Set<Integer> cols = new HashSet<>();
        int nonZero = 0;
        for (double[] w : weights) {
            for (int j = 0; j < w.length; j++) {
                if (w[j] != 0) {
                    nonZero++;
                    cols.add(encoder.features().get(j).column());
                }
            }
        }
        return Complexity.ofFeatures(cols.size(), nonZero + intercepts.length);
    }

    @Override
    public List<Prediction> predictAll(Dataset data) {
        List<Prediction> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            out.add(predict(data.row(i)));
        }
        return out;
    }

    @Override
    public void write(ModelWriter out) {
        out.put("encoder", encoder.toJson());
        out.put("logits", weights.length);
        double[] flat = new double[weights.length * encoder.width()];
        for (int k = 0; k < weights.length; k++) {
            System.arraycopy(weights[k], 0, flat, k * encoder.width(), encoder.width());
        }
        out.array("weights", flat);
        out.array("intercepts", intercepts);
    }

    static LogisticModel read(ModelReader in) {
        FeatureEncoder enc = FeatureEncoder.fromJson(in.schema(), in.get("encoder").getAsJsonObject());
        int k = in.get("logits").getAsInt();
        double[] flat = in.doubles("weights");
        if (flat.length != k * enc.width()) {
            throw new IllegalArgumentException("weights hold " + flat.length + " values, expected " + k * enc.width());
        }
        double[][] w = new double[k][enc.width()];
        for (int i = 0; i < k; i++) {
            System.arraycopy(flat, i * enc.width(), w[i], 0, enc.width());
        }
        return new LogisticModel(enc, w, in.doubles("intercepts"), in.provenance());
    }
}
