package org.pellucid.examples.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.DatasetException;
import org.pellucid.core.data.DatasetRegistry;
import org.pellucid.core.data.MissingPolicy;
import org.pellucid.core.data.SuspectColumnsException;
import org.pellucid.core.data.TableSpec;

/** Helpers the commands share: loading data as the CLI contract says, writing JSON atomically. */
final class Cli {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .serializeSpecialFloatingPointValues().create();

    private Cli() {}

    static MissingPolicy missing(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "impute" -> MissingPolicy.IMPUTE;
            case "drop" -> MissingPolicy.DROP_ROWS;
            case "error" -> MissingPolicy.ERROR;
            default -> throw new Pellucid.UsageException("--missing must be impute, drop or error, got '" + s + "'");
        };
    }

    /** True for the delimited text files whose target is, by default, the last column. */
    static boolean delimited(String data) {
        String lower = data.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".csv.gz") || lower.endsWith(".tsv.gz")
                || lower.endsWith(".txt") || lower.endsWith(".tab");
    }

    /**
     * Loads D (registry name, synthetic:NAME, or a file). For a CSV without --target the last column
     * is the target, and the CLI says so on stderr (also when loading then fails); missing values,
     * and columns left out, are reported, never silent.
     */
    static Dataset load(DataOptions o, PrintWriter err) {
        return load(o.data, o.spec(), err);
    }

    static Dataset load(String data, TableSpec spec, PrintWriter err) {
        boolean lastColumn = spec.target() == null && delimited(data);
        Dataset d;
        try {
            d = DatasetRegistry.load(data, spec);
        } catch (SuspectColumnsException e) {
            throw e;
        } catch (DatasetException e) {
            if (lastColumn && e.getMessage().contains("target")) {
                throw new DatasetException(e.getMessage()
                        + " (no --target was given, so the last column is the target)");
            }
            throw e;
        }
        if (lastColumn) {
            err.println("pellucid: no --target given; using the last column, '" + d.schema().target().name() + "'");
        }
        d.notes().forEach(n -> err.println("pellucid: " + d.name() + ": " + n));
        if (!d.missing().isEmpty()) {
            err.println("pellucid: " + d.name() + ": " + d.missing().summary());
        }
        return d;
    }

    static Dataset load(String data, String target, String missing, PrintWriter err) {
        TableSpec spec = TableSpec.defaults().withMissing(missing(missing));
        return load(data, target == null ? spec : spec.withTarget(target), err);
    }

    /**
     * Writes JSON with no NaN or Infinity in it (strict parsers refuse them): each such number
     * becomes {@code null} with a sibling {@code NAME_null_reason}. Written as {@link #writeText}.
     */
    static void writeJson(Path file, JsonElement json) {
        writeText(file, GSON.toJson(finite(json)) + "\n");
    }

    /** A copy of {@code e} whose non-finite numbers are null, each with its reason beside it. */
    static JsonElement finite(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            for (var m : e.getAsJsonObject().entrySet()) {
                JsonElement v = m.getValue();
                if (nonFinite(v)) {
                    out.add(m.getKey(), JsonNull.INSTANCE);
                    out.addProperty(m.getKey() + "_null_reason", reason(v.getAsDouble()));
                } else {
                    out.add(m.getKey(), finite(v));
                }
            }
            return out;
        }
        if (e.isJsonArray()) {
            JsonArray out = new JsonArray();
            for (JsonElement v : e.getAsJsonArray()) {
                out.add(nonFinite(v) ? JsonNull.INSTANCE : finite(v));
            }
            return out;
        }
        return e;
    }

    private static boolean nonFinite(JsonElement v) {
        return v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() && !Double.isFinite(v.getAsDouble());
    }

    private static String reason(double d) {
        return Double.isNaN(d) ? "undefined (no rows, or a 0/0 such as the F1 of a class never predicted nor present)"
                : "infinite";
    }

    /**
     * Checks before any work that {@code file} can be written: not a directory, and its folder
     * exists (or can be made) and is writable. Throws a usage error naming {@code option}.
     */
    static void requireWritable(Path file, String option) {
        if (file == null) {
            return;
        }
        Path target = resolveLinks(file);
        if (Files.isDirectory(target)) {
            throw new Pellucid.UsageException(option + " " + file + " is a directory; give a file name");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            if (!Files.isWritable(target)) {
                throw new Pellucid.UsageException(option + " " + file + ": not writable");
            }
            return; // a device or FIFO is written into, never replaced
        }
        requireWritableFolder(target.toAbsolutePath().getParent(), option, file);
    }

    /**
     * Checks before any work that {@code dir} can be a directory of outputs (a model, a report):
     * it is a directory already, or can be made in a writable folder.
     */
    static void requireDirectory(Path dir, String option) {
        if (dir == null) {
            return;
        }
        Path d = resolveLinks(dir);
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw new Pellucid.UsageException(option + " " + dir + " exists and is not a directory");
        }
        requireWritableFolder(d, option, dir);
    }

    /** The nearest existing folder at or above {@code dir} must be a writable directory (the rest can be made). */
    private static void requireWritableFolder(Path dir, String option, Path named) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new Pellucid.UsageException(option + " " + named + ": " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new Pellucid.UsageException(option + " " + named + ": the directory " + existing + " is not writable");
        }
    }

    /** The file a path names after following symbolic links (a dangling link: where it points). */
    static Path resolveLinks(Path file) {
        Path p = file.toAbsolutePath();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
            try {
                p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                throw new Pellucid.UsageException("cannot follow the link " + file + ": " + e.getMessage());
            }
        }
        return p;
    }

    /**
     * Writes text as UTF-8. A regular file (or a new one) is written to a temporary file beside it,
     * created with the process's umask like any new file, and renamed over it, so a reader never
     * sees half a file and an interrupted write leaves the old one; a symbolic link is written
     * through (the file it points to is replaced, the link stays); a device or FIFO is written
     * into directly, never replaced.
     */
    static void writeText(Path file, String text) {
        try (AtomicOutput out = new AtomicOutput(file, "output")) {
            try {
                out.writer().write(text);
            } catch (IOException e) {
                throw new Pellucid.UsageException("cannot write " + file + ": " + e.getMessage());
            }
            out.commit();
        }
    }

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /** One-line JSON, non-finite numbers as null (for a CSV cell). */
    static String compact(JsonElement e) {
        return COMPACT.toJson(finite(e));
    }

    static String json(JsonElement e) {
        return GSON.toJson(e);
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
