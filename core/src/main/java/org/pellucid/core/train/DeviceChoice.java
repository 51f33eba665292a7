package org.pellucid.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Where to train: {@code auto} takes a GPU when the engine sees one, else the CPU. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public static DeviceChoice parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + s + "'");
        }
    }

    /** The DJL device; asking for a GPU where none is visible is an error, not a silent CPU run. */
    public Device resolve() {
        int gpus = Torch.engine().getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new TrainingException("--device gpu was asked for but the PyTorch engine sees no GPU "
                            + "(point PYTORCH_LIBRARY_PATH at a CUDA libtorch, or run ./pellucid setup-gpu; ./pellucid doctor --device gpu "
                            + "says what is missing; or use --device cpu)");
                }
                yield Device.gpu();
            }
        };
    }

    static Engine engine() {
        return Torch.engine();
    }
}
