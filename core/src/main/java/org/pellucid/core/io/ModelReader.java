package org.pellucid.core.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.pellucid.core.data.Schema;
import org.pellucid.core.model.Provenance;

/** What {@link ModelStore} read back, handed to a model family to rebuild its model. */
public final class ModelReader {
    private final Path dir;
    private final Schema schema;
    private final Provenance provenance;
    private final JsonObject settings;
    private final Map<String, double[]> doubles;
    private final Map<String, float[]> floats;

    ModelReader(Path dir, Schema schema, Provenance provenance, JsonObject settings, Map<String, double[]> doubles,
                Map<String, float[]> floats) {
        this.dir = dir;
        this.schema = schema;
        this.provenance = provenance;
        this.settings = settings;
        this.doubles = doubles;
        this.floats = floats;
    }

    public Schema schema() {
        return schema;
    }

    public Provenance provenance() {
        return provenance;
    }

    public JsonElement get(String key) {
        JsonElement e = settings.get(key);
        if (e == null) {
            throw new ModelFormatException(dir + ": the manifest lacks '" + key + "'");
        }
        return e;
    }

    /** Whether the manifest has {@code key} (for settings added after a format was first written). */
    public boolean has(String key) {
        return settings.has(key);
    }

    public String getString(String key) {
        return get(key).getAsString();
    }

    public double[] doubles(String name) {
        double[] v = doubles.get(name);
        if (v == null) {
            throw new ModelFormatException(dir + ": the parameter file lacks array '" + name + "'");
        }
        return v.clone();
    }

    public float[] floats(String name) {
        float[] v = floats.get(name);
        if (v == null) {
            throw new ModelFormatException(dir + ": the parameter file lacks array '" + name + "'");
        }
        return v.clone();
    }
}
