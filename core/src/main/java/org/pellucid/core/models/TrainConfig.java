package org.pellucid.core.models;

import java.util.Map;
import java.util.TreeMap;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.ProgressListener;

/**
 * What every model family is trained with: seed, device, progress, and model options as
 * {@code name → text} (from the CLI's {@code --option name=value} or from code). A family reads
 * them through its {@link OptionTable}, which refuses unknown names and values out of range.
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
}
