package org.pellucid.core.models;

import ai.djl.Device;
import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.io.ModelReader;
import org.pellucid.core.io.ModelWriter;
import org.pellucid.core.io.Savable;
import org.pellucid.core.model.Differentiable;
import org.pellucid.core.model.EncodedModel;
import org.pellucid.core.model.Prediction;
import org.pellucid.core.model.Provenance;
import org.pellucid.core.train.MlpNetwork;
import org.pellucid.core.train.NetworkRunner;

/**
 * A ReLU multilayer perceptron: the black-box baseline. It explains nothing itself; the
 * {@code eval} module explains it post hoc. Inference runs through DJL on the CPU and is safe to
 * call from many threads.
 */
public final class MlpModel extends EncodedModel implements Savable, Differentiable {
    private final MlpNetwork network;
    private final NetworkRunner runner;

    MlpModel(FeatureEncoder encoder, MlpNetwork network, float[] parameters, Provenance provenance) {
        super("mlp", encoder, provenance);
        this.network = network;
        this.runner = new NetworkRunner(network, parameters, Device.cpu());
    }

    @Override
    public Gradients gradients(double[][] encodedRows, int targetClass) {
        boolean cls = schema().isClassification();
        return runner.gradients(encodedRows, encoder.width(), cls ? targetClass : 0, cls, 0);
    }

    /** A copy of the trained parameters, in the network's layout ({@code w0, b0, w1, …}; weights (out, in)). */
    public float[] parameters() {
        return runner.parameters().clone();
    }

    public MlpNetwork network() {
        return network;
    }

    /** Raw network outputs (logits, or the value for regression) for encoded rows. */
    public float[] logits(float[] encoded, int rows) {
        return runner.forward(encoded, rows);
    }

    @Override
    public Prediction predict(Instance x) {
        double[] z = encoder.encode(x);
        float[] f = new float[z.length];
        for (int j = 0; j < z.length; j++) {
            f[j] = (float) z[j];
        }
        return toPrediction(runner.forward(f, 1), 0);
    }

    @Override
    public List<Prediction> predictAll(Dataset data) {
        float[] x = encoder.encodeAllFlat(data);
        float[] out = runner.forward(x, data.size());
        List<Prediction> preds = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            preds.add(toPrediction(out, i));
        }
        return preds;
    }

    private Prediction toPrediction(float[] out, int row) {
        if (!schema().isClassification()) {
            return Prediction.ofValue(out[row]);
        }
        int k = schema().classes().size();
        return Prediction.ofProbabilities(NeuralData.softmax(out, row * k, k), schema().classes());
    }

    @Override
    public void write(ModelWriter out) {
        out.put("encoder", encoder.toJson());
        JsonArray h = new JsonArray();
        for (int v : network.hidden()) {
            h.add(v);
        }
        out.put("hidden", h);
        out.array("parameters", runner.parameters());
    }

    static MlpModel read(ModelReader in) {
        FeatureEncoder enc = FeatureEncoder.fromJson(in.schema(), in.get("encoder").getAsJsonObject());
        JsonArray h = in.get("hidden").getAsJsonArray();
        int[] hidden = new int[h.size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = h.get(i).getAsInt();
        }
        int outputs = in.schema().isClassification() ? in.schema().classes().size() : 1;
        MlpNetwork net = new MlpNetwork(enc.width(), hidden, outputs);
        return new MlpModel(enc, net, in.floats("parameters"), in.provenance());
    }
}
