package org.pellucid.core.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting and parsing shared by loaders and explanations. */
public final class Numbers {
    private Numbers() {}

    /** Compact, locale-independent: integers without decimals, others with up to 4 significant decimals. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** Parses a number, or returns null when the text is not one (no exception on the hot path). */
    public static Double tryParse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        char c = s.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The roundest number t with {@code a <= t < b} — the fewest significant digits, tens and
     * thousands included — so a cut between two data values reads as a person would write it
     * ({@code age > 52}, not {@code age > 52.5}); {@code a} when {@code a >= b}.
     */
    public static double roundest(double a, double b) {
        if (!(a < b)) {
            return a;
        }
        int top = (int) Math.floor(Math.log10(Math.max(Math.abs(a), Math.abs(b)))) + 1;
        for (int k = top; k >= top - 17; k--) {
            BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(k);
            BigDecimal c = new BigDecimal(a).divide(step, 0, RoundingMode.CEILING).multiply(step);
            double t = c.doubleValue();
            if (t >= a && t < b) {
                return t;
            }
        }
        return a;
    }

    /** The first index of the ascending {@code sorted} whose value is at least {@code x} ({@code sorted.length} when none is). */
    public static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
