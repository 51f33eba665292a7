package org.pellucid.examples.cli;

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
}
