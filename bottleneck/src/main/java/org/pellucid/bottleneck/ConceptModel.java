package org.pellucid.bottleneck;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.ConceptExplanation;
import org.pellucid.core.explain.GlobalExplanation;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Complexity;
import org.pellucid.core.model.ConvolutionalModel;
import org.pellucid.core.model.Differentiable;
import org.pellucid.core.model.EncodedModel;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasComplexity;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.train.NetworkRunner;
import org.pellucid.core.train.ParamLayout;

/**
 * A trained concept model — bottleneck ({@code cbm}) or concept embedding ({@code cem}): input →
 * concepts → label, where any concept can be replaced by a given value (an intervention) and the
 * label recomputed. Inference runs in plain Java doubles on the trained parameters, so it is exact,
 * deterministic and safe from many threads.
 *
 * <p>The explanation of a prediction is its concepts: each one's probability, its contribution to
 * the predicted class's logit (contributions plus the head's intercept equal the logit exactly —
 * for {@code cem} a concept's contribution is the head's weights on its mixed embedding), and the
 * concepts whose flip alone would change the predicted class.
 */
public final class ConceptModel extends EncodedModel implements InterpretableModel<ConceptExplanation>, HasConcepts, Savable, HasComplexity,
        Differentiable, ConvolutionalModel.Has {
    private final String mode;
    private final ConceptNetwork.Spec spec;
    private final ConceptGroups groups;
    private final int m;
    private final int[][] pairs;
    private final float[] parameters;
    private final NetworkRunner encoderRunner;
    private final NetworkRunner fullRunner;
    private final double[][] yW;
    private final double[] yB;

    ConceptModel(String kind, String mode, FeatureEncoder encoder, ConceptNetwork.Spec spec, float[] parameters,
                 Provenance provenance) {
        super(kind, encoder, provenance);
        this.mode = mode;
        this.spec = spec;
        this.groups = spec.groups();
        this.m = spec.m();
        this.pairs = spec.pairs();
        this.parameters = parameters.clone();
        ParamLayout full = new ConceptNetwork(ConceptNetwork.Part.FULL, spec, false).layout();
        if (full.size() != parameters.length) {
            throw new ModelFormatException(kind + " model: " + parameters.length + " parameters for a layout of " + full.size());
        }
        ConceptNetwork encNet = new ConceptNetwork(ConceptNetwork.Part.ENCODER, spec, false);
        float[] encParams = new float[(int) encNet.layout().size()];
        for (ParamLayout.Slot sl : encNet.layout().slots()) {
            System.arraycopy(parameters, (int) full.slot(sl.name()).offset(), encParams, (int) sl.offset(), (int) sl.size());
        }
        this.encoderRunner = new NetworkRunner(encNet, encParams, Device.cpu());
        this.fullRunner = new NetworkRunner(new ConceptNetwork(ConceptNetwork.Part.FULL, spec, false), this.parameters, Device.cpu());
        ParamLayout.Slot w = full.slot("y_w");
        int rows = (int) w.shape().get(0);
        int cols = (int) w.shape().get(1);
        yW = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                yW[r][c] = parameters[(int) w.offset() + r * cols + c];
            }
        }
        ParamLayout.Slot b = full.slot("y_b");
        yB = new double[rows];
        for (int r = 0; r < rows; r++) {
            yB[r] = parameters[(int) b.offset() + r];
        }
    }

    public boolean isEmbedding() {
        return kind().equals("cem");
    }

    /** independent, sequential or joint. */
    public String mode() {
        return mode;
    }

    public ConceptGroups groups() {
        return groups;
    }

    /**
     * Gradients of P(class) with respect to the encoded input through the whole network — concept
     * encoder, concept probabilities, head — so input attributions (Integrated Gradients, Sundararajan
     * et al. 2017) pass through the concepts the model reasons with. The full network's outputs are
     * the concept logits, then the class logits; the softmax is over the class logits only.
     */
    @Override
    public Gradients gradients(double[][] encodedRows, int targetClass) {
        return fullRunner.gradients(encodedRows, encoder.width(), targetClass, true, groups.concepts());
    }

    /** With the CNN encoder (image data): the view Grad-CAM and activation maximisation read. */
    @Override
    public Optional<ConvolutionalModel> convolutional() {
        return spec.image() == null ? Optional.empty() : Optional.of(new ImageView());
    }

    /** The concept model's network seen as a convolutional one: outputs are the concept logits, then the class logits. */
    private final class ImageView implements ConvolutionalModel {
        @Override
        public FeatureEncoder encoder() {
            return encoder;
        }

        @Override
        public Schema schema() {
            return encoder.schema();
        }

        @Override
        public Prediction predict(Instance x) {
            return ConceptModel.this.predict(x);
        }

        @Override
        public int[] imageShape() {
            return spec.image().clone();
        }

        @Override
        public List<String> outputNames() {
            List<String> n = new ArrayList<>(groups.names());
            schema().classes().forEach(c -> n.add("logit(" + c + ")"));
            return n;
        }

        @Override
        public int classOutput(int classIndex) {
            return groups.concepts() + classIndex;
        }

        @Override
        public FeatureMaps featureMaps(double[] encodedRow, int output) {
            int[] im = spec.image();
            float[] x = new float[encodedRow.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = (float) encodedRow[j];
            }
            return fullRunner.withGradients((n, p, mg, gc) -> {
                ConceptNetwork net = (ConceptNetwork) n;
                // no input needs a gradient, so the maps are a leaf: the gradient stops at them
                NDArray maps = net.lastMaps(p, mg.create(x, new Shape(1, x.length)));
                maps.setRequiresGradient(true);
                NDArray y = net.forwardFromMaps(p, maps, 1).get(":, " + output);
                gc.backward(y.sum());
                Shape sh = maps.getShape();
                return new FeatureMaps(im[0], (int) sh.get(1), (int) sh.get(2), (int) sh.get(3), toDoubles(maps.toFloatArray()),
                        toDoubles(maps.getGradient().toFloatArray()), y.getFloat());
            });
        }

        @Override
        public Gradients outputGradients(double[][] encodedRows, int output) {
            return fullRunner.gradients(encodedRows, encoder.width(), output, false, 0);
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private int classes() {
        return encoder.schema().classes().size();
    }

    /** What the encoder computes for one row: concept probabilities and, for cem, the embeddings. */
    public record ConceptState(double[] probabilities, double[][] positive, double[][] negative) {}

    private static double[] affine(double[][] w, double[] b, double[] x, boolean relu) {
        double[] out = new double[w.length];
        for (int r = 0; r < w.length; r++) {
            double s = b[r];
            double[] row = w[r];
            for (int c = 0; c < x.length; c++) {
                s += row[c] * x[c];
            }
            out[r] = relu ? Math.max(0, s) : s;
        }
        return out;
    }

    /** The encoder's view of x: predicted concept probabilities (and embeddings for cem). */
    public ConceptState concepts(Instance x) {
        return concepts(List.of(x)).get(0);
    }

    /** The encoder's view of many rows, in one batched forward pass. */
    public List<ConceptState> concepts(List<Instance> rows) {
        int w = encoder.width();
        float[] in = new float[rows.size() * w];
        for (int i = 0; i < rows.size(); i++) {
            double[] z = encoder.encode(rows.get(i));
            for (int j = 0; j < w; j++) {
                in[i * w + j] = (float) z[j];
            }
        }
        float[] out = encoderRunner.forward(in, rows.size());
        int k = groups.concepts();
        int width = isEmbedding() ? k + 2 * k * m : k;
        List<ConceptState> states = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            int o = i * width;
            double[] logits = new double[k];
            for (int c = 0; c < k; c++) {
                logits[c] = out[o + c];
            }
            if (!isEmbedding()) {
                states.add(new ConceptState(groups.activate(logits), null, null));
                continue;
            }
            double[][] p = new double[k][m];
            double[][] n = new double[k][m];
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < m; d++) {
                    p[c][d] = out[o + k + c * m + d];
                    n[c][d] = out[o + k + k * m + c * m + d];
                }
            }
            states.add(new ConceptState(groups.activate(logits), p, n));
        }
        return states;
    }

    /** The head's input for the given concept values (probabilities, or 0/1 after interventions). */
    private double[] headInput(ConceptState st, double[] values) {
        int k = groups.concepts();
        if (!isEmbedding()) {
            if (pairs.length == 0) {
                return values;
            }
            double[] in = Arrays.copyOf(values, k + pairs.length);
            for (int q = 0; q < pairs.length; q++) {
                in[k + q] = values[pairs[q][0]] * values[pairs[q][1]];
            }
            return in;
        }
        double[] in = new double[k * m];
        for (int i = 0; i < k; i++) {
            for (int d = 0; d < m; d++) {
                in[i * m + d] = values[i] * st.positive()[i][d] + (1 - values[i]) * st.negative()[i][d];
            }
        }
        return in;
    }

    /** Class logits when the concepts take {@code values}. */
    public double[] classLogits(ConceptState st, double[] values) {
        return affine(yW, yB, headInput(st, values), false);
    }

    /**
     * Concept values after an intervention: {@code given[i]} replaces concept i unless it is NaN.
     * Categorical groups are given whole (one-hot).
     */
    public static double[] apply(double[] predicted, double[] given) {
        if (given == null) {
            return predicted.clone();
        }
        if (given.length != predicted.length) {
            throw new IllegalArgumentException(given.length + " intervention values for " + predicted.length + " concepts");
        }
        double[] v = predicted.clone();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(given[i])) {
                if (given[i] < 0 || given[i] > 1) {
                    throw new IllegalArgumentException("concept values lie in [0, 1], got " + given[i]);
                }
                v[i] = given[i];
            }
        }
        return v;
    }

    static Prediction toPrediction(double[] logits, List<String> classes) {
        return Prediction.ofLogits(logits, classes);
    }

    @Override
    public Explained<ConceptExplanation> explain(Instance x) {
        return explain(x, null);
    }

    /** The prediction and its concept explanation after intervening with {@code given} (NaN = predicted). */
    @Override
    public Explained<ConceptExplanation> explain(Instance x, double[] given) {
        ConceptState st = concepts(x);
        double[] values = apply(st.probabilities(), given);
        double[] logits = classLogits(st, values);
        Prediction pred = toPrediction(logits, schema().classes());
        int c = pred.classIndex();
        double[] in = headInput(st, values);
        int k = groups.concepts();
        int per = isEmbedding() ? m : 1;
        List<ConceptExplanation.ConceptScore> scores = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double contrib = 0;
            for (int d = 0; d < per; d++) {
                contrib += yW[c][i * per + d] * in[i * per + d];
            }
            for (int q = 0; q < pairs.length; q++) {
                if (pairs[q][0] == i || pairs[q][1] == i) {
                    contrib += 0.5 * yW[c][k + q] * in[k + q]; // an AND term is shared equally by its two concepts
                }
            }
            boolean intervened = given != null && !Double.isNaN(given[i]);
            scores.add(new ConceptExplanation.ConceptScore(groups.names().get(i), values[i], contrib, intervened));
        }
        List<String> flips = new ArrayList<>();
        for (HasConcepts.Group g : groups.groups()) {
            if (g.binary()) {
                double[] f = values.clone();
                f[g.from()] = values[g.from()] > 0.5 ? 0 : 1;
                if (argmax(classLogits(st, f)) != c) {
                    flips.add(g.name());
                }
            } else {
                int cur = ConceptGroups.argmax(values, g);
                for (int alt = g.from(); alt < g.to(); alt++) {
                    if (alt == cur) {
                        continue;
                    }
                    double[] f = values.clone();
                    Arrays.fill(f, g.from(), g.to(), 0);
                    f[alt] = 1;
                    if (argmax(classLogits(st, f)) != c) {
                        flips.add(groups.names().get(alt));
                    }
                }
            }
        }
        return new Explained<>(pred, new ConceptExplanation(scores, yB[c], flips, Optional.empty()));
    }

    static int argmax(double[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }

    /** The head's prediction when every concept takes the given value (no encoder for cbm). */
    public Prediction predictFromConcepts(Instance x, double[] values) {
        double[] all = values.clone();
        for (double v : all) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("every concept needs a value");
            }
        }
        return explain(x, all).prediction();
    }

    /** Concepts with a non-zero weight in the head (all of them for cem). */
    public int conceptsUsed() {
        int k = groups.concepts();
        int per = isEmbedding() ? m : 1;
        int used = 0;
        for (int i = 0; i < k; i++) {
            boolean any = false;
            for (double[] row : yW) {
                for (int d = 0; d < per; d++) {
                    any |= Math.abs(row[i * per + d]) > 1e-9;
                }
            }
            for (int q = 0; q < pairs.length; q++) {
                if (pairs[q][0] == i || pairs[q][1] == i) {
                    for (double[] row : yW) {
                        any |= Math.abs(row[k + q]) > 1e-9;
                    }
                }
            }
            used += any ? 1 : 0;
        }
        return used;
    }

    @Override
    public Complexity complexity() {
        int headParams = yW.length * yW[0].length + yB.length;
        return new Complexity(encoder.schema().featureCount(), headParams, 0, 0, 0, 0, conceptsUsed());
    }

    @Override
    public GlobalExplanation describe() {
        List<String> classes = schema().classes();
        int k = groups.concepts();
        int per = isEmbedding() ? m : 1;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-24s", "concept"));
        for (String c : classes) {
            b.append(String.format(Locale.ROOT, " %12s", c.length() > 12 ? c.substring(0, 12) : c));
        }
        b.append('\n');
        for (int i = 0; i < k; i++) {
            b.append(String.format(Locale.ROOT, "%-24s", groups.names().get(i)));
            for (double[] row : yW) {
                double v = 0;
                for (int d = 0; d < per; d++) {
                    v += isEmbedding() ? row[i * per + d] * row[i * per + d] : row[i * per + d];
                }
                b.append(String.format(Locale.ROOT, " %+12.4f", isEmbedding() ? Math.sqrt(v) : v));
            }
            b.append('\n');
        }
        for (int q = 0; q < pairs.length; q++) {
            String name = groups.names().get(pairs[q][0]) + " AND " + groups.names().get(pairs[q][1]);
            b.append(String.format(Locale.ROOT, "%-24s", name));
            for (double[] row : yW) {
                b.append(String.format(Locale.ROOT, " %+12.4f", row[k + q]));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-24s", "(intercept)"));
        for (double v : yB) {
            b.append(String.format(Locale.ROOT, " %+12.4f", v));
        }
        b.append('\n');
        String title = isEmbedding() ? "Concept embedding model: norm of the head's weights on each concept's embedding, per class"
                : "Concept bottleneck (" + mode + "): concept-to-label weights per class";
        List<String> features = encoder.schema().featureNames();
        String text = b.toString();
        return GlobalExplanation.of(title, features, text);
    }

    @Override
    public void write(ModelWriter out) {
        out.put("mode", mode);
        out.put("encoder", encoder.toJson());
        JsonArray h = new JsonArray();
        for (int v : spec.hidden()) {
            h.add(v);
        }
        out.put("hidden", h);
        JsonArray im = new JsonArray(); // empty: the MLP encoder
        if (spec.image() != null) {
            for (int v : spec.image()) {
                im.add(v);
            }
        }
        out.put("image", im);
        out.put("embedding_size", m);
        out.put("head", spec.pairwise() ? "pairwise" : "linear");
        out.array("parameters", parameters);
    }

    static ConceptModel read(String kind, ModelReader in) {
        FeatureEncoder enc = FeatureEncoder.fromJson(in.schema(), in.get("encoder").getAsJsonObject());
        int[] hidden = ints(in.get("hidden").getAsJsonArray());
        int[] image = ints(in.get("image").getAsJsonArray());
        if (image.length == 0) {
            image = null;
        } else if (image.length != 3) {
            throw new ModelFormatException(kind + " model: 'image' must be [channels, height, width]");
        }
        ConceptNetwork.Spec spec = new ConceptNetwork.Spec(kind.equals("cem"), enc.width(), hidden, image,
                new ConceptGroups(in.schema().concepts()), in.get("embedding_size").getAsInt(), in.schema().classes().size(),
                "pairwise".equals(in.getString("head")));
        return new ConceptModel(kind, in.getString("mode"), enc, spec, in.floats("parameters"), in.provenance());
    }

    private static int[] ints(JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }

    /** Concept metrics of this model on labelled rows, as JSON: see {@link ConceptMetrics}. */
    @Override
    public JsonObject conceptMetrics(Dataset test) {
        return ConceptMetrics.of(this, test).toJson();
    }

    @Override
    public List<String> conceptNames() {
        return groups.names();
    }

    @Override
    public List<HasConcepts.Group> conceptGroups() {
        return groups.groups();
    }

    @Override
    public double[] conceptProbabilities(Instance x) {
        return concepts(x).probabilities();
    }

    @Override
    public double[] interventionCurve(Dataset test, HasConcepts.Policy policy, long seed) {
        return Interventions.curve(this, test, policy, seed);
    }
}
