package org.pellucid.core.models;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.ProgressListener;

/**
 * What every model family is trained with: seed, device, progress, and model options as
 * {@code name → text} (from the CLI's {@code --option name=value} or from code). A family reads
 * the options it knows through the typed getters and rejects the rest with {@link #requireOnly}.
 */
public record TrainConfig(long seed, DeviceChoice device, ProgressListener progress, Map<String, String> options) {

    public TrainConfig {
        options = Map.copyOf(options == null ? Map.of() : options);
        device = device == null ? DeviceChoice.CPU : device;
        progress = progress == null ? ProgressListener.silent() : progress;
    }

    public static TrainConfig of(long seed) {
        return new TrainConfig(seed, DeviceChoice.CPU, ProgressListener.silent(), Map.of());
    }

    public TrainConfig with(String option, String value) {
        Map<String, String> m = new TreeMap<>(options);
        m.put(option, value);
        return new TrainConfig(seed, device, progress, m);
    }

    /** Throws when an option is not among those the family knows. */
    public void requireOnly(String kind, Set<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown option '" + k + "' for model " + kind + "; known: "
                        + new java.util.TreeSet<>(known));
            }
        }
    }

    public int intOption(String name, int def) {
        String v = options.get(name);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be an integer, got '" + v + "'");
        }
    }

    /** {@code true} or {@code false}, nothing else: a misspelt value is an error, not a silent false. */
    public boolean booleanOption(String name, boolean def) {
        String v = options.get(name);
        if (v == null) {
            return def;
        }
        return switch (v.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("option " + name + " must be true or false, got '" + v + "'");
        };
    }

    public double doubleOption(String name, double def) {
        String v = options.get(name);
        if (v == null) {
            return def;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be a finite number, got '" + v + "'");
        }
    }

    /** A comma-separated list of integers, e.g. hidden sizes {@code 64,64}; empty text is an empty list. */
    public int[] intListOption(String name, int[] def) {
        String v = options.get(name);
        if (v == null) {
            return def.clone();
        }
        if (v.isBlank()) {
            return new int[0];
        }
        try {
            return Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be comma-separated integers, got '" + v + "'");
        }
    }
}
