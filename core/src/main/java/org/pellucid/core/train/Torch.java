package org.pellucid.core.train;

import ai.djl.engine.Engine;

/**
 * The one place the PyTorch engine is started. Before the first use it makes DJL offline (nothing
 * may download at run time: the native library comes from the {@code pytorch-native-cpu} jar) and,
 * unless the user chose otherwise, runs PyTorch on one intra-op thread — on small networks a second
 * thread costs more in synchronisation than it gains (measured: see README, "Performance").
 */
public final class Torch {
    private static volatile Engine engine;

    private Torch() {}

    public static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (Torch.class) {
                if (engine == null) {
                    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
                    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
                        System.setProperty("ai.djl.pytorch.num_threads", "1");
                    }
                    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
                        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
                    }
                    NativeTorch.locate(); // a PYTORCH_LIBRARY_PATH without libtorch is an error, not a silent CPU fallback
                    try {
                        engine = Engine.getEngine("PyTorch");
                    } catch (RuntimeException | UnsatisfiedLinkError err) {
                        throw new TrainingException("the PyTorch engine could not start: " + err.getMessage()
                                + ("false".equals(System.getProperty("ai.djl.offline"))
                                        ? " (downloading DJL's native library needs the internet; or set PYTORCH_LIBRARY_PATH)"
                                        : " (./pellucid doctor says what is missing)"), err);
                    }
                }
                e = engine;
            }
        }
        return e;
    }
}
