package org.pellucid.attention;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.AttentionExplanation;
import org.pellucid.core.explain.AttentionMaps;
import org.pellucid.core.explain.GlobalExplanation;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.EncodedModel;
import org.pellucid.core.model.Explained;
import org.pellucid.core.model.HasExplanationMethods;
import org.pellucid.core.model.InterpretableModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.models.NeuralData;
import org.pellucid.core.train.Autograd;
import org.pellucid.core.train.Params;
import org.pellucid.core.train.Torch;

/**
 * A trained attention model ({@code attention}). Its explanation of a prediction is where the
 * [CLS] token's output came from, over the input tokens (columns or image patches), by one of
 * {@link Method}: the last layer's raw attention, rollout, attention flow or gradient-weighted
 * rollout (see {@link AttentionMaps}); the per-layer, per-head attention travels with it.
 * Inference runs through DJL, each call in its own scope, so it is safe from many threads.
 */
public final class AttentionModel extends EncodedModel implements InterpretableModel<AttentionExplanation>, Savable, HasExplanationMethods {
    /** How attention is turned into an explanation: raw last layer, rollout, flow or gradient-weighted rollout. */
    public enum Method {
        RAW("raw"), ROLLOUT("rollout"), FLOW("flow"), GRAD_ROLLOUT("grad-rollout");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.id.equals(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("attention method must be raw, rollout, flow or grad-rollout, got '" + s + "'");
        }
    }

    private final TokenLayout tokens;
    private final AttentionNetwork net;
    private final int d;
    private final int heads;
    private final int layers;
    private final float[] parameters;
    private final Method method;
    private final NDManager manager;
    private final Params params;

    AttentionModel(FeatureEncoder encoder, TokenLayout tokens, int d, int heads, int layers, float[] parameters,
                   Provenance provenance, Method method) {
        super("attention", encoder, provenance);
        this.tokens = tokens;
        this.d = d;
        this.heads = heads;
        this.layers = layers;
        this.net = new AttentionNetwork(inputs(encoder, tokens), tokens, d, heads, layers, encoder.schema().classes().size());
        if (parameters.length != net.layout().size()) {
            throw new ModelFormatException("attention model: " + parameters.length + " parameters for a layout of "
                    + net.layout().size());
        }
        this.parameters = parameters.clone();
        this.method = method;
        this.manager = Torch.engine().newBaseManager(Device.cpu());
        this.params = Params.view(net.layout(), manager.create(this.parameters));
    }

    static int inputs(FeatureEncoder enc, TokenLayout t) {
        return t.vocabulary() != null ? t.count() : enc.width();
    }

    private int width() {
        return inputs(encoder, tokens);
    }

    /** The same model explaining by another method. */
    public AttentionModel withMethod(Method m) {
        return new AttentionModel(encoder, tokens, d, heads, layers, parameters, provenance, m);
    }

    @Override
    public List<String> explanationMethods() {
        return Arrays.stream(Method.values()).map(Method::id).toList();
    }

    @Override
    public AttentionModel withExplanationMethod(String method) {
        return withMethod(Method.parse(method));
    }

    public Method method() {
        return method;
    }

    private float[] encode(Instance x) {
        if (tokens.vocabulary() != null) {
            return tokens.ids(x);
        }
        double[] z = encoder.encode(x);
        float[] f = new float[z.length];
        for (int j = 0; j < z.length; j++) {
            f[j] = (float) z[j];
        }
        return f;
    }

    private Prediction toPrediction(float[] logits, int offset) {
        return Prediction.ofProbabilities(NeuralData.softmax(logits, offset, schema().classes().size()),
                schema().classes());
    }

    @Override
    public Prediction predict(Instance x) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray in = manager.create(encode(x), new Shape(1, width()));
            return toPrediction(net.forward(params, in).toFloatArray(), 0);
        }
    }

    @Override
    public List<Prediction> predictAll(Dataset data) {
        List<Prediction> out = new ArrayList<>(data.size());
        int w = width();
        float[] all;
        if (tokens.vocabulary() != null) {
            all = new float[data.size() * w];
            for (int i = 0; i < data.size(); i++) {
                System.arraycopy(tokens.ids(data.row(i)), 0, all, i * w, w);
            }
        } else {
            all = encoder.encodeAllFlat(data);
        }
        for (int start = 0; start < data.size(); start += 512) {
            int end = Math.min(data.size(), start + 512);
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray in = manager.create(Arrays.copyOfRange(all, start * w, end * w), new Shape(end - start, w));
                float[] logits = net.forward(params, in).toFloatArray();
                for (int i = 0; i < end - start; i++) {
                    out.add(toPrediction(logits, i * schema().classes().size()));
                }
            }
        }
        return out;
    }

    /** Attention [layer][head][query][key] and, for gradient rollout, ∇A ⊙ A for the predicted class. */
    record Pass(Prediction prediction, double[][][][] attention, double[][][][] gradTimesAttention) {}

    Pass pass(Instance x, boolean gradients) {
        int t = tokens.count() + 1;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray in = manager.create(encode(x), new Shape(1, width()));
            NDList out;
            double[][][][] grads = null;
            Prediction pred;
            if (gradients) {
                NDList gates = new NDList();
                for (int l = 0; l < layers; l++) {
                    NDArray g = manager.ones(new Shape(1, heads, t, t));
                    g.setRequiresGradient(true);
                    gates.add(g);
                }
                try (Autograd.Held lock = Autograd.hold();
                     GradientCollector gc = Torch.engine().newGradientCollector()) {
                    out = net.forwardWithAttention(params, in, gates);
                    pred = toPrediction(out.get(0).toFloatArray(), 0);
                    NDArray prob = out.get(0).softmax(1).get("0, " + pred.classIndex());
                    gc.backward(prob);
                }
                grads = new double[layers][][][];
                for (int l = 0; l < layers; l++) {
                    grads[l] = reshape(gates.get(l).getGradient().toFloatArray(), t);
                }
            } else {
                out = net.forwardWithAttention(params, in, null);
                pred = toPrediction(out.get(0).toFloatArray(), 0);
            }
            double[][][][] att = new double[layers][][][];
            for (int l = 0; l < layers; l++) {
                att[l] = reshape(out.get(l + 1).toFloatArray(), t);
            }
            return new Pass(pred, att, grads);
        }
    }

    private double[][][] reshape(float[] v, int t) {
        double[][][] r = new double[heads][t][t];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    r[h][i][j] = v[(h * t + i) * t + j];
                }
            }
        }
        return r;
    }

    @Override
    public Explained<AttentionExplanation> explain(Instance x) {
        return explain(x, method);
    }

    public Explained<AttentionExplanation> explain(Instance x, Method m) {
        Pass p = pass(x, m == Method.GRAD_ROLLOUT);
        double[] row = switch (m) {
            case RAW -> AttentionMaps.fuse(p.attention()[layers - 1], AttentionMaps.HeadFusion.MEAN)[0];
            case ROLLOUT -> AttentionMaps.rolloutRow(p.attention(), AttentionMaps.HeadFusion.MEAN, 0);
            case FLOW -> AttentionMaps.flow(p.attention(), AttentionMaps.HeadFusion.MEAN, 0);
            case GRAD_ROLLOUT -> AttentionMaps.gradRollout(p.attention(), p.gradTimesAttention())[0];
        };
        List<String> text = tokens.describe(x);
        // input tokens only: [CLS] is not one, nor is padding
        double[] scores = Arrays.copyOfRange(row, 1, 1 + text.size());
        List<String> features = tokens.vocabulary() != null ? text : tokens.names();
        Prediction pred = m == Method.GRAD_ROLLOUT ? predict(x) : p.prediction();
        return new Explained<>(pred, new AttentionExplanation(text, features, scores, m.id(), p.attention()));
    }

    @Override
    public GlobalExplanation describe() {
        String title = String.format(Locale.ROOT, "Transformer over %d tokens (%s): %d layers, %d heads, width %d; explained by %s",
                tokens.count(), tokens.kind(), layers, heads, d, method.id());
        List<String> names = tokens.names();
        return GlobalExplanation.of(title, encoder.schema().featureNames(),
                "tokens: " + String.join(", ", names.size() > 40 ? names.subList(0, 40) : names) + (names.size() > 40 ? ", …" : "") + "\n");
    }

    /** Mean attention map (by this model's method) over rows of a dataset: the global picture. */
    public double[] averageMap(Dataset d, int rows) {
        int n = Math.min(rows, d.size());
        double[] s = new double[tokens.count()];
        for (int i = 0; i < n; i++) {
            double[] v = explain(d.row(i)).explanation().scores();
            for (int k = 0; k < v.length; k++) {
                s[k] += v[k] / n;
            }
        }
        return s;
    }

    public List<String> tokenNames() {
        return tokens.names();
    }

    @Override
    public void write(ModelWriter out) {
        out.put("encoder", encoder.toJson());
        out.put("tokens", tokens.toJson());
        out.put("width", d);
        out.put("heads", heads);
        out.put("layers", layers);
        out.put("method", method.id());
        out.array("parameters", parameters);
    }

    static AttentionModel read(ModelReader in) {
        FeatureEncoder enc = FeatureEncoder.fromJson(in.schema(), in.get("encoder").getAsJsonObject());
        TokenLayout t = TokenLayout.fromJson(in.get("tokens").getAsJsonObject(), enc);
        return new AttentionModel(enc, t, in.get("width").getAsInt(), in.get("heads").getAsInt(), in.get("layers").getAsInt(),
                in.floats("parameters"), in.provenance(), Method.parse(in.getString("method")));
    }

    static JsonArray ints(int[] v) {
        JsonArray a = new JsonArray();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }
}
