package org.pellucid.examples.contract;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pellucid.contract.ModelContract;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.ModelFamily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every registered model family is held to the shared contract by a suite that Surefire runs: a
 * concrete, top-level {@link ModelContract} subclass named {@code *Test}, in one of the modules'
 * test-jars on this class path (the way imodels' tests loop over its estimator registry). A family
 * added without a suite, or a suite nested or misnamed so that Surefire would skip it, fails here.
 */
class ContractCoverageTest {

    @Test
    void everyRegisteredFamilyHasAContractSuiteThatSurefireRuns() throws Exception {
        Map<String, List<String>> suites = new TreeMap<>();
        for (Class<?> c : contractSuites()) {
            assertTrue(c.getEnclosingClass() == null, c.getName() + " is nested: Surefire skips nested classes");
            assertTrue(c.getSimpleName().endsWith("Test"), c.getName() + " is not named *Test: Surefire skips it");
            Constructor<?> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            Method family = ModelContract.class.getDeclaredMethod("family");
            family.setAccessible(true);
            String kind = ((ModelFamily) family.invoke(k.newInstance())).kind();
            suites.computeIfAbsent(kind, x -> new ArrayList<>()).add(c.getSimpleName());
        }
        List<String> kinds = ModelFamilies.all().stream().map(ModelFamily::kind).sorted().toList();
        assertFalse(kinds.isEmpty());
        List<String> missing = kinds.stream().filter(k -> !suites.containsKey(k)).toList();
        assertEquals(List.of(), missing, "registered families without a contract suite (suites found: " + suites + ")");
        assertEquals(13, kinds.size(), "registered families (the 11 of issue #14, nam and ga2m): " + kinds);
    }

    /** Concrete ModelContract subclasses in the class path's test-jars and test-classes folders. */
    static List<Class<?>> contractSuites() throws IOException {
        List<Class<?>> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            for (String name : classNames(p)) {
                if (!name.endsWith("Test") && !name.contains("Test$")) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(name, false, ContractCoverageTest.class.getClassLoader());
                    if (ModelContract.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable here: not a suite of this build
                }
            }
        }
        return out;
    }

    private static List<String> classNames(Path p) throws IOException {
        List<String> names = new ArrayList<>();
        String file = p.getFileName() == null ? "" : p.getFileName().toString();
        if (file.endsWith("-tests.jar")) {
            try (JarFile jar = new JarFile(p.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        } else if (Files.isDirectory(p) && p.endsWith("test-classes")) {
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                    String rel = p.relativize(f).toString();
                    names.add(rel.substring(0, rel.length() - 6).replace(File.separatorChar, '.'));
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return names;
    }
}
