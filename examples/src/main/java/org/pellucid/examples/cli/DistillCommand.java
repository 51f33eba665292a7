package org.pellucid.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Distil any model into a small decision tree. Not available yet: it arrives with the trees module (issue #7).")
final class DistillCommand implements Callable<Integer> {
    @Option(names = "--teacher", paramLabel = "MODEL|DIR")
    String teacher;

    @Option(names = "--data", paramLabel = "D")
    String data;

    @Option(names = "--max-leaves", paramLabel = "N")
    Integer maxLeaves;

    @Option(names = "--json", paramLabel = "FILE")
    String json;

    @Override
    public Integer call() {
        throw new Pellucid.UsageException("distill is not available yet: tree surrogates arrive with the trees module (issue #7)");
    }
}
