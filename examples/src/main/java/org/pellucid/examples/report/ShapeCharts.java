package org.pellucid.examples.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.explain.ShapeFunctions;

/**
 * An additive model's shapes in the report: one small chart per column (a line for a number, bars
 * for categories) over a grey strip whose height is the share of rows at each value, and one heat
 * map per pair (blue lowers, red raises the explained logit, white is zero, on one scale per map).
 * Each chart is its own SVG in a wrapping row, so the page never scrolls sideways.
 */
public final class ShapeCharts {
    private static final int W = 250;
    private static final int H = 170;
    private static final int L = 44;
    private static final int TOP = 8;
    private static final int PLOT = 100; // height of the shape's plot area
    private static final int STRIP = 22; // height of the density strip under it

    private ShapeCharts() {}

    /** The JSON form {@code compare} writes: target, curves (column, labels, x, y, density), pairs (first, second, labels, z). */
    public static JsonObject toJson(ShapeFunctions f) {
        JsonObject o = new JsonObject();
        o.addProperty("target", f.target());
        JsonArray curves = new JsonArray();
        for (ShapeFunctions.Curve c : f.curves()) {
            JsonObject e = new JsonObject();
            e.addProperty("column", c.column());
            JsonArray labels = new JsonArray();
            c.labels().forEach(labels::add);
            e.add("labels", labels);
            e.add("x", array(c.x()));
            e.add("y", array(c.y()));
            e.add("density", array(c.density()));
            curves.add(e);
        }
        o.add("curves", curves);
        JsonArray pairs = new JsonArray();
        for (ShapeFunctions.Pair p : f.pairs()) {
            JsonObject e = new JsonObject();
            e.addProperty("first", p.first());
            e.addProperty("second", p.second());
            JsonArray xl = new JsonArray();
            p.xLabels().forEach(xl::add);
            JsonArray yl = new JsonArray();
            p.yLabels().forEach(yl::add);
            e.add("first_labels", xl);
            e.add("second_labels", yl);
            JsonArray z = new JsonArray();
            for (double[] row : p.z()) {
                z.add(array(row));
            }
            e.add("z", z);
            pairs.add(e);
        }
        o.add("pairs", pairs);
        return o;
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray();
        for (double d : v) {
            a.add(Math.round(d * 1e4) / 1e4);
        }
        return a;
    }

    /** The HTML for a model's shapes and pair maps. */
    public static String render(JsonObject o) {
        String target = o.get("target").getAsString();
        StringBuilder s = new StringBuilder("<h3>Shape functions</h3><p>Each column's contribution to the ").append(HtmlReport.esc(target))
                .append(" along its values (centred to average zero over the training rows); the grey strip under each chart is how many "
                        + "training rows sit at each value.</p><div class=\"shapes\">");
        for (JsonElement e : o.getAsJsonArray("curves")) {
            s.append(curve(e.getAsJsonObject()));
        }
        s.append("</div>");
        JsonArray pairs = o.getAsJsonArray("pairs");
        if (!pairs.isEmpty()) {
            s.append("<h3>Pairwise interactions</h3><p>What each pair adds beyond the two shapes (purified: it averages to zero along "
                    + "either column), first column downwards, second across; blue lowers, red raises the ").append(HtmlReport.esc(target))
                    .append(", white is zero.</p><div class=\"shapes\">");
            for (JsonElement e : pairs) {
                s.append(pair(e.getAsJsonObject()));
            }
            s.append("</div>");
        }
        return s.toString();
    }

    static String curve(JsonObject c) {
        double[] x = HtmlReport.doubles(c.getAsJsonArray("x"));
        double[] y = HtmlReport.doubles(c.getAsJsonArray("y"));
        double[] d = HtmlReport.doubles(c.getAsJsonArray("density"));
        List<String> labels = new ArrayList<>();
        c.getAsJsonArray("labels").forEach(l -> labels.add(l.getAsString()));
        boolean numeric = labels.isEmpty();
        double lo = Math.min(0, Arrays.stream(y).min().orElse(0));
        double hi = Math.max(0, Arrays.stream(y).max().orElse(0));
        double span = hi > lo ? hi - lo : 1;
        double dmax = Arrays.stream(d).max().orElse(1);
        int pw = W - L - 8;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"shape\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                        + "font-family=\"system-ui,sans-serif\"><title>%s</title>", W, H, W, H, HtmlReport.esc(c.get("column").getAsString())));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ccc\"/>", L, TOP, pw, PLOT));
        double zero = TOP + PLOT * (hi / span);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\" stroke-dasharray=\"3 3\"/>", L, L + pw,
                zero, zero));
        int n = x.length;
        double xlo = n == 0 ? 0 : x[0];
        double xhi = n == 0 ? 1 : x[n - 1];
        double bw = numeric ? Math.max(1, (double) pw / Math.max(1, n)) : (double) pw / Math.max(1, n);
        for (int i = 0; i < n; i++) {
            double px = numeric ? L + (xhi > xlo ? (x[i] - xlo) / (xhi - xlo) : 0.5) * pw : L + (i + 0.5) * bw;
            double h = dmax > 0 ? STRIP * d[i] / dmax : 0;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ced4da\"/>",
                    px - (numeric ? 1 : bw * 0.4), TOP + PLOT + 4 + STRIP - h, numeric ? 2 : bw * 0.8, h));
            if (!numeric) {
                double py = TOP + PLOT * (hi - Math.max(0, y[i])) / span;
                double ph = PLOT * Math.abs(y[i]) / span;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %+.3f</title></rect>",
                        px - bw * 0.4, py, bw * 0.8, Math.max(0.5, ph), y[i] >= 0 ? "#e8590c" : "#1c7ed6", HtmlReport.esc(labels.get(i)), y[i]));
            }
        }
        if (numeric && n > 0) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double px = L + (xhi > xlo ? (x[i] - xlo) / (xhi - xlo) : 0.5) * pw;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, TOP + PLOT * (hi - y[i]) / span));
            }
            s.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"#1c7ed6\" stroke-width=\"2\"/>");
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">%s</text>", L - 3, TOP + 9, EffectCharts.num(hi)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">%s</text>", L - 3, TOP + PLOT,
                EffectCharts.num(lo)));
        String first = numeric ? EffectCharts.num(xlo) : n > 0 ? labels.get(0) : "";
        String last = numeric ? EffectCharts.num(xhi) : n > 1 ? labels.get(n - 1) : "";
        int ly = TOP + PLOT + STRIP + 16;
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">%s</text>", L, ly, HtmlReport.esc(cut(first, 14))));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">%s</text>", L + pw, ly,
                HtmlReport.esc(cut(last, 14))));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", L + pw / 2, H - 4,
                HtmlReport.esc(cut(c.get("column").getAsString(), 30))));
        return s.append("</svg>").toString();
    }

    static String pair(JsonObject p) {
        JsonArray z = p.getAsJsonArray("z");
        int na = z.size();
        int nb = na == 0 ? 0 : z.get(0).getAsJsonArray().size();
        double max = 0;
        double[][] v = new double[na][];
        for (int a = 0; a < na; a++) {
            v[a] = HtmlReport.doubles(z.get(a).getAsJsonArray());
            for (double d : v[a]) {
                max = Math.max(max, Math.abs(d));
            }
        }
        int cell = Math.max(2, 160 / Math.max(1, Math.max(na, nb)));
        BufferedImage img = new BufferedImage(Math.max(1, nb * cell), Math.max(1, na * cell), BufferedImage.TYPE_INT_RGB);
        for (int a = 0; a < na; a++) {
            for (int b = 0; b < nb; b++) {
                int rgb = diverging(max > 0 ? v[a][b] / max : 0);
                for (int dy = 0; dy < cell; dy++) {
                    for (int dx = 0; dx < cell; dx++) {
                        img.setRGB(b * cell + dx, a * cell + dy, rgb);
                    }
                }
            }
        }
        JsonArray fl = p.getAsJsonArray("first_labels");
        JsonArray sl = p.getAsJsonArray("second_labels");
        String caption = String.format(Locale.ROOT, "%s (down: %s … %s) × %s (across: %s … %s), ±%.3f", p.get("first").getAsString(),
                label(fl, 0), label(fl, fl.size() - 1), p.get("second").getAsString(), label(sl, 0), label(sl, sl.size() - 1), max);
        return "<figure class=\"pairmap\"><img src=\"" + Pixels.dataUri(img) + "\" alt=\"" + HtmlReport.esc(caption) + "\"><figcaption>" + HtmlReport.esc(caption)
                + "</figcaption></figure>";
    }

    /** Blue (−1) through white (0) to red (+1). */
    static int diverging(double t) {
        double u = Math.max(-1, Math.min(1, t));
        int r;
        int g;
        int b;
        if (u >= 0) {
            r = 255;
            g = (int) Math.round(255 * (1 - 0.75 * u));
            b = (int) Math.round(255 * (1 - 0.85 * u));
        } else {
            r = (int) Math.round(255 * (1 + 0.85 * u));
            g = (int) Math.round(255 * (1 + 0.55 * u));
            b = 255;
        }
        return r << 16 | g << 8 | b;
    }

    private static String label(JsonArray a, int i) {
        return a.isEmpty() || i < 0 ? "" : cut(a.get(i).getAsString(), 16);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
