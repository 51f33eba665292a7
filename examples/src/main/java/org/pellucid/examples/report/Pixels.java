package org.pellucid.examples.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Images for the report as inline PNG data URIs: grey pixels, optionally with a heat map over them. */
final class Pixels {
    private Pixels() {}

    /**
     * One h × w image from {@code gray} at {@code offset} (values in [0, 1]); where {@code heat} is
     * given, each pixel is blended toward red-yellow by its heat divided by {@code heatMax}.
     */
    static String png(double[] gray, double[] heat, double heatMax, int offset, int h, int w) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int q = offset + y * w + x;
                double g = Math.min(1, Math.max(0, gray[q]));
                double r = g;
                double gr = g;
                double b = g;
                if (heat != null && heatMax > 0) {
                    double a = 0.75 * Math.min(1, Math.max(0, heat[q] / heatMax));
                    double t = Math.min(1, Math.max(0, heat[q] / heatMax));
                    r = (1 - a) * g + a;
                    gr = (1 - a) * g + a * t;
                    b = (1 - a) * g;
                }
                img.setRGB(x, y, (int) Math.round(r * 255) << 16 | (int) Math.round(gr * 255) << 8 | (int) Math.round(b * 255));
            }
        }
        return dataUri(img);
    }

    /** The image stretched so its smallest value is black and its largest white. */
    static String stretched(double[] v, int offset, int h, int w) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int q = offset; q < offset + h * w; q++) {
            lo = Math.min(lo, v[q]);
            hi = Math.max(hi, v[q]);
        }
        double[] s = new double[v.length];
        for (int q = offset; q < offset + h * w; q++) {
            s[q] = hi > lo ? (v[q] - lo) / (hi - lo) : 0;
        }
        return png(s, null, 0, offset, h, w);
    }

    static String dataUri(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
