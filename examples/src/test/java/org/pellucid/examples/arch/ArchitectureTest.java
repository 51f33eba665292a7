package org.pellucid.examples.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's never-arrows, read from the main sources: {@code core} uses nothing above it; the
 * contract kit and every model module (and {@code eval}) use only {@code core} and themselves — no
 * model module reaches into another, and {@code eval} scores models through {@code core}'s
 * interfaces. Only {@code examples} (the CLI and programs) may name several modules.
 */
class ArchitectureTest {
    private static final Pattern REF = Pattern.compile("\\borg\\.pellucid\\.([a-z]+)\\b");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "core", Set.of("core"),
            "contract", Set.of("contract", "core"),
            "sparse", Set.of("sparse", "core"),
            "additive", Set.of("additive", "core"),
            "bottleneck", Set.of("bottleneck", "core"),
            "attention", Set.of("attention", "core"),
            "neurosymbolic", Set.of("neurosymbolic", "core"),
            "trees", Set.of("trees", "core"),
            "baselines", Set.of("baselines", "core"),
            "eval", Set.of("eval", "core"));

    @Test
    void modulesReferenceOnlyCoreAndThemselves() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Map<String, Set<String>> violations = new TreeMap<>();
        int files = 0;
        for (Map.Entry<String, Set<String>> m : ALLOWED.entrySet()) {
            Path src = root.resolve(m.getKey()).resolve("src/main/java");
            assertTrue(Files.isDirectory(src), "module sources at " + src);
            try (Stream<Path> s = Files.walk(src)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    Matcher x = REF.matcher(Files.readString(f));
                    while (x.find()) {
                        if (!m.getValue().contains(x.group(1))) {
                            violations.computeIfAbsent(root.relativize(f).toString(), k -> new TreeSet<>()).add("org.pellucid." + x.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "read the modules' sources (" + files + " files)");
        assertEquals(Map.of(), violations, "main code that reaches into a module it must not");
    }
}
