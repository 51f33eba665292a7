package org.pellucid.examples.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.DatasetRegistry;
import org.pellucid.core.data.MissingPolicy;
import org.pellucid.core.data.TableSpec;

/** Helpers the commands share: loading data as the CLI contract says, writing JSON atomically. */
final class Cli {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
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

    /**
     * Loads D (registry name, synthetic:NAME, or a file). For a CSV without --target the last column
     * is the target, and the CLI says so on stderr; missing values are reported, never silent.
     */
    static Dataset load(String data, String target, String missing, PrintWriter err) {
        TableSpec spec = TableSpec.defaults().withMissing(missing(missing));
        if (target != null) {
            spec = spec.withTarget(target);
        }
        Dataset d = DatasetRegistry.load(data, spec);
        String lower = data.toLowerCase(Locale.ROOT);
        if (target == null && (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".csv.gz")
                || lower.endsWith(".txt") || lower.endsWith(".tab"))) {
            err.println("pellucid: no --target given; using the last column, '" + d.schema().target().name() + "'");
        }
        if (!d.missing().isEmpty()) {
            err.println("pellucid: " + d.name() + ": " + d.missing().summary());
        }
        return d;
    }

    /** Writes JSON to a temporary file beside {@code file}, then renames it into place. */
    static void writeJson(Path file, JsonElement json) {
        writeText(file, GSON.toJson(json) + "\n");
    }

    static void writeText(Path file, String text) {
        try {
            Path abs = file.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new Pellucid.UsageException("cannot write " + file + ": " + e.getMessage());
        }
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
