package org.pellucid.examples.cli;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pellucid.core.data.CsvLoader;
import org.pellucid.core.data.TableSpec;
import picocli.CommandLine.Option;

/** The data options every data-reading command shares (a picocli mixin). */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "D",
            description = "A registry name (see `pellucid datasets`), synthetic:NAME[:ROWS], or a .csv/.tsv/.arff/.data file.")
    String data;

    @Option(names = "--target", paramLabel = "COL",
            description = "Target column (default: the format's convention, the model's target, or a CSV's last column).")
    String target;

    @Option(names = "--missing", defaultValue = "impute", paramLabel = "RULE",
            description = "Missing values: impute, drop or error (default ${DEFAULT-VALUE}).")
    String missing;

    @Option(names = "--ignore", paramLabel = "COL[,COL...]", split = ",",
            description = "Columns to leave out (identifiers, free text, leaks).")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--id", paramLabel = "COL",
            description = "An identifier column: never a feature, kept in predict's output.")
    String id;

    @Option(names = "--allow-id-like",
            description = "Keep columns that look like identifiers or free text as features (refused by default).")
    boolean allowIdLike;

    @Option(names = "--header", defaultValue = "auto", paramLabel = "yes|no|auto",
            description = "Whether a delimited file's first line names the columns (default ${DEFAULT-VALUE}: guessed).")
    String header;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field separator of a delimited file: one character, or 'tab' (default: tab for .tsv, else comma).")
    String delimiter;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "NAME",
            description = "Character set of text files, e.g. ISO-8859-1 (default ${DEFAULT-VALUE}; invalid bytes are an error).")
    String encoding;

    /** The table spec these options describe (target, columns left out, text format, missing rule). */
    TableSpec spec() {
        TableSpec s = TableSpec.defaults().withMissing(Cli.missing(missing));
        if (target != null) {
            s = s.withTarget(target);
        }
        List<String> out = new ArrayList<>(ignore);
        if (id != null && !out.contains(id)) {
            out.add(id);
        }
        if (id != null && id.equals(target)) {
            throw new Pellucid.UsageException("--id " + id + " is also the --target");
        }
        return s.withIgnore(out).withAllowIdLike(allowIdLike).withHeader(header()).withDelimiter(delimiter())
                .withEncoding(charset());
    }

    private CsvLoader.Header header() {
        return switch (header.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "present" -> CsvLoader.Header.PRESENT;
            case "no", "false", "absent" -> CsvLoader.Header.ABSENT;
            case "auto" -> CsvLoader.Header.AUTO;
            default -> throw new Pellucid.UsageException("--header must be yes, no or auto, got '" + header + "'");
        };
    }

    private Character delimiter() {
        if (delimiter == null) {
            return null;
        }
        if (delimiter.equals("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new Pellucid.UsageException("--delimiter must be one character or 'tab', got '" + delimiter + "'");
        }
        return delimiter.charAt(0);
    }

    private Charset charset() {
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalArgumentException e) {
            throw new Pellucid.UsageException("--encoding: unknown character set '" + encoding + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
        }
    }
}
