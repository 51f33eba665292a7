package org.pellucid.examples.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page from a comparison: no network, no scripts, no external fonts; charts
 * are inline SVG. It shows the accuracy-against-explanation-size chart with the Pareto front, the
 * metric table with the best value per column marked, and for each model its global explanation
 * and a few rows' local explanations drawn the way people read them (attribution bars, decision
 * paths, concept bars).
 *
 * <p>The input is the comparison JSON that {@code pellucid compare --json} writes (see the README),
 * so a report can be rebuilt from a saved result.
 */
public final class HtmlReport {
    static final String FRONT = "#d9480f";
    static final String POINT = "#1c7ed6";
    static final String POS = "#2b8a3e";
    static final String NEG = "#c92a2a";

    /** A table column: where the value is, its heading, and whether higher is better. */
    record Metric(String group, String key, String heading, boolean higherIsBetter) {}

    static final List<Metric> METRICS = List.of(
            new Metric("test", "accuracy", "accuracy", true),
            new Metric("test", "macro_f1", "macro-F1", true),
            new Metric("fidelity", "deletion_auc", "deletion AUC ↓", false),
            new Metric("fidelity", "comprehensiveness", "compre\u00adhensive\u00adness ↑", true),
            new Metric("fidelity", "faithfulness_correlation", "faithful\u00adness ↑", true),
            new Metric("fidelity", "simulatable_agreement", "simulat\u00adable ↑", true),
            new Metric("simulability", "size", "explanation size ↓", false),
            new Metric("truth", "column_f1", "true columns F1 ↑", true),
            new Metric("stability", "max_sensitivity", "max-sensi\u00adtivity ↓", false),
            new Metric("timing", "train_seconds", "train s ↓", false));

    private HtmlReport() {}

    public static String render(JsonObject cmp) {
        StringBuilder h = new StringBuilder(64_000);
        String title = str(cmp, "title", "Pellucid comparison");
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1><p class=\"sub\">data <b>").append(esc(str(cmp, "dataset", "?")))
                .append("</b>, ").append(cmp.has("rows") ? cmp.get("rows").getAsInt() : 0).append(" rows");
        if (cmp.has("generated")) {
            h.append(" · ").append(esc(cmp.get("generated").getAsString()));
        }
        h.append("</p>");
        if (cmp.has("truth")) {
            h.append("<p class=\"truth\">Ground truth: ").append(esc(cmp.get("truth").getAsString())).append("</p>");
        }
        h.append("</header>\n");
        List<JsonObject> models = new ArrayList<>();
        for (JsonElement e : cmp.getAsJsonArray("models")) {
            models.add(e.getAsJsonObject());
        }
        h.append("<section><h2>Accuracy against what a person must read</h2>");
        h.append("<p>Each point is a model: test accuracy against the size of its explanation of one decision (columns, path "
                + "steps or concepts a reader follows). Models on the <span style=\"color:" + FRONT + "\">Pareto front</span> "
                + "are not beaten on both at once.</p>");
        h.append(chart(models)).append("</section>\n");
        h.append("<section><h2>Scores</h2>").append(table(models));
        if (cmp.has("baseline")) {
            h.append(baselineRow(cmp.getAsJsonObject("baseline")));
        }
        h.append("<p class=\"note\">Best value per column in bold. Transparent models are scored on their own explanation, "
                + "black boxes on a post-hoc one (named in the table). Deletion AUC compares explainers of one model; "
                + "simulatable = how often running the explanation by hand gives the model's answer.</p>");
        if (cmp.has("skipped") && cmp.getAsJsonArray("skipped").size() > 0) {
            h.append("<p class=\"note\">Skipped: ");
            List<String> sk = new ArrayList<>();
            for (JsonElement e : cmp.getAsJsonArray("skipped")) {
                sk.add("<b>" + esc(e.getAsJsonObject().get("model").getAsString()) + "</b> (" + esc(e.getAsJsonObject().get("reason").getAsString()) + ")");
            }
            h.append(String.join("; ", sk)).append("</p>");
        }
        h.append("</section>\n");
        h.append(truthSection(models));
        if (cmp.has("global_effects")) {
            JsonObject g = cmp.getAsJsonObject("global_effects");
            h.append("<section><h2>What the best black box does with its top columns</h2><p>Partial dependence of <b>")
                    .append(esc(str(g, "model", "?"))).append("</b>: the thick line is the mean predicted probability as one column "
                            + "sweeps its range with the others as they are; the thin lines are individual rows (ICE).</p>")
                    .append(str(g, "svg", "")).append("</section>\n");
        }
        for (JsonObject m : models) {
            h.append(modelSection(m));
        }
        h.append("<footer>Made by Pellucid. Everything on this page is in this one file.</footer></body></html>\n");
        return h.toString();
    }

    static double num(JsonObject m, String group, String key) {
        if (!m.has(group) || !m.get(group).isJsonObject()) {
            return Double.NaN;
        }
        JsonObject g = m.getAsJsonObject(group);
        return g.has(key) && g.get(key).isJsonPrimitive() ? g.get(key).getAsDouble() : Double.NaN;
    }

    static String str(JsonObject o, String key, String def) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : def;
    }

    /** Indices of models on the Pareto front: no other model is at least as accurate with a smaller explanation, or strictly more accurate at equal size. */
    static List<Integer> paretoFront(double[] size, double[] acc) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < size.length; i++) {
            if (Double.isNaN(size[i]) || Double.isNaN(acc[i])) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < size.length && !dominated; j++) {
                if (j == i || Double.isNaN(size[j]) || Double.isNaN(acc[j])) {
                    continue;
                }
                dominated = size[j] <= size[i] && acc[j] >= acc[i] && (size[j] < size[i] || acc[j] > acc[i]);
            }
            if (!dominated) {
                front.add(i);
            }
        }
        front.sort(Comparator.comparingDouble(i -> size[i]));
        return front;
    }

    /**
     * The SVG chart of test accuracy against explanation size: axes, the Pareto front (dashed line
     * and rings), one point per model (thick outline for black boxes) and labels that avoid each other.
     */
    static String chart(List<JsonObject> models) {
        int n = models.size();
        double[] size = new double[n];
        double[] acc = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = num(models.get(i), "simulability", "size");
            acc[i] = num(models.get(i), "test", "accuracy");
        }
        Plot plot = Plot.of(size, acc);
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" viewBox=\"0 0 ").append(Plot.W).append(' ').append(Plot.H)
                .append("\" role=\"img\" aria-label=\"accuracy against explanation size\">");
        axes(s, plot);
        List<Integer> front = paretoFront(size, acc);
        StringBuilder path = new StringBuilder();
        for (int i : front) {
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", plot.x(size[i]), plot.y(acc[i])));
        }
        if (front.size() > 1) {
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(FRONT).append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }
        for (int i : front) { // a ring, so the front shows even when it is one point or hides under another
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"12\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                    plot.x(size[i]), plot.y(acc[i]), FRONT));
        }
        List<double[]> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(size[i]) || Double.isNaN(acc[i])) {
                continue;
            }
            double x = plot.x(size[i]);
            double y = plot.y(acc[i]);
            boolean onFront = front.contains(i);
            boolean transparent = "transparent".equals(str(models.get(i), "kind", ""));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" stroke=\"#333\" stroke-width=\"%s\"/>",
                    x, y, onFront ? FRONT : POINT, transparent ? "1" : "2.5"));
            labels.add(new double[] {x, y, i});
        }
        labels(s, models, labels);
        s.append("</svg><p class=\"note\">Thick outline: black box (explained post hoc). Orange ring: on the Pareto front (no "
                + "other model is both at least as accurate and smaller); "
                + (front.size() > 1 ? "the dashed line joins the front." : "here the front is one model, which beats every other on both.")
                + "</p>");
        return s.toString();
    }

    /** The chart's frame and scales: accuracy from {@code lo} to {@code hi}, size from 0 to {@code xMax} in ticks of {@code xStep}. */
    private record Plot(double lo, double hi, double xStep, double xMax) {
        static final int W = 720;
        static final int H = 380;
        static final int LEFT = 60;
        static final int RIGHT = 20;
        static final int TOP = 20;
        static final int BOTTOM = 50;

        static Plot of(double[] size, double[] acc) {
            double maxS = 1;
            double minA = 1;
            double maxA = 0;
            for (int i = 0; i < size.length; i++) {
                if (!Double.isNaN(size[i])) {
                    maxS = Math.max(maxS, size[i]);
                }
                if (!Double.isNaN(acc[i])) {
                    minA = Math.min(minA, acc[i]);
                    maxA = Math.max(maxA, acc[i]);
                }
            }
            double lo = Math.max(0, Math.floor((minA - 0.02) * 50) / 50);
            double hi = Math.min(1, Math.ceil((maxA + 0.01) * 50) / 50);
            if (hi <= lo) {
                hi = lo + 0.02;
            }
            double xStep = niceStep(maxS * 1.1 / 4);
            return new Plot(lo, hi, xStep, xStep * Math.max(1, Math.ceil(maxS * 1.1 / xStep)));
        }

        double x(double size) {
            return LEFT + (W - LEFT - RIGHT) * size / xMax;
        }

        double y(double accuracy) {
            return TOP + (H - TOP - BOTTOM) * (1 - (accuracy - lo) / (hi - lo));
        }
    }

    private static void axes(StringBuilder s, Plot plot) {
        int w = Plot.W;
        int ht = Plot.H;
        int left = Plot.LEFT;
        int top = Plot.TOP;
        int bottom = Plot.BOTTOM;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
                left, top, w - left - Plot.RIGHT, ht - top - bottom));
        for (int t = 0; t <= 4; t++) {
            double a = plot.lo() + (plot.hi() - plot.lo()) * t / 4;
            double y = plot.y(a);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", left, w - Plot.RIGHT, y, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"ax\" text-anchor=\"end\">%.3f</text>", left - 6, y + 4, a));
        }
        int xTicks = (int) Math.round(plot.xMax() / plot.xStep());
        for (int t = 0; t <= xTicks; t++) {
            double sx = plot.xStep() * t;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%s</text>", plot.x(sx), ht - bottom + 18,
                    tick(sx, plot.xStep())));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">explanation size (things to read per decision)</text>",
                (left + w - Plot.RIGHT) / 2, ht - 10));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" class=\"ax\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">test accuracy</text>",
                (top + ht - bottom) / 2, (top + ht - bottom) / 2));
    }

    /** Labels right of their point ({x, y, model index}), pushed down until they overlap no earlier label and no point. */
    private static void labels(StringBuilder s, List<JsonObject> models, List<double[]> labels) {
        labels.sort(Comparator.comparingDouble(l -> l[1]));
        List<double[]> placed = new ArrayList<>();
        for (double[] l : labels) { // every point is an obstacle too: a label must not sit on another model's point
            placed.add(new double[] {l[0] - 8, l[1] + 4, 16});
        }
        for (double[] l : labels) {
            String text = str(models.get((int) l[2]), "model", "?");
            double tw = 7.6 * text.length() + 4; // 12px system-ui runs ~7 px a character; a margin on top
            double lx = l[0] + 10;
            double ly = placeBelow(placed, lx, l[1] - 8, tw);
            placed.add(new double[] {lx, ly, tw});
            if (Math.abs(ly - (l[1] - 8)) > 1) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#aaa\"/>",
                        l[0] + 5, l[1] + 3, lx, ly - 4));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"lbl\">%s</text>", lx, ly, esc(text)));
        }
    }

    /** The height of a chart label's line box, the gap two labels' baselines keep. */
    static final double LABEL_HEIGHT = 16;

    /**
     * The first baseline at or below {@code ly} where a label of width {@code tw} at {@code lx}
     * overlaps none of {@code placed} ({x, baseline, width} each). Every move goes strictly down,
     * past the obstacle that caused it, so each obstacle moves the label at most once. (Comparing
     * with "less than 16 apart" after setting {@code ly = p + 16} looped for ever when the sum
     * rounded to 15.999…; the demo's report hung on it.)
     */
    static double placeBelow(List<double[]> placed, double lx, double ly, double tw) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (double[] p : placed) {
                double below = p[1] + LABEL_HEIGHT;
                if (lx < p[0] + p[2] && p[0] < lx + tw && ly > p[1] - LABEL_HEIGHT && ly < below) {
                    ly = below;
                    moved = true;
                }
            }
        }
        return ly;
    }

    /** A step of 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A tick label with no more digits than it needs (2.5, not 2.50; 5, not 5.0). */
    static String tick(double v, double step) {
        double r = Math.round(v / step) * step;
        return BigDecimal.valueOf(r).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String table(List<JsonObject> models) {
        StringBuilder t = new StringBuilder("<div class=\"scroll\"><table><thead><tr><th>model</th><th>kind</th><th>explainer</th>");
        for (Metric m : METRICS) {
            t.append("<th>").append(esc(m.heading())).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        double[] best = new double[METRICS.size()];
        for (int c = 0; c < METRICS.size(); c++) {
            Metric m = METRICS.get(c);
            best[c] = Double.NaN;
            for (JsonObject o : models) {
                double v = num(o, m.group(), m.key());
                if (!Double.isNaN(v) && (Double.isNaN(best[c]) || (m.higherIsBetter() ? v > best[c] : v < best[c]))) {
                    best[c] = v;
                }
            }
        }
        for (JsonObject o : models) {
            t.append("<tr><td><a href=\"#m-").append(esc(str(o, "model", ""))).append("\">").append(esc(str(o, "model", "?")))
                    .append("</a></td><td>").append(esc(str(o, "kind", ""))).append("</td><td>")
                    .append(esc(str(o, "explainer", "—"))).append("</td>");
            for (int c = 0; c < METRICS.size(); c++) {
                Metric m = METRICS.get(c);
                double v = num(o, m.group(), m.key());
                boolean isBest = !Double.isNaN(v) && v == best[c];
                t.append(isBest ? "<td class=\"best\">" : "<td>").append(Double.isNaN(v) ? "—" : String.format(Locale.ROOT,
                        m.key().equals("train_seconds") ? "%.1f" : "%.3f", v)).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table></div>").toString();
    }

    /**
     * On data with known relevant columns: for each model, the columns its explanations rely on and
     * the columns it says it uses (selected features, the columns of its rules or tree), each scored
     * against the truth, and the share of its conditions on true columns. Empty without a truth.
     */
    static String truthSection(List<JsonObject> models) {
        List<JsonObject> with = models.stream().filter(o -> o.has("truth") && o.get("truth").isJsonObject()).toList();
        if (with.isEmpty()) {
            return "";
        }
        JsonObject first = with.get(0).getAsJsonObject("truth");
        StringBuilder t = new StringBuilder("<section><h2>Against the known truth</h2><p>The label depends on <b>")
                .append(esc(join(first.getAsJsonArray("relevant")))).append("</b> only. <i>Relied on</i>: the fewest columns "
                        + "that cover 90% of the model's mean |attribution|. <i>Stated</i>: the columns the model itself says it "
                        + "uses (a sparse model's selected columns, the columns its rules or tree test). F1 against the true "
                        + "columns; <i>conditions on true columns</i>: the share of its rule conditions or tree tests that are "
                        + "on a true column.</p><div class=\"scroll\"><table><thead><tr><th>model</th><th>relied on</th>"
                        + "<th>F1 ↑</th><th>stated</th><th>F1 ↑</th><th>conditions on true columns ↑</th></tr></thead><tbody>");
        for (JsonObject o : with) {
            JsonObject tr = o.getAsJsonObject("truth");
            t.append("<tr><td>").append(esc(str(o, "model", "?"))).append("</td><td>")
                    .append(esc(tr.has("relied_on") ? join(tr.getAsJsonArray("relied_on")) : "—")).append("</td><td>")
                    .append(fixed(num(o, "truth", "column_f1"))).append("</td><td>")
                    .append(esc(tr.has("stated_columns") ? join(tr.getAsJsonArray("stated_columns")) : "—")).append("</td><td>")
                    .append(fixed(num(o, "truth", "stated_column_f1"))).append("</td><td>");
            if (tr.has("conditions")) {
                t.append(String.format(Locale.ROOT, "%d of %d (%.0f%%)", tr.get("conditions_on_relevant").getAsInt(),
                        tr.get("conditions").getAsInt(), 100 * tr.get("conditions_on_relevant_share").getAsDouble()));
            } else {
                t.append("—");
            }
            t.append("</td></tr>");
        }
        return t.append("</tbody></table></div></section>\n").toString();
    }

    private static String join(JsonArray a) {
        List<String> l = new ArrayList<>();
        a.forEach(e -> l.add(e.getAsString()));
        return String.join(", ", l);
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Grad-CAM of the first test rows (each slot's image, then the map of the predicted class and of
     * the slot's predicted concept over it, one scale per row so slots compare) and the inputs that
     * maximise each concept of the first group.
     */
    static String imageSection(JsonObject im) {
        int[] shape = ints(im.getAsJsonArray("shape"));
        int h = shape[1];
        int w = shape[2];
        int px = h * w;
        StringBuilder s = new StringBuilder("<h3>Where the network looks (Grad-CAM)</h3><p>Each row: the images, then the "
                + "Grad-CAM map (Selvaraju et al. 2017) of the predicted class, then of each image's predicted concept — red to "
                + "yellow where the last convolution's activations push that output up, on one scale per row.</p>");
        for (JsonElement e : im.getAsJsonArray("examples")) {
            JsonObject ex = e.getAsJsonObject();
            double[] pixels = doubles(ex.getAsJsonArray("pixels"));
            double[] classCam = doubles(ex.getAsJsonArray("class_cam"));
            JsonArray cc = ex.getAsJsonArray("concept_cams");
            double max = Arrays.stream(classCam).max().orElse(0);
            s.append("<div class=\"imgrow\"><p>row ").append(ex.get("row").getAsInt()).append(": predicted <b>")
                    .append(esc(str(ex, "predicted", "?"))).append("</b>, true ").append(esc(str(ex, "truth", "?"))).append("</p>");
            for (int slot = 0; slot < shape[0]; slot++) {
                s.append(figure(Pixels.png(pixels, null, 0, slot * px, h, w), "image " + (slot + 1)));
            }
            for (int slot = 0; slot < shape[0]; slot++) {
                s.append(figure(Pixels.png(pixels, classCam, max, slot * px, h, w), str(ex, "class_output", "class")));
            }
            for (int slot = 0; slot < shape[0] && slot < cc.size(); slot++) {
                JsonObject c = cc.get(slot).getAsJsonObject();
                double[] cam = doubles(c.getAsJsonArray("cam"));
                double cmax = 0;
                for (int q = slot * px; q < (slot + 1) * px; q++) {
                    cmax = Math.max(cmax, cam[q]);
                }
                s.append(figure(Pixels.png(pixels, cam, cmax, slot * px, h, w), str(c, "output", "concept")));
            }
            s.append("</div>");
        }
        if (im.has("maximised")) {
            s.append("<h3>What each concept looks for (activation maximisation)</h3><p>The input that maximises each concept's "
                    + "logit (Erhan et al. 2009; Simonyan et al. 2014): ").append(esc(str(im, "maximisation", ""))).append(".</p><div class=\"imgrow\">");
            for (JsonElement e : im.getAsJsonArray("maximised")) {
                JsonObject mx = e.getAsJsonObject();
                s.append(figure(Pixels.stretched(doubles(mx.getAsJsonArray("pixels")), 0, h, w), String.format(Locale.ROOT,
                        "%s: %.1f → %.1f", str(mx, "output", "?"), mx.get("start_output").getAsDouble(), mx.get("end_output").getAsDouble())));
            }
            s.append("</div>");
        }
        return s.toString();
    }

    private static String figure(String uri, String caption) {
        return "<figure class=\"px\"><img src=\"" + uri + "\" alt=\"" + esc(caption) + "\"><figcaption>" + esc(caption)
                + "</figcaption></figure>";
    }

    static double[] doubles(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    private static int[] ints(JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }

    /** The majority-class row under the table: the floor every model must beat. */
    static String baselineRow(JsonObject b) {
        return String.format(Locale.ROOT, "<p class=\"note\">Baseline: always predicting the most frequent class (<b>%s</b>) scores "
                + "test accuracy %.3f and macro-F1 %.3f.</p>", esc(str(b, "predicts", "?")), num(b, "test", "accuracy"), num(b, "test", "macro_f1"));
    }

    static String modelSection(JsonObject m) {
        String name = str(m, "model", "?");
        StringBuilder s = new StringBuilder("<section class=\"model\" id=\"m-").append(esc(name)).append("\"><h2>")
                .append(esc(name)).append(" <span class=\"kind\">").append(esc(str(m, "kind", ""))).append("</span></h2>");
        if (m.has("description")) {
            s.append("<p>").append(esc(m.get("description").getAsString())).append("</p>");
        }
        if (m.has("mean_abs_attribution")) {
            s.append("<h3>Which columns matter (mean |attribution| over the scored rows, ").append(esc(str(m, "explainer", "")))
                    .append(")</h3>").append(importanceBars(m.getAsJsonObject("mean_abs_attribution")));
        }
        if (m.has("global_text")) {
            s.append("<h3>").append(esc(str(m, "global_title", "The model as a whole"))).append("</h3><pre>")
                    .append(esc(m.get("global_text").getAsString())).append("</pre>");
        }
        if (m.has("shapes") && m.get("shapes").isJsonObject()) {
            s.append(ShapeCharts.render(m.getAsJsonObject("shapes")));
        }
        if (m.has("images") && m.get("images").isJsonObject()) {
            s.append(imageSection(m.getAsJsonObject("images")));
        }
        if (m.has("concepts")) {
            JsonObject c = m.getAsJsonObject("concepts");
            s.append(String.format(Locale.ROOT, "<p>Concept accuracy <b>%.3f</b>; task accuracy with hard concepts %.3f; leakage %+.3f.</p>",
                    num(m, "concepts", "concept_accuracy"), num(m, "concepts", "accuracy_hard_concepts"), num(m, "concepts", "leakage")));
            if (c.has("intervention_curve")) {
                s.append("<p>Intervention curve (task accuracy after giving 0, 1, … true concepts): ");
                List<String> v = new ArrayList<>();
                for (JsonElement e : c.getAsJsonArray("intervention_curve")) {
                    v.add(String.format(Locale.ROOT, "%.3f", e.getAsDouble()));
                }
                s.append(esc(String.join(" → ", v))).append("</p>");
            }
        }
        if (m.has("examples")) {
            s.append("<h3>Example decisions</h3><div class=\"examples\">");
            for (JsonElement e : m.getAsJsonArray("examples")) {
                s.append(example(e.getAsJsonObject()));
            }
            s.append("</div>");
        }
        return s.append("</section>\n").toString();
    }

    static String example(JsonObject ex) {
        StringBuilder s = new StringBuilder("<div class=\"ex\"><p class=\"row\">row ").append(ex.get("row").getAsInt())
                .append(": <code>").append(esc(str(ex, "values", ""))).append("</code><br>predicted <b>")
                .append(esc(str(ex, "predicted", "?"))).append("</b>, true ").append(esc(str(ex, "truth", "?"))).append("</p>");
        JsonObject e = ex.getAsJsonObject("explanation");
        s.append(explanation(e));
        if (ex.has("lrp")) {
            s.append("<p class=\"iv\">The same row by layer-wise relevance propagation (LRP-ε, read off the network's "
                    + "layers; the relevances add up to the logit):</p>").append(explanation(ex.getAsJsonObject("lrp")));
        }
        if (ex.has("intervention")) {
            JsonObject iv = ex.getAsJsonObject("intervention");
            s.append("<p class=\"iv\">Intervention: ").append(esc(str(iv, "text", ""))).append(" → predicted <b>")
                    .append(esc(str(iv, "predicted", "?"))).append("</b></p>").append(explanation(iv.getAsJsonObject("explanation")));
        }
        if (ex.has("what_if")) {
            JsonObject w = ex.getAsJsonObject("what_if");
            boolean changed = w.has("changed") && w.get("changed").getAsBoolean();
            s.append("<p class=\"iv\">What if: ").append(esc(str(w, "text", ""))).append(" → predicted <b>")
                    .append(esc(str(w, "predicted", "?"))).append("</b> (was ").append(esc(str(w, "before", "?"))).append(changed
                            ? "; the concept decides this row)" : "; even the most decisive concept does not change it)").append("</p>");
        }
        return s.append("</div>").toString();
    }

    static String explanation(JsonObject e) {
        String type = str(e, "type", "");
        switch (type) {
            case "feature_attribution" -> {
                List<String[]> rows = new ArrayList<>();
                for (JsonElement c : e.getAsJsonArray("contributions")) {
                    JsonObject o = c.getAsJsonObject();
                    rows.add(new String[] {o.get("feature").getAsString() + " = " + o.get("value").getAsString(),
                            Double.toString(o.get("attribution").getAsDouble())});
                }
                rows.sort(Comparator.comparingDouble(r -> -Math.abs(Double.parseDouble(r[1]))));
                return "<p class=\"cap\">" + esc(str(e, "method", "")) + ", contributions to " + esc(str(e, "target", ""))
                        + String.format(Locale.ROOT, " (baseline %.3f → %.3f)", e.get("baseline").getAsDouble(), e.get("output").getAsDouble())
                        + "</p>" + bars(rows.subList(0, Math.min(8, rows.size())), true);
            }
            case "tree_path" -> {
                StringBuilder s = new StringBuilder("<ol class=\"path\">");
                for (JsonElement c : e.getAsJsonArray("path")) {
                    s.append("<li>").append(esc(c.getAsJsonObject().get("text").getAsString())).append("</li>");
                }
                return s.append("<li class=\"leaf\">→ ").append(esc(str(e, "outcome", ""))).append("</li></ol>").toString();
            }
            case "concept" -> {
                return conceptTable(e);
            }
            case "attention" -> {
                return attentionHeat(e);
            }
            case "rules" -> {
                StringBuilder s = new StringBuilder("<ul class=\"rules\">");
                for (JsonElement r : e.getAsJsonArray("fired")) {
                    s.append("<li>").append(esc(r.getAsJsonObject().get("rule").getAsString())).append("</li>");
                }
                return s.append("</ul>").toString();
            }
            default -> {
                return "<pre>" + esc(e.toString()) + "</pre>";
            }
        }
    }

    /** A concept explanation: each concept's probability as a bar and its contribution, and the concepts whose flip alone changes the class. */
    private static String conceptTable(JsonObject e) {
        StringBuilder s = new StringBuilder("<table class=\"concepts\"><tr><th>concept</th><th>probability</th><th>contribution</th></tr>");
        for (JsonElement c : e.getAsJsonArray("concepts")) {
            JsonObject o = c.getAsJsonObject();
            double p = o.get("probability").getAsDouble();
            double contrib = o.get("contribution").getAsDouble();
            s.append("<tr><td>").append(esc(o.get("concept").getAsString()))
                    .append(o.get("intervened").getAsBoolean() ? " <i>(set)</i>" : "").append("</td><td>")
                    .append(String.format(Locale.ROOT, "<svg width=\"120\" height=\"12\"><rect width=\"120\" height=\"12\" fill=\"#eee\"/>"
                            + "<rect width=\"%.1f\" height=\"12\" fill=\"%s\"/></svg> %.2f", 120 * p, POINT, p))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%+.3f", contrib)).append("</td></tr>");
        }
        s.append("</table>");
        JsonArray flips = e.getAsJsonArray("flips");
        if (flips != null && flips.size() > 0) {
            List<String> f = new ArrayList<>();
            flips.forEach(x -> f.add(x.getAsString()));
            s.append("<p class=\"cap\">Flipping any of ").append(esc(String.join(", ", f))).append(" alone changes the prediction.</p>");
        }
        return s.toString();
    }

    /** An attention explanation: the tokens shaded by their score. */
    private static String attentionHeat(JsonObject e) {
        double max = 1e-12;
        for (JsonElement c : e.getAsJsonArray("tokens")) {
            max = Math.max(max, c.getAsJsonObject().get("score").getAsDouble());
        }
        StringBuilder s = new StringBuilder("<p class=\"cap\">" + esc(str(e, "method", "")) + " from the output token</p><p class=\"heat\">");
        for (JsonElement c : e.getAsJsonArray("tokens")) {
            JsonObject o = c.getAsJsonObject();
            double v = Math.max(0, o.get("score").getAsDouble()) / max;
            s.append(String.format(Locale.ROOT, "<span style=\"background:rgba(217,72,15,%.2f)\" title=\"%.4f\">%s</span> ",
                    0.08 + 0.8 * v, o.get("score").getAsDouble(), esc(o.get("token").getAsString())));
        }
        return s.append("</p>").toString();
    }

    static String importanceBars(JsonObject imp) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : imp.entrySet()) {
            rows.add(new String[] {e.getKey(), Double.toString(e.getValue().getAsDouble())});
        }
        rows.sort(Comparator.comparingDouble(r -> -Double.parseDouble(r[1])));
        return bars(rows.subList(0, Math.min(10, rows.size())), false);
    }

    /** Horizontal bars, label on the left; signed values diverge from the middle. */
    static String bars(List<String[]> rows, boolean signed) {
        double max = 1e-12;
        for (String[] r : rows) {
            max = Math.max(max, Math.abs(Double.parseDouble(r[1])));
        }
        int rowH = 20;
        int labelW = 260;
        int barW = 300;
        int w = labelW + barW + 70;
        int ht = rowH * rows.size() + 6;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"bars\" viewBox=\"0 0 %d %d\" style=\"width:100%%;max-width:%dpx;height:auto\">", w, ht, w));
        double zero = signed ? labelW + barW / 2.0 : labelW;
        double scale = signed ? barW / 2.0 / max : barW / max;
        for (int i = 0; i < rows.size(); i++) {
            double v = Double.parseDouble(rows.get(i)[1]);
            double y = 3 + i * rowH;
            String label = rows.get(i)[0];
            if (label.length() > 38) {
                label = label.substring(0, 37) + "…";
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"lbl\" text-anchor=\"end\">%s</text>",
                    labelW - 6, y + 13, esc(label)));
            double len = Math.abs(v) * scale;
            double x = v >= 0 ? zero : zero - len;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x, y, len,
                    rowH - 6, !signed ? POINT : v >= 0 ? POS : NEG));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\">%+.3f</text>",
                    signed ? labelW + barW + 4.0 : zero + len + 4, y + 13, v));
        }
        if (signed) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\" stroke=\"#888\"/>", zero, zero, ht));
        }
        return s.append("</svg>").toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0 auto;max-width:1100px;\
            padding:1.5rem;color:#222;line-height:1.45}
            h1{margin:.2rem 0}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}h3{margin:1rem 0 .4rem;font-size:1rem}
            .sub{color:#555;margin:.2rem 0}.imgrow{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-start;margin:.4rem 0}.imgrow>p{flex-basis:100%;margin:.2rem 0}
            .shapes{display:flex;flex-wrap:wrap;gap:.4rem;align-items:flex-start;margin:.4rem 0}svg.shape{max-width:100%;height:auto}
            figure.pairmap{margin:0;width:180px}figure.pairmap img{width:160px;height:160px;image-rendering:pixelated;border:1px solid #ccc}
            figure.pairmap figcaption{font-size:.72rem;overflow-wrap:anywhere}
            figure.px{margin:0;width:96px;text-align:center}figure.px img{width:84px;height:84px;image-rendering:pixelated;border:1px solid #ccc}
            figure.px figcaption{font-size:.72rem;overflow-wrap:anywhere}.truth{background:#fff4e6;border-left:4px solid #d9480f;padding:.4rem .8rem}
            .chart{width:100%;max-width:760px;height:auto}.ax{font-size:12px;fill:#555}.lbl{font-size:12px;fill:#222}.val{font-size:11px;fill:#444}
            table{border-collapse:collapse;font-size:.8rem;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .35rem;text-align:right}
            th{white-space:normal;vertical-align:bottom;max-width:6rem;hyphens:manual;overflow-wrap:break-word}td:first-child,th:first-child{position:sticky;left:0;background:#fff}
            th:first-child,td:first-child,td:nth-child(2),td:nth-child(3){text-align:left}td.best{font-weight:700;background:#e7f5ff}
            .kind{font-size:.8rem;color:#666;font-weight:400;border:1px solid #ccc;border-radius:4px;padding:0 .4rem}
            pre{background:#f8f9fa;border:1px solid #eee;padding:.6rem;overflow-x:auto;font-size:.8rem;max-height:28rem}
            .examples{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:1rem}
            .ex{border:1px solid #e5e5e5;border-radius:6px;padding:.5rem .8rem}.row code{font-size:.75rem;word-break:break-word}
            .cap,.note{color:#555;font-size:.85rem}.path li{margin:.1rem 0}.path .leaf{list-style:none;font-weight:700}
            .iv{background:#f3f0ff;padding:.3rem .5rem}table.concepts td{text-align:left}
            .scroll{overflow-x:auto}
            .heat span{padding:1px 3px;border-radius:3px;line-height:1.9;font-size:.85rem}
            footer{margin-top:3rem;color:#888;font-size:.8rem}
            """;
}
