package org.pellucid.examples.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pellucid.eval.global.AccumulatedLocalEffects;
import org.pellucid.eval.global.PartialDependence;

/** Small line charts of global effects (PDP with ICE, ALE), one panel per column, as one SVG. */
public final class EffectCharts {
    private static final int W = 300;
    private static final int H = 200;
    private static final int L = 46;
    private static final int B = 38;

    private EffectCharts() {}

    /** PDP (thick) over ICE curves (thin), one panel per column, side by side. */
    public static String pdp(List<PartialDependence> curves) {
        StringBuilder s = open(curves.size());
        for (int c = 0; c < curves.size(); c++) {
            PartialDependence pd = curves.get(c);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] ice : pd.ice()) {
                for (double v : ice) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            for (double v : pd.pdp()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double[] x = positions(pd.values().length, pd.values(), pd.grid().size() == pd.values().length);
            panel(s, c, pd.column(), pd.target(), lo, hi, pd.grid().get(0), pd.grid().get(pd.grid().size() - 1));
            for (double[] ice : pd.ice()) {
                line(s, c, x, ice, lo, hi, "#a5c8ec", 0.8);
            }
            line(s, c, x, pd.pdp(), lo, hi, "#1c7ed6", 2.5);
        }
        return s.append("</svg>").toString();
    }

    /** ALE curves, one panel per column. */
    public static String ale(List<AccumulatedLocalEffects> curves) {
        StringBuilder s = open(curves.size());
        for (int c = 0; c < curves.size(); c++) {
            AccumulatedLocalEffects a = curves.get(c);
            double lo = Arrays.stream(a.ale()).min().orElse(0);
            double hi = Arrays.stream(a.ale()).max().orElse(1);
            panel(s, c, a.column(), "ALE of " + a.target(), lo, hi, num(a.edges()[0]), num(a.edges()[a.edges().length - 1]));
            line(s, c, positions(a.edges().length, a.edges(), true), a.ale(), lo, hi, "#d9480f", 2.5);
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(int panels) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"effects\" viewBox=\"0 0 %d %d\" style=\"width:100%%;max-width:%dpx;height:auto\""
                        + " font-family=\"system-ui,sans-serif\">", W * panels, H, W * panels));
    }

    /** Grid positions in [0, 1]: by value for numbers, evenly for categories. */
    private static double[] positions(int n, double[] values, boolean byValue) {
        double[] x = new double[n];
        double lo = values[0];
        double hi = values[n - 1];
        for (int i = 0; i < n; i++) {
            x[i] = n == 1 ? 0.5 : byValue && hi > lo ? (values[i] - lo) / (hi - lo) : (double) i / (n - 1);
        }
        return x;
    }

    private static void panel(StringBuilder s, int c, String column, String target, double lo, double hi, String first, String last) {
        int ox = c * W;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
                ox + L, W - L - 10, H - B - 10));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", ox + (L + W - 10) / 2,
                H - 8, esc(column)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">%s</text>", ox + L, H - B + 12, esc(first)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">%s</text>", ox + W - 10,
                H - B + 12, esc(last)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">%s</text>", ox + L - 4, num(hi)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">%s</text>", ox + L - 4,
                H - B, num(lo)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\" transform=\"rotate(-90 %d %d)\" "
                + "text-anchor=\"middle\">%s</text>", ox + 10, (H - B) / 2 + 5, ox + 10, (H - B) / 2 + 5, esc(target)));
    }

    private static void line(StringBuilder s, int c, double[] x, double[] y, double lo, double hi, String colour, double width) {
        StringBuilder pts = new StringBuilder();
        double span = hi > lo ? hi - lo : 1;
        for (int i = 0; i < x.length; i++) {
            double px = c * W + L + x[i] * (W - L - 10);
            double py = 10 + (H - B - 10) * (1 - (y[i] - lo) / span);
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        }
        s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"/>", pts.toString().trim(),
                colour, width));
    }

    /** A tick or axis number: whole above 100, three significant digits below (ShapeCharts uses it too). */
    static String num(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
