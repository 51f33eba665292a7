package org.pellucid.core.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pellucid.core.data.Dataset;

/**
 * Where a model came from: its kind, the options it was trained with, the seed, a fingerprint of the
 * training data, the versions of the software that trained it, and what training found
 * ({@link TrainingSummary}: results are kept out of {@code options}). Saved with the model.
 */
public record Provenance(String kind, Map<String, String> options, long seed, String dataFingerprint,
                         String dataName, Map<String, String> versions, String created, TrainingSummary training) {

    public Provenance {
        options = Map.copyOf(options);
        versions = Map.copyOf(versions);
        training = training == null ? TrainingSummary.none() : training;
    }

    /** Provenance with nothing yet recorded of training. */
    public Provenance(String kind, Map<String, String> options, long seed, String dataFingerprint, String dataName,
                      Map<String, String> versions, String created) {
        this(kind, options, seed, dataFingerprint, dataName, versions, created, TrainingSummary.none());
    }

    /**
     * Provenance of a model of {@code kind} trained now on {@code train} with {@code options} and
     * {@code seed}, under this build's versions.
     */
    public static Provenance of(String kind, Map<String, String> options, long seed, Dataset train) {
        return new Provenance(kind, options, seed, train.fingerprint(), train.name(), currentVersions(), Instant.now().toString());
    }

    public Provenance withTraining(TrainingSummary t) {
        return new Provenance(kind, options, seed, dataFingerprint, dataName, versions, created, t);
    }

    /** Whether the data with this fingerprint is the data the model was trained on. */
    public boolean trainedOn(String fingerprint) {
        return dataFingerprint != null && dataFingerprint.equals(fingerprint);
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
