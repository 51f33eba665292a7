package org.pellucid.examples.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.Instance;
import org.pellucid.core.model.ConvolutionalModel;
import org.pellucid.core.model.HasConcepts;
import org.pellucid.core.model.Prediction;
import org.pellucid.eval.explainers.GradCam;
import org.pellucid.eval.global.ActivationMaximisation;

/**
 * What an image model's report shows of its images: for the first test rows, each slot's pixels with
 * the Grad-CAM map of the predicted class and of the slot's predicted concept; and, for the first
 * concept group, the input that maximises each concept (activation maximisation from the mean
 * training image). Pixel values are rounded to 3 decimals to keep the JSON small.
 */
final class ImageReport {
    private ImageReport() {}

    static JsonObject toJson(ConvolutionalModel cv, HasConcepts cm, Dataset train, Dataset test, int rows) {
        JsonObject o = new JsonObject();
        JsonArray shape = new JsonArray();
        for (int v : cv.imageShape()) {
            shape.add(v);
        }
        o.add("shape", shape);
        List<HasConcepts.Group> groups = cm.conceptGroups();
        JsonArray examples = new JsonArray();
        for (int i = 0; i < Math.min(rows, test.size()); i++) {
            examples.add(example(cv, cm, test, i));
        }
        o.add("examples", examples);
        double[] mean = new double[cv.encoder().width()];
        for (int r = 0; r < train.size(); r++) {
            double[] z = cv.encoder().encode(train.row(r));
            for (int j = 0; j < mean.length; j++) {
                mean[j] += z[j] / train.size();
            }
        }
        JsonArray maximised = new JsonArray();
        HasConcepts.Group first = groups.get(0);
        for (int c = first.from(); c < first.to(); c++) {
            ActivationMaximisation.Result r = ActivationMaximisation.maximise(cv, c, mean, ActivationMaximisation.Settings.defaults());
            JsonObject m = new JsonObject();
            m.addProperty("output", r.output());
            m.addProperty("start_output", r.startOutput());
            m.addProperty("end_output", r.endOutput());
            m.add("pixels", rounded(r.image()));
            maximised.add(m);
        }
        o.add("maximised", maximised);
        ActivationMaximisation.Settings s = ActivationMaximisation.Settings.defaults();
        o.addProperty("maximisation", String.format(Locale.ROOT,
                "%d steps of %.2f from the mean training image, L2 %.3f toward it, total variation %.3f", s.steps(), s.step(), s.l2(), s.tv()));
        return o;
    }

    /** Test row {@code i}: its pixels, prediction, the class's Grad-CAM and, per concept group, the most probable concept's. */
    private static JsonObject example(ConvolutionalModel cv, HasConcepts cm, Dataset test, int i) {
        List<String> outputs = cv.outputNames();
        Instance x = test.row(i);
        double[] z = cv.encoder().encode(x);
        Prediction p = cm.predict(x);
        JsonObject ex = new JsonObject();
        ex.addProperty("row", i);
        ex.addProperty("predicted", p.className());
        ex.addProperty("truth", test.schema().classes().get(test.label(i)));
        ex.add("pixels", rounded(z));
        int classOut = cv.classOutput(p.classIndex());
        ex.addProperty("class_output", outputs.get(classOut));
        ex.add("class_cam", rounded(GradCam.map(cv, z, classOut)));
        double[] probs = cm.conceptProbabilities(x);
        JsonArray conceptCams = new JsonArray();
        for (HasConcepts.Group g : cm.conceptGroups()) {
            int best = g.from();
            for (int c = g.from(); c < g.to(); c++) {
                if (probs[c] > probs[best]) {
                    best = c;
                }
            }
            JsonObject cc = new JsonObject();
            cc.addProperty("output", outputs.get(best));
            cc.addProperty("probability", probs[best]);
            cc.add("cam", rounded(GradCam.map(cv, z, best)));
            conceptCams.add(cc);
        }
        ex.add("concept_cams", conceptCams);
        return ex;
    }

    private static JsonArray rounded(double[] v) {
        JsonArray a = new JsonArray(v.length);
        for (double d : v) {
            a.add(Math.round(d * 1000) / 1000.0);
        }
        return a;
    }
}
