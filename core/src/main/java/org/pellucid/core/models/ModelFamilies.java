package org.pellucid.core.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.pellucid.core.io.ModelFormatException;
import org.pellucid.core.io.ModelStore;
import org.pellucid.core.io.Savable;

/** Finds model families through {@link ServiceLoader}, and loads saved models of any family. */
public final class ModelFamilies {
    private ModelFamilies() {}

    /** Every registered family, sorted by {@link ModelFamily#kind()}. */
    public static List<ModelFamily> all() {
        Map<String, ModelFamily> m = new LinkedHashMap<>();
        for (ModelFamily f : ServiceLoader.load(ModelFamily.class)) {
            m.putIfAbsent(f.kind(), f);
        }
        // by name: the service loader's order follows the classpath, which differs between the CLI's
        // jar directory and a test run, and help, README tables and reports must not depend on it
        List<ModelFamily> all = new ArrayList<>(m.values());
        all.sort(Comparator.comparing(ModelFamily::kind));
        return all;
    }

    public static ModelFamily get(String kind) {
        for (ModelFamily f : all()) {
            if (f.kind().equals(kind)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model '" + kind + "'; available: "
                + String.join(", ", all().stream().map(ModelFamily::kind).toList()));
    }

    /** Reads, verifies and rebuilds a saved model. */
    public static Savable load(Path dir) {
        ModelStore.Loaded l = ModelStore.read(dir);
        ModelFamily family;
        try {
            family = get(l.kind());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir + ": model kind '" + l.kind() + "' is not available in this installation");
        }
        try {
            return family.read(l.reader());
        } catch (ModelFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFormatException(dir + ": the saved " + l.kind() + " model is inconsistent (" + e.getMessage() + ")", e);
        }
    }
}
