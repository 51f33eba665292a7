package org.pellucid.core.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects what a model saves: JSON settings for the manifest and named numeric arrays. */
public final class ModelWriter {
    final JsonObject settings = new JsonObject();
    final Map<String, double[]> doubles = new LinkedHashMap<>();
    final Map<String, float[]> floats = new LinkedHashMap<>();

    public ModelWriter put(String key, JsonElement value) {
        settings.add(key, value);
        return this;
    }

    public ModelWriter put(String key, String value) {
        settings.addProperty(key, value);
        return this;
    }

    public ModelWriter put(String key, Number value) {
        settings.addProperty(key, value);
        return this;
    }

    public ModelWriter array(String name, double[] values) {
        checkName(name);
        doubles.put(name, values.clone());
        return this;
    }

    public ModelWriter array(String name, float[] values) {
        checkName(name);
        floats.put(name, values.clone());
        return this;
    }

    private void checkName(String name) {
        if (doubles.containsKey(name) || floats.containsKey(name)) {
            throw new IllegalArgumentException("array '" + name + "' written twice");
        }
    }
}
