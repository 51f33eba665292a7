package org.pellucid.examples.cli;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pellucid.core.model.Versions;
import org.pellucid.core.train.DeviceChoice;
import org.pellucid.core.train.DevicePlacement;
import org.pellucid.core.train.NativeTorch;
import org.pellucid.core.train.Torch;
import org.pellucid.core.train.TrainingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pellucid doctor}: what the training stack is made of on this machine (Java, DJL, the
 * PyTorch native library and where it came from, CUDA, GPUs), a few training steps on the asked
 * device with every tensor's device checked, and for each missing piece the one line that fixes it.
 * A {@code PYTORCH_LIBRARY_PATH} without libtorch, or an engine that does not start, is exit 2.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check Java, DJL, the PyTorch native library, CUDA and the GPUs, and train a few steps on --device.")
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu: where the training check runs (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    @Override
    public Integer call() {
        Cli.requireWritable(json, "--json");
        DeviceChoice choice = DeviceChoice.parse(device);
        PrintWriter out = spec.commandLine().getOut();
        JsonObject o = new JsonObject();
        List<String> fixes = new ArrayList<>();
        line(out, o, "java", Runtime.version() + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home"));
        line(out, o, "pellucid", Versions.PELLUCID);
        line(out, o, "djl", Engine.getDjlVersion() + ", its PyTorch JNI built for libtorch " + NativeTorch.JNI_TORCH_VERSION);
        NativeTorch.Source src = NativeTorch.locate(); // exit 2 here for a PYTORCH_LIBRARY_PATH without libtorch
        line(out, o, "native library", src.describe());
        if (src.version().isPresent() && !NativeTorch.matchesJni(src.version().get())) {
            fixes.add("libtorch " + src.version().get() + " is not the " + NativeTorch.JNI_TORCH_VERSION + " DJL's JNI was built for: "
                    + "point PYTORCH_LIBRARY_PATH at a libtorch " + NativeTorch.JNI_TORCH_VERSION + " (pip install torch=="
                    + NativeTorch.JNI_TORCH_VERSION + "), unless DJL's JNI in its cache was built for this one (README, GPU)");
        }
        Engine engine = Torch.engine();
        line(out, o, "engine", engine.getEngineName() + " started from " + libtorchPath()
                + (src.kind().equals("override") ? " (DJL takes the version it reports, " + engine.getVersion() + ", from PYTORCH_VERSION)"
                        : ", libtorch " + engine.getVersion()));
        boolean cuda = CudaUtils.hasCuda();
        line(out, o, "cuda runtime", cuda ? "found, " + CudaUtils.getCudaVersionString() : "not found");
        int gpus = engine.getGpuCount();
        line(out, o, "gpus visible to PyTorch", String.valueOf(gpus));
        if (gpus == 0) {
            if (!cuda) {
                fixes.add("for a GPU: install an NVIDIA driver and CUDA runtime (nvidia-smi must list the card)");
            }
            if (!src.flavor().startsWith("cu")) {
                fixes.add("for a GPU: PYTORCH_LIBRARY_PATH=<a CUDA libtorch " + NativeTorch.JNI_TORCH_VERSION + ">/lib PYTORCH_FLAVOR=cu128 "
                        + "./pellucid ..., or ./pellucid setup-gpu once (downloads DJL's CUDA natives)");
            }
        }
        o.addProperty("gpus", gpus);
        o.addProperty("cuda", cuda);
        try {
            DevicePlacement.Report r = DevicePlacement.check(choice);
            line(out, o, "training check", r.steps() + " steps on " + r.device() + ", " + r.tensors() + " tensors on "
                    + String.join(", ", r.seen()) + (r.allOnDevice() ? ": ok" : ": MIXED DEVICES"));
            o.addProperty("training_ok", r.allOnDevice());
            if (!r.allOnDevice()) {
                fixes.add("tensors on more than one device while training on " + r.device() + ": a bug, please report it with this output");
            }
        } catch (TrainingException | EngineException e) {
            // a JNI built for another libtorch can load and then fail at the first in-place update
            line(out, o, "training check", "failed: " + Pellucid.oneLine(e.getMessage()));
            o.addProperty("training_ok", false);
            fixes.add(choice == DeviceChoice.GPU ? "no usable GPU: see the lines above, or use --device cpu" : Pellucid.oneLine(e.getMessage()));
        }
        JsonArray f = new JsonArray();
        fixes.forEach(f::add);
        o.add("fixes", f);
        out.println(fixes.isEmpty() ? "nothing to fix" : "next steps:");
        fixes.forEach(s -> out.println("  - " + s));
        if (json != null) {
            Cli.writeJson(json, o);
        }
        return o.get("training_ok").getAsBoolean() ? Pellucid.OK : Pellucid.BAD_INPUT;
    }

    private static String libtorchPath() {
        try {
            return LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return "?";
        }
    }

    private static void line(PrintWriter out, JsonObject o, String key, String value) {
        out.printf("%-24s %s%n", key + ":", value);
        o.addProperty(key.replace(' ', '_').toLowerCase(Locale.ROOT), value);
    }
}
