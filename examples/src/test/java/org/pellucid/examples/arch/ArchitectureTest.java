package org.pellucid.examples.arch;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house's never-arrows, read from the main sources: {@code core} uses nothing above it; the
 * contract kit and every model module (and {@code eval}) use only {@code core} and themselves — no
 * model module reaches into another, and {@code eval} scores models through {@code core}'s
 * interfaces. {@code examples} (the CLI, the report and the example programs) depends on every
 * module to put them on the class path, yet names no model module's class: it reaches models
 * through {@code core}'s interfaces and the registry only, as a user's own program would.
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

    private static final Pattern MODEL_REF =
            Pattern.compile("\\borg\\.pellucid\\.(sparse|additive|bottleneck|attention|neurosymbolic|trees|baselines)\\.[A-Z]\\w*");

    @Test
    void commandsReportAndProgramsNameNoModelClass() throws IOException {
        Path src = Path.of("..").toAbsolutePath().normalize().resolve("examples/src/main/java/org/pellucid/examples");
        Map<String, Set<String>> named = new TreeMap<>();
        int files = 0;
        for (String pkg : new String[] {"cli", "report", "programs"}) {
            try (Stream<Path> s = Files.walk(src.resolve(pkg))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    String rel = src.relativize(f).toString().replace('\\', '/');
                    Matcher x = MODEL_REF.matcher(Files.readString(f));
                    while (x.find()) {
                        named.computeIfAbsent(rel, k -> new TreeSet<>()).add(x.group());
                    }
                }
            }
        }
        assertTrue(files > 20, "read the commands' sources (" + files + " files)");
        assertEquals(Map.of(), named, "commands, the report or the example programs naming a model module's class instead of a core interface");
    }

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
