package org.pellucid.examples.cli;

import org.junit.jupiter.api.Test;
import org.pellucid.core.model.Versions;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's help prints without picocli warnings, and every option and parameter says what it does. */
class HelpTest {

    @Test
    void everyHelpPrintsCleanlyAndDescribesEveryOption() {
        CommandLine root = new CommandLine(new Pellucid());
        check(CliTest.run("--help"), "pellucid");
        for (var e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            check(CliTest.run(e.getKey(), "--help"), e.getKey());
            var spec = e.getValue().getCommandSpec();
            String[] desc = spec.usageMessage().description();
            assertTrue(desc.length > 0 && desc[0].strip().endsWith("."), e.getKey() + ": the summary is one whole sentence: "
                    + (desc.length > 0 ? desc[0] : "(none)"));
            for (CommandLine.Model.OptionSpec o : spec.options()) {
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), e.getKey() + " " + o.longestName() + " has no description");
            }
            for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
                assertTrue(p.description().length > 0 && !p.description()[0].isBlank(), e.getKey() + " " + p.paramLabel() + " has no description");
            }
        }
    }

    @Test
    void theVersionIsTheBuilds() {
        CliTest.Run r = CliTest.run("--version");
        assertEquals("pellucid " + Versions.PELLUCID, r.out().strip());
        assertTrue(Versions.PELLUCID.matches("\\d+\\.\\d+\\.\\d+.*"), Versions.PELLUCID);
        assertEquals(r.out(), CliTest.run("train", "--version").out(), "subcommands print the same version");
    }

    private static void check(CliTest.Run r, String what) {
        assertEquals(0, r.code(), what + ": " + r.err());
        assertFalse(r.out().contains("WARN") || r.err().contains("WARN"), what + " --help warns: " + r.err() + r.out());
        assertTrue(r.out().startsWith("Usage:"), what + ": " + r.out());
    }

}
