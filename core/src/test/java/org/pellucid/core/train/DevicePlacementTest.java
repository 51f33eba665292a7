package org.pellucid.core.train;

import ai.djl.Device;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The training loop with the device as a parameter: every parameter view and batch on that device. */
class DevicePlacementTest {

    @Test
    void everyTensorOfACpuRunIsOnTheCpu() {
        DevicePlacement.Report r = DevicePlacement.check(DeviceChoice.CPU);
        assertEquals(Device.cpu(), r.device());
        assertEquals(Set.of(Device.cpu().toString()), r.seen());
        // 2 epochs of 3 batches (192 rows / 64): per forward the batch, 4 parameter views and the output,
        // plus one validation forward per epoch, plus the flat vector after each of the 6 steps
        assertEquals(6, r.steps());
        assertEquals(6 * 6 + 2 * 6 + 6, r.tensors());
        assertTrue(r.allOnDevice());
    }

    @Test
    void everyTensorOfAGpuRunIsOnTheGpu() {
        assumeTrue(Torch.engine().getGpuCount() > 0, "the PyTorch engine sees no GPU here (CI has none); "
                + "the device check runs this on an H200 through ./pellucid doctor --device gpu");
        DevicePlacement.Report r = DevicePlacement.check(DeviceChoice.GPU);
        assertTrue(r.device().isGpu());
        assertTrue(r.allOnDevice(), "devices seen: " + r.seen());
    }

    @Test
    void aSecondDeviceIsReportedAsMixed() {
        assertFalse(new DevicePlacement.Report(Device.gpu(), Set.of("cpu()", "gpu(0)"), 10, 2).allOnDevice());
        assertFalse(new DevicePlacement.Report(Device.gpu(), Set.of("cpu()"), 10, 2).allOnDevice());
        assertTrue(new DevicePlacement.Report(Device.gpu(), Set.of(Device.gpu().toString()), 10, 2).allOnDevice());
    }

    @Test
    void aLibraryPathWithoutLibtorchIsAnErrorNamingIt(@TempDir Path dir) {
        TrainingException e = assertThrows(TrainingException.class, () -> NativeTorch.overrideDir(dir.toString()));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("libtorch.so"), e.getMessage());
    }

    @Test
    void aLibraryPathFindsLibtorchAndItsVersion(@TempDir Path dir) throws Exception {
        Path pip = Files.createDirectories(dir.resolve("torch/lib"));
        Files.writeString(pip.resolve("libtorch.so"), "");
        Files.writeString(dir.resolve("torch/version.py"), "__version__ = '2.11.0+cu130'\ngit_version = 'x'\n");
        Path other = Files.createDirectories(dir.resolve("empty"));
        assertEquals(pip.toAbsolutePath(), NativeTorch.overrideDir(other + File.pathSeparator + pip));
        assertEquals("2.11.0+cu130", NativeTorch.versionAt(pip).orElseThrow());
        Path zip = Files.createDirectories(dir.resolve("libtorch/lib"));
        Files.writeString(dir.resolve("libtorch/build-version"), "2.7.1+cu128\n");
        assertEquals("2.7.1+cu128", NativeTorch.versionAt(zip).orElseThrow());
        assertFalse(NativeTorch.matchesJni("2.11.0+cu130"));
        assertTrue(NativeTorch.matchesJni("2.7.1+cu128"));
    }
}
