package org.pellucid.core.model;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What training found, kept apart from the options it was given: the best epoch and why training
 * stopped, validation figures, and the choices training made (the restart kept, the penalty chosen).
 * Saved with the model in its {@link Provenance}; {@code train --json} shows it as {@code training.*}.
 *
 * @param figures numbers, by snake_case name ({@code best_epoch}, {@code crisp_valid_macro_f1}, …)
 * @param notes words, by snake_case name ({@code stop_reason}, {@code chosen_restart}, …)
 */
public record TrainingSummary(Map<String, Double> figures, Map<String, String> notes) {

    public TrainingSummary {
        figures = Map.copyOf(figures);
        notes = Map.copyOf(notes);
    }

    /** Nothing recorded (a model trained without epochs, or saved before summaries existed). */
    public static TrainingSummary none() {
        return new TrainingSummary(Map.of(), Map.of());
    }

    /** The best epoch (1-based, as the trainer counts) and the reason training stopped. */
    public static TrainingSummary ofEpochs(int bestEpoch, String stopReason) {
        return none().with("best_epoch", bestEpoch).withNote("stop_reason", stopReason == null ? "" : stopReason);
    }

    public TrainingSummary with(String name, double value) {
        Map<String, Double> f = new TreeMap<>(figures);
        f.put(name, value);
        return new TrainingSummary(f, notes);
    }

    public TrainingSummary withNote(String name, String value) {
        Map<String, String> n = new TreeMap<>(notes);
        n.put(name, value);
        return new TrainingSummary(figures, n);
    }

    public OptionalInt bestEpoch() {
        Double b = figures.get("best_epoch");
        return b == null ? OptionalInt.empty() : OptionalInt.of(b.intValue());
    }
}
