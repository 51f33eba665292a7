package org.pellucid.attention;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.pellucid.core.data.Instance;
import org.pellucid.core.data.Schema;
import org.pellucid.core.encode.FeatureEncoder;
import org.pellucid.core.io.ModelFormatException;

/**
 * Which encoded inputs make up each token, which token weights each input uses, and how tokens
 * are named: one token per column for tabular data (each input its own weights), one per square
 * patch for images (the schema's pixels in row-major order; each pixel with its own weights, or
 * all patches sharing one linear projection as in ViT; the per-token bias is the position embedding).
 *
 * @param patch patch side for images, 0 for columns
 */
record TokenLayout(String kind, int[] tokenOf, int[] weightOf, int count, List<String> names, int patch, int[] image,
                   List<String> vocabulary) {

    /** Word sequences: up to {@code maxLength} tokens of the given vocabulary, one token per position. */
    static TokenLayout sequence(List<String> vocabulary, int maxLength) {
        int[] id = new int[maxLength];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < maxLength; i++) {
            id[i] = i;
            names.add("position " + (i + 1));
        }
        return new TokenLayout("sequence", id, id, maxLength, names, 0, null, List.copyOf(vocabulary));
    }

    /** Token ids padded with −1 (or cut) to the layout's length, as network input. */
    float[] ids(Instance x) {
        int[] t = x.tokens();
        if (t == null) {
            throw new IllegalArgumentException("this attention model reads token sequences; the row has none");
        }
        if (x.vocabulary() != vocabulary && !x.vocabulary().equals(vocabulary)) {
            throw new IllegalArgumentException("the row's vocabulary differs from the one the model was trained with");
        }
        float[] f = new float[count];
        for (int i = 0; i < count; i++) {
            f[i] = i < t.length ? t[i] : -1;
        }
        return f;
    }

    static TokenLayout columns(FeatureEncoder enc) {
        Schema s = enc.schema();
        int[] of = new int[enc.width()];
        for (int j = 0; j < s.featureCount(); j++) {
            for (int e = enc.offset(j); e < enc.offset(j) + enc.width(j); e++) {
                of[e] = j;
            }
        }
        int[] own = new int[of.length];
        for (int e = 0; e < own.length; e++) {
            own[e] = e;
        }
        return new TokenLayout("columns", of, own, s.featureCount(), s.featureNames(), 0, null, null);
    }

    /** Square patches of side p over a {channels, height, width} image; pixels are numeric, one input each. */
    static TokenLayout patches(FeatureEncoder enc, int[] image, int p, boolean sharedProjection) {
        int c = image[0];
        int h = image[1];
        int w = image[2];
        if (h % p != 0 || w % p != 0) {
            throw new IllegalArgumentException("patch size " + p + " must divide the image size " + h + "×" + w);
        }
        if (enc.width() != c * h * w) {
            throw new IllegalArgumentException("image tokens need one numeric input per pixel");
        }
        int across = w / p;
        int[] of = new int[enc.width()];
        int[] shared = new int[enc.width()];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    of[(ch * h + y) * w + x] = (y / p) * across + (x / p);
                    shared[(ch * h + y) * w + x] = sharedProjection ? (ch * p + y % p) * p + x % p : (ch * h + y) * w + x;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int r = 0; r < h / p; r++) {
            for (int q = 0; q < across; q++) {
                names.add("patch r" + r + "c" + q);
            }
        }
        return new TokenLayout(sharedProjection ? "shared-patches" : "patches", of, shared, names.size(), names, p, image.clone(), null);
    }

    /** The tokens of one row in the user's terms: "column = value", or the patch's name. */
    List<String> describe(Instance x) {
        if (vocabulary != null) {
            List<String> w = x.words();
            return w.size() > count ? w.subList(0, count) : w;
        }
        if (patch > 0) {
            return names;
        }
        List<String> out = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            out.add(names.get(j) + " = " + x.text(j));
        }
        return out;
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        o.addProperty("patch", patch);
        if (image != null) {
            o.add("image", AttentionModel.ints(image));
        }
        if (vocabulary != null) {
            o.addProperty("length", count);
            JsonArray v = new JsonArray();
            vocabulary.forEach(v::add);
            o.add("vocabulary", v);
        }
        return o;
    }

    static TokenLayout fromJson(JsonObject o, FeatureEncoder enc) {
        String kind = o.get("kind").getAsString();
        if (kind.equals("columns")) {
            return columns(enc);
        }
        if (kind.equals("sequence")) {
            List<String> v = new ArrayList<>();
            o.getAsJsonArray("vocabulary").forEach(e -> v.add(e.getAsString()));
            return sequence(v, o.get("length").getAsInt());
        }
        if (kind.equals("patches") || kind.equals("shared-patches")) {
            var a = o.getAsJsonArray("image");
            return patches(enc, new int[] {a.get(0).getAsInt(), a.get(1).getAsInt(), a.get(2).getAsInt()}, o.get("patch").getAsInt(),
                    kind.equals("shared-patches"));
        }
        throw new ModelFormatException("attention model: unknown token layout '" + kind + "'");
    }
}
