package org.pellucid.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.pellucid.core.data.DatasetException;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.model.Versions;
import org.pellucid.core.train.NonFiniteLossException;
import org.pellucid.core.train.TrainingException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code pellucid} command line. Exit codes: 0 success; 2 bad input or usage (one line on
 * stderr, no stack trace); 1 internal error (set {@code PELLUCID_DEBUG=1} for the stack trace).
 */
@Command(name = "pellucid", mixinStandardHelpOptions = true, versionProvider = Pellucid.Version.class,
        description = "Interpretable-by-construction models, and numbers for how good their explanations are.",
        subcommands = {DemoCommand.class, DatasetsCommand.class, DoctorCommand.class, TrainCommand.class, PredictCommand.class, ExplainCommand.class,
                EvaluateCommand.class, DistillCommand.class, CompareCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Pellucid implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see pellucid --help");
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: without LANG the JVM's default would print "tree←rf" as "tree?rf"
        System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd),
                StandardCharsets.UTF_8), true);
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Pellucid());
        TrainCommand.installHelp(cl.getSubcommands().get("train"));
        cl.getSubcommands().values().forEach(c -> c.getCommandSpec().versionProvider(new Version()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("pellucid: " + oneLine(ex.getMessage()));
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (isBadInput(ex)) {
                err.println("pellucid: " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            err.println("pellucid: internal error: " + oneLine(String.valueOf(ex)));
            if (System.getenv("PELLUCID_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("pellucid: set PELLUCID_DEBUG=1 for the stack trace");
            }
            return INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(outOfMemory(args));
            return INTERNAL;
        } finally {
            // print() does not flush an autoflush PrintWriter: the last explanation text would be lost
            out.flush();
            err.flush();
        }
    }

    /** One line for an OutOfMemoryError: the heap limit, the input's size, and how to raise the limit. */
    static String outOfMemory(String[] args) {
        long max = Runtime.getRuntime().maxMemory() >> 20;
        String input = "";
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--data") || args[i].equals("--layers") || args[i].equals("--tokens")) {
                String v = args[i + 1];
                Path p = Path.of(v);
                String size = "";
                try {
                    if (Files.isRegularFile(p)) {
                        size = String.format(Locale.ROOT, " (%.1f MiB)", Files.size(p) / 1048576.0);
                    }
                } catch (IOException | InvalidPathException e) {
                    // the size is a courtesy
                }
                input += " " + args[i] + " " + v + size;
            }
        }
        return "pellucid: out of memory with a " + max + " MiB heap" + (input.isEmpty() ? "" : " on" + input)
                + "; give the JVM more, e.g. PELLUCID_JAVA_OPTS=-Xmx" + Math.max(2, 2 * ((max + 1023) / 1024)) + "g, or use less data";
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof DatasetException || ex instanceof ModelFormatException || ex instanceof UsageException
                || ex instanceof IllegalArgumentException || ex instanceof NonFiniteLossException
                || ex instanceof TrainingException;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }

    /** The version line: the build's own version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pellucid " + Versions.PELLUCID};
        }
    }

    /** A user error the CLI reports in one line with exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
