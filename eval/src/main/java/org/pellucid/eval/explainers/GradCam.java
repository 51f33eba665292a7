package org.pellucid.eval.explainers;

import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Instance;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.explain.Contribution;
import org.pellucid.core.explain.FeatureAttribution;
import org.pellucid.core.model.ConvolutionalModel;
import org.pellucid.core.model.Model;
import org.pellucid.core.model.Predictor;

/**
 * Grad-CAM (Selvaraju et al., "Grad-CAM: Visual explanations from deep networks via gradient-based
 * localization", ICCV 2017). For an output y (a class logit, or a concept logit) and the last
 * convolutional layer's maps {@code A^k} of one image: the weight of channel k is the spatial mean of
 * its gradient, {@code α_k = (1/Z) Σ_ij ∂y/∂A^k_ij}, and the map is {@code ReLU(Σ_k α_k A^k)} — the
 * regions whose activation pushes y up — upsampled bilinearly from the map's grid to the image's
 * pixels. Each image slot of a row (MNIST-addition has two) gets its own map from its own
 * activations. As an attribution, each pixel column gets its map value: it ranks pixels for the
 * deletion metrics; it does not add up to the output (Grad-CAM makes no completeness claim, and the
 * completeness gap says so).
 */
public final class GradCam implements Explainer {

    @Override
    public String name() {
        return "grad-cam";
    }

    @Override
    public FeatureAttribution explain(Predictor model, Instance x, int targetClass) {
        ConvolutionalModel cm = of(model);
        FeatureEncoder enc = cm.encoder();
        double[] z = enc.encode(x);
        int output = cm.classOutput(model.schema().isClassification() ? targetClass : 0);
        ConvolutionalModel.FeatureMaps maps = cm.featureMaps(z, output);
        double[] heat = pixels(maps, cm.imageShape());
        double[] perColumn = new double[model.schema().featureCount()];
        for (int j = 0; j < heat.length; j++) {
            perColumn[enc.features().get(j).column()] += heat[j];
        }
        List<Contribution> cs = new ArrayList<>(perColumn.length);
        for (int c = 0; c < perColumn.length; c++) {
            cs.add(new Contribution(model.schema().feature(c).name(), x.text(c), perColumn[c]));
        }
        return new FeatureAttribution(cs, 0, maps.output(), cm.outputNames().get(output), "grad-cam");
    }

    /** The model's convolutional view, or a one-line reason why there is none. */
    static ConvolutionalModel of(Predictor model) {
        return ConvolutionalModel.of(model).orElseThrow(() -> new UnsupportedExplainerException(
                "Grad-CAM reads the last convolutional layer, and "
                        + (model instanceof Model m ? m.kind() : "this predictor")
                        + " has none here (a concept model has one on image data, e.g. synthetic:mnist-addition) — use ig or kernel-shap"));
    }

    /** Grad-CAM of output {@code output} for one encoded row, per pixel (slot by slot, row-major). */
    public static double[] map(Predictor model, double[] encodedRow, int output) {
        ConvolutionalModel cm = of(model);
        return pixels(cm.featureMaps(encodedRow, output), cm.imageShape());
    }

    /** {@code ReLU(Σ_k α_k A^k)} per slot on the map grid, upsampled to {@code image = {slots, H, W}}. */
    static double[] pixels(ConvolutionalModel.FeatureMaps f, int[] image) {
        int h = f.height();
        int w = f.width();
        int bigH = image[1];
        int bigW = image[2];
        double[] out = new double[f.slots() * bigH * bigW];
        for (int s = 0; s < f.slots(); s++) {
            double[] cam = new double[h * w];
            for (int k = 0; k < f.channels(); k++) {
                double alpha = 0;
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        alpha += f.gradients()[f.index(s, k, i, j)];
                    }
                }
                alpha /= h * w;
                if (alpha == 0) {
                    continue;
                }
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        cam[i * w + j] += alpha * f.activations()[f.index(s, k, i, j)];
                    }
                }
            }
            for (int q = 0; q < cam.length; q++) {
                cam[q] = Math.max(0, cam[q]);
            }
            upsample(cam, h, w, out, s * bigH * bigW, bigH, bigW);
        }
        return out;
    }

    /** Bilinear, pixel centres to map-cell centres, edges clamped. */
    static void upsample(double[] cam, int h, int w, double[] out, int offset, int bigH, int bigW) {
        for (int y = 0; y < bigH; y++) {
            double fy = Math.min(h - 1, Math.max(0, (y + 0.5) * h / bigH - 0.5));
            int y0 = (int) Math.floor(fy);
            int y1 = Math.min(h - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < bigW; x++) {
                double fx = Math.min(w - 1, Math.max(0, (x + 0.5) * w / bigW - 0.5));
                int x0 = (int) Math.floor(fx);
                int x1 = Math.min(w - 1, x0 + 1);
                double tx = fx - x0;
                double top = cam[y0 * w + x0] * (1 - tx) + cam[y0 * w + x1] * tx;
                double bottom = cam[y1 * w + x0] * (1 - tx) + cam[y1 * w + x1] * tx;
                out[offset + y * bigW + x] = top * (1 - ty) + bottom * ty;
            }
        }
    }
}
