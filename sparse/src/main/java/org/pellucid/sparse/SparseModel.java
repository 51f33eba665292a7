package org.pellucid.sparse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
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
import org.pellucid.core.model.Provenance;
import org.pellucid.core.model.Reportable;
import org.pellucid.core.train.ParamLayout;

/**
 * A sparse MLP or LassoNet: only the selected columns reach the network. Its local explanation is
 * Integrated Gradients (Sundararajan, Taly &amp; Yan, ICML 2017) of the explained class's logit from
 * the average training row, over the selected columns only (the others have zero weight, so zero
 * attribution), with the completeness gap reported; for the linear skip path alone it is exact.
 * Inference runs in double precision in Java: predictions and gradients come from one computation.
 */
public class SparseModel extends EncodedModel implements InterpretableModel<FeatureAttribution>, HasComplexity, Savable, ClassAttributable, Reportable {
    static final int IG_STEPS = 64;
    final SparseNetwork network;
    final float[] params;
    final JavaNet net;
    final Groups groups;
    private final List<PathPoint> path;

    SparseModel(String kind, FeatureEncoder encoder, SparseNetwork network, float[] params, List<PathPoint> path, Provenance provenance) {
        super(kind, encoder, provenance);
        this.network = network;
        this.params = params.clone();
        this.net = new JavaNet(network, params);
        this.groups = Groups.of(encoder);
        this.path = List.copyOf(path);
    }

    /** The model, as a simulatable linear one when its non-linear part selected nothing. */
    static SparseModel create(String kind, FeatureEncoder encoder, SparseNetwork network, float[] params, List<PathPoint> path,
                              Provenance provenance) {
        SparseModel m = new SparseModel(kind, encoder, network, params, path, provenance);
        return network.skip() && m.activeConnections(false) == 0 ? new LinearSparseModel(m) : m;
    }

    public List<PathPoint> path() {
        return path;
    }

    double[] logits(double[] z) {
        return net.forward(z, 0, null);
    }

    Prediction toPrediction(double[] o) {
        if (!schema().isClassification()) {
            return Prediction.ofValue(o[0]);
        }
        return Prediction.ofLogits(o, schema().classes());
    }

    @Override
    public Prediction predict(Instance x) {
        return toPrediction(logits(encoder.encode(x)));
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
    public Explained<FeatureAttribution> explain(Instance x) {
        double[] z = encoder.encode(x);
        Prediction p = toPrediction(logits(z));
        return new Explained<>(p, integratedGradients(x, z, Math.max(0, p.classIndex())));
    }

    @Override
    public FeatureAttribution attribution(Instance x, int targetClass) {
        return integratedGradients(x, encoder.encode(x), targetClass);
    }

    /** IG along the straight line from the training-mean row, midpoint Riemann sum of {@value #IG_STEPS} steps. */
    FeatureAttribution integratedGradients(Instance x, double[] z, int target) {
        double[] base = encoder.encodedMeans();
        int w = z.length;
        double[] avg = new double[w];
        double[] g = new double[w];
        double[] point = new double[w];
        for (int s = 0; s < IG_STEPS; s++) {
            double a = (s + 0.5) / IG_STEPS;
            for (int j = 0; j < w; j++) {
                point[j] = base[j] + a * (z[j] - base[j]);
            }
            net.forward(point, target, g);
            for (int j = 0; j < w; j++) {
                avg[j] += g[j] / IG_STEPS;
            }
        }
        double[] perColumn = new double[schema().featureCount()];
        for (int c = 0; c < perColumn.length; c++) {
            for (int j : groups.inputs()[c]) {
                perColumn[c] += (z[j] - base[j]) * avg[j];
            }
        }
        List<Contribution> cs = new ArrayList<>();
        for (int c = 0; c < perColumn.length; c++) {
            cs.add(new Contribution(schema().feature(c).name(), x.text(c), perColumn[c]));
        }
        String cls = schema().isClassification() ? schema().classes().get(target) : schema().target().name();
        return new FeatureAttribution(cs, net.forward(base, 0, null)[target], net.forward(z, 0, null)[target],
                "logit(" + cls + ")", "integrated-gradients (" + IG_STEPS + " steps, from the training mean)");
    }

    /** Per column: is it active (any non-zero first-layer or skip weight)? */
    public boolean[] active() {
        return RegularizationPath.support(network, groups, params);
    }

    int activeConnections(boolean withSkip) {
        int c = 0;
        ParamLayout.Slot s = network.layout().slot("w0");
        for (long i = s.offset(); i < s.offset() + s.size(); i++) {
            if (params[(int) i] != 0) {
                c++;
            }
        }
        if (withSkip && network.skip()) {
            ParamLayout.Slot t = network.layout().slot("theta");
            for (long i = t.offset(); i < t.offset() + t.size(); i++) {
                if (params[(int) i] != 0) {
                    c++;
                }
            }
        }
        return c;
    }

    @Override
    public SelectedFeatures describe() {
        boolean[] act = active();
        int in = groups.width();
        ParamLayout.Slot ws = network.layout().slot("w0");
        int h = (int) (ws.size() / in);
        List<Integer> sel = new ArrayList<>();
        double[] imp = new double[act.length];
        List<int[]> conn = new ArrayList<>();
        for (int g = 0; g < act.length; g++) {
            if (!act[g]) {
                continue;
            }
            sel.add(g);
            double sq = 0;
            for (int r = 0; r < h; r++) {
                for (int j : groups.inputs()[g]) {
                    double v = params[(int) ws.offset() + r * in + j];
                    sq += v * v;
                }
            }
            if (network.skip()) {
                ParamLayout.Slot ts = network.layout().slot("theta");
                int k = (int) (ts.size() / in);
                for (int r = 0; r < k; r++) {
                    for (int j : groups.inputs()[g]) {
                        double v = params[(int) ts.offset() + r * in + j];
                        sq += v * v;
                    }
                }
            }
            imp[g] = Math.sqrt(sq);
        }
        sel.sort(Comparator.comparingDouble((Integer g) -> -imp[g]));
        List<String> names = new ArrayList<>();
        double[] importance = new double[sel.size()];
        for (int i = 0; i < sel.size(); i++) {
            int g = sel.get(i);
            names.add(schema().feature(g).name());
            importance[i] = imp[g];
            List<Integer> units = new ArrayList<>();
            for (int r = 0; r < h; r++) {
                for (int j : groups.inputs()[g]) {
                    if (params[(int) ws.offset() + r * in + j] != 0) {
                        units.add(r);
                        break;
                    }
                }
            }
            conn.add(units.stream().mapToInt(Integer::intValue).toArray());
        }
        return new SelectedFeatures(names, importance, conn, path, act.length);
    }

    @Override
    public Complexity complexity() {
        int active = 0;
        for (boolean a : active()) {
            active += a ? 1 : 0;
        }
        return Complexity.ofFeatures(active, activeConnections(true));
    }

    @Override
    public void write(ModelWriter out) {
        out.put("encoder", encoder.toJson());
        JsonArray h = new JsonArray();
        for (int v : network.hidden()) {
            h.add(v);
        }
        out.put("hidden", h);
        out.put("skip", network.skip() ? 1 : 0);
        JsonArray p = new JsonArray();
        for (PathPoint pt : path) {
            JsonObject o = new JsonObject();
            o.addProperty("lambda", pt.lambda());
            o.addProperty("active_features", pt.activeFeatures());
            o.addProperty("val_accuracy", pt.validAccuracy());
            p.add(o);
        }
        out.put("path", p);
        out.array("parameters", params);
    }

    static SparseModel read(String kind, ModelReader in) {
        FeatureEncoder enc = FeatureEncoder.fromJson(in.schema(), in.get("encoder").getAsJsonObject());
        JsonArray h = in.get("hidden").getAsJsonArray();
        int[] hidden = new int[h.size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = h.get(i).getAsInt();
        }
        int outputs = in.schema().isClassification() ? in.schema().classes().size() : 1;
        SparseNetwork net = new SparseNetwork(enc.width(), hidden, outputs, in.get("skip").getAsInt() == 1);
        List<PathPoint> path = new ArrayList<>();
        for (var e : in.get("path").getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            path.add(new PathPoint(o.get("lambda").getAsDouble(), o.get("active_features").getAsInt(), o.get("val_accuracy").getAsDouble()));
        }
        float[] params = in.floats("parameters");
        if (params.length != net.layout().size()) {
            throw new IllegalArgumentException("the parameter file holds " + params.length + " values, the network " + net.layout().size());
        }
        return create(kind, enc, net, params, path, in.provenance());
    }

    /** Adds the regularisation {@code path}, the {@code selected_features} and {@code complexity.active_connections}. */
    @Override
    public void addTo(JsonObject result) {
        JsonArray p = new JsonArray();
        for (PathPoint pt : path()) {
            JsonObject po = new JsonObject();
            po.addProperty("lambda", pt.lambda());
            po.addProperty("active_features", pt.activeFeatures());
            po.addProperty("val_accuracy", pt.validAccuracy());
            p.add(po);
        }
        result.add("path", p);
        if (result.has("complexity")) {
            result.getAsJsonObject("complexity").addProperty("active_connections", complexity().parameters());
        }
        JsonArray sel = new JsonArray();
        describe().features().forEach(sel::add);
        result.add("selected_features", sel);
    }
}
