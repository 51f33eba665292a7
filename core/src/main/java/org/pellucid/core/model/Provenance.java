package org.pellucid.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a model came from: its kind, its options, the seed, a fingerprint of the training data and
 * the versions of the software that trained it. Saved with the model.
 */
public record Provenance(String kind, Map<String, String> options, long seed, String dataFingerprint,
                         String dataName, Map<String, String> versions, String created) {

    public Provenance {
        options = Map.copyOf(options);
        versions = Map.copyOf(versions);
    }

    /** Versions of Pellucid, Java and the deep-learning engine, as far as they are known. */
    public static Map<String, String> currentVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("pellucid", Versions.PELLUCID);
        v.put("java", System.getProperty("java.version"));
        v.put("djl", Versions.DJL);
        return v;
    }
}
