package org.pellucid.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's model option tables are the ones the option tables generate: defaults live in one place. */
class ReadmeOptionsTest {

    @Test
    void readmeOptionTablesMatchTheFamiliesOptionTables() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int b = text.indexOf(OptionDocs.BEGIN);
        int e = text.indexOf(OptionDocs.END);
        assertTrue(b >= 0 && e > b, "README.md has the markers " + OptionDocs.BEGIN + " … " + OptionDocs.END);
        String inReadme = text.substring(b + OptionDocs.BEGIN.length(), e).strip();
        String generated = OptionDocs.markdown().strip();
        if (!inReadme.equals(generated)) {
            Path want = Path.of("target", "README-model-options.md");
            Files.writeString(want, generated + "\n");
            assertEquals(generated, inReadme, "README's option tables are stale; the generated ones are in " + want.toAbsolutePath()
                    + " (or run scripts/update-readme-options.sh)");
        }
    }
}
