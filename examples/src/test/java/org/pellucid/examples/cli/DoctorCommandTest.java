package org.pellucid.examples.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pellucid.core.train.Torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorCommandTest {

    @Test
    void reportsTheStackAndTrainsOnTheCpu(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("doctor.json");
        CliTest.Run r = CliTest.run("doctor", "--device", "cpu", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        for (String key : List.of("java:", "djl:", "native library:", "engine:", "cuda runtime:", "gpus visible to PyTorch:")) {
            assertTrue(r.out().contains(key), key + " in " + r.out());
        }
        assertTrue(r.out().contains("tensors on cpu(): ok"), r.out());
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertTrue(o.get("training_ok").getAsBoolean());
        assertTrue(o.get("engine").getAsString().contains("libtorch 2.7"), o.toString());
        assertEquals(0, o.get("gpus_visible_to_pytorch").getAsInt(), o.toString());
    }

    @Test
    void aGpuAskedForWhereNoneIsVisibleIsExitTwoWithTheFix() {
        Assumptions.assumeTrue(Torch.engine().getGpuCount() == 0, "a GPU is visible");
        CliTest.Run r = CliTest.run("doctor", "--device", "gpu");
        assertEquals(2, r.code());
        assertTrue(r.out().contains("PYTORCH_LIBRARY_PATH") && r.out().contains("setup-gpu"), r.out());
    }

    /** The environment variable is read by the JVM at start, so this one runs a second JVM. */
    @Test
    void aLibraryPathWithoutLibtorchIsOneLineAndExitTwo(@TempDir Path empty) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.pellucid.examples.cli.Pellucid", "doctor");
        pb.environment().put("PYTORCH_LIBRARY_PATH", empty.toString());
        pb.redirectErrorStream(false);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("PYTORCH_LIBRARY_PATH=" + empty) && err.contains("holds no libtorch.so"), err);
    }
}
