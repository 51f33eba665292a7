package org.pellucid.core.model;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * What a model adds to a training result beyond the fields every model has (scores, complexity,
 * provenance): its rules and what became of injected ones, its regularisation path, … Commands call
 * this and never name a model's class, so a new family brings its own extras without touching the CLI,
 * and the JSON it writes is what the HTML report reads.
 */
public interface Reportable {

    /**
     * Adds the model's own fields to {@code result} (a {@code train} or {@code compare} result object,
     * which already holds {@code complexity} when the model has one).
     */
    void addTo(JsonObject result);

    /** Lines to print under the model's one-line result summary (none is fine). */
    default List<String> summaryLines() {
        return List.of();
    }
}
