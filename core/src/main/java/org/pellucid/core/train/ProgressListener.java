package org.pellucid.core.train;

import java.io.PrintStream;
import java.util.Locale;

/** Receives a report after every epoch. */
@FunctionalInterface
public interface ProgressListener {

    void onEpoch(EpochReport r);

    /** Called once when training ends (early or not). */
    default void onEnd(int bestEpoch, String reason) {}

    /** A line about progress that is not an epoch (a point of a regularisation path, say). */
    default void onMessage(String line) {}

    static ProgressListener silent() {
        return r -> {};
    }

    /** A bar redrawn in place when stderr is a terminal, one plain line per epoch otherwise. */
    static ProgressListener auto(String label) {
        return System.console() != null ? bar(label, System.err) : lines(label, System.err);
    }

    /** Only the final line: for commands that train many models in a row. */
    static ProgressListener summary(String label, PrintStream out) {
        return new ProgressListener() {
            @Override
            public void onEpoch(EpochReport r) {}

            @Override
            public void onEnd(int bestEpoch, String reason) {
                out.println(label + " done: " + reason + ", keeping epoch " + bestEpoch);
            }

            @Override
            public void onMessage(String line) {
                out.println(label + " " + line);
            }
        };
    }

    static ProgressListener lines(String label, PrintStream out) {
        return new ProgressListener() {
            @Override
            public void onEpoch(EpochReport r) {
                out.println(String.format(Locale.ROOT, "%s epoch %d/%d loss %.4f%s at most %.0fs left", label, r.epoch(), r.epochs(),
                        r.loss(), Double.isNaN(r.validation()) ? "" : String.format(Locale.ROOT, " valid %.4f", r.validation()),
                        r.etaSeconds()));
            }

            @Override
            public void onEnd(int bestEpoch, String reason) {
                out.println(label + " done: " + reason + ", keeping epoch " + bestEpoch);
            }

            @Override
            public void onMessage(String line) {
                out.println(label + " " + line);
            }
        };
    }

    static ProgressListener bar(String label, PrintStream out) {
        return new ProgressListener() {
            @Override
            public void onEpoch(EpochReport r) {
                int width = 24;
                int filled = (int) Math.round(width * (double) r.epoch() / r.epochs());
                out.print(String.format(Locale.ROOT, "\r%s [%s%s] epoch %d/%d loss %.4f%s ≤ %.0fs left   ", label,
                        "#".repeat(filled), ".".repeat(width - filled), r.epoch(), r.epochs(), r.loss(),
                        Double.isNaN(r.validation()) ? "" : String.format(Locale.ROOT, " valid %.4f", r.validation()),
                        r.etaSeconds()));
                out.flush();
            }

            @Override
            public void onEnd(int bestEpoch, String reason) {
                out.println();
                out.println(label + " done: " + reason + ", keeping epoch " + bestEpoch);
            }

            @Override
            public void onMessage(String line) {
                out.println();
                out.println(label + " " + line);
            }
        };
    }
}
