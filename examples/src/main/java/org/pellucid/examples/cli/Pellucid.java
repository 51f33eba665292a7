package org.pellucid.examples.cli;

import java.io.PrintWriter;
import org.pellucid.core.data.DatasetException;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.train.NonFiniteLossException;
import org.pellucid.core.train.TrainingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pellucid} command line. Exit codes: 0 success; 2 bad input or usage (one line on
 * stderr, no stack trace); 1 internal error (set {@code PELLUCID_DEBUG=1} for the stack trace).
 */
@Command(name = "pellucid", mixinStandardHelpOptions = true, version = "pellucid 0.1.0",
        description = "Interpretable-by-construction models, and numbers for how good their explanations are.",
        subcommands = {DemoCommand.class, DatasetsCommand.class, TrainCommand.class, PredictCommand.class, ExplainCommand.class,
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
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Pellucid());
        TrainCommand.installHelp(cl.getSubcommands().get("train"));
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
        } finally {
            // print() does not flush an autoflush PrintWriter: the last explanation text would be lost
            out.flush();
            err.flush();
        }
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof DatasetException || ex instanceof ModelFormatException || ex instanceof UsageException
                || ex instanceof IllegalArgumentException || ex instanceof NonFiniteLossException
                || ex instanceof TrainingException;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }

    /** A user error the CLI reports in one line with exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
