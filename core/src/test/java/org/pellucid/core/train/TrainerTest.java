package org.pellucid.core.train;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    /** Two Gaussian blobs in 5 dimensions; the class is the blob. */
    static TensorData blobs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 5];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 5; j++) {
                x[i * 5 + j] = (float) (r.nextGaussian() + (y[i] == 1 ? 1.5 : -1.5) * (j < 2 ? 1 : 0));
            }
        }
        return TensorData.classification(x, n, 5, y, 2);
    }

    private static TrainingOptions quick(int epochs) {
        return TrainingOptions.defaults().withEpochs(epochs).withBatchSize(32).withLearningRate(0.01).withPatience(0);
    }

    @Test
    void learnsSeparableBlobs() {
        MlpNetwork net = new MlpNetwork(5, new int[] {8}, 2);
        TrainResult r = Trainer.fit(net, blobs(400, 1), blobs(200, 2), Objective.softmaxCrossEntropy(), quick(15));
        double acc = r.history().get(r.history().size() - 1).validation();
        assertTrue(acc > 0.95, "validation accuracy " + acc);
        assertTrue(r.history().get(0).loss() > r.history().get(r.history().size() - 1).loss(), "loss should fall");
        assertEquals(15 * (400 / 32 + 1), r.steps());
    }

    @Test
    void sameSeedSameParametersOnCpu() {
        MlpNetwork net = new MlpNetwork(5, new int[] {8, 8}, 2);
        float[] a = Trainer.fit(net, blobs(300, 1), null, Objective.softmaxCrossEntropy(), quick(3).withSeed(7)).parameters();
        float[] b = Trainer.fit(net, blobs(300, 1), null, Objective.softmaxCrossEntropy(), quick(3).withSeed(7)).parameters();
        float[] c = Trainer.fit(net, blobs(300, 1), null, Objective.softmaxCrossEntropy(), quick(3).withSeed(8)).parameters();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed should give another model");
    }

    @Test
    void nativeMemoryStaysFlatAcrossEpochs() {
        List<Integer> live = new ArrayList<>();
        TrainingOptions o = quick(8).withProgress(r -> live.add(r.liveArrays()));
        Trainer.fit(new MlpNetwork(5, new int[] {16}, 2), blobs(640, 3), blobs(100, 4), Objective.softmaxCrossEntropy(), o);
        assertEquals(8, live.size());
        // after the first epoch, the number of arrays the training manager holds never grows
        for (int e = 1; e < live.size(); e++) {
            assertEquals(live.get(0), live.get(e), "live native arrays per epoch: " + live);
        }
        assertTrue(live.get(0) < 20, "only parameters, optimizer state and data should stay alive: " + live);
    }

    @Test
    void nanLossNamesTheEpoch() {
        Objective poisoned = (out, y) -> out.mean().mul(Float.NaN);
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () ->
                Trainer.fit(new MlpNetwork(5, new int[] {4}, 2), blobs(64, 1), null, poisoned, quick(3)));
        assertEquals(1, e.epoch());
        assertTrue(e.getMessage().contains("epoch 1"), e.getMessage());
    }

    @Test
    void divergingAfterAGoodEpochKeepsThatEpochAndSaysWhy() {
        int[] calls = {0};
        // a sound loss for the first 40 steps, then NaN: with validation, the best earlier epoch is kept
        Objective late = (out, y) -> calls[0]++ < 40 ? Objective.softmaxCrossEntropy().loss(out, y)
                : out.mean().mul(Float.NaN);
        TrainResult r = Trainer.fit(new MlpNetwork(5, new int[] {4}, 2), blobs(64, 1), blobs(32, 2), late,
                quick(30).withPatience(30));
        assertTrue(r.stopReason().contains("became NaN") && r.stopReason().contains("kept epoch"), r.stopReason());
        assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() < r.history().size() + 1);
        for (float f : r.parameters()) {
            assertTrue(Float.isFinite(f));
        }
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        List<Double> valid = new ArrayList<>();
        TrainingOptions o = quick(60).withPatience(3).withProgress(r -> valid.add(r.validation()));
        TrainResult r = Trainer.fit(new MlpNetwork(5, new int[] {8}, 2), blobs(200, 5), blobs(200, 6),
                Objective.softmaxCrossEntropy(), o);
        double best = valid.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(best, valid.get(r.bestEpoch() - 1));
        assertTrue(r.history().size() <= 60);
    }

    @Test
    void rejectsInvalidOptions() {
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.defaults().withLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.defaults().withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> TensorData.classification(new float[] {Float.NaN}, 1, 1, new int[] {0}, 2));
    }

    @Test
    void gpuRequestWithoutGpuIsAClearError() {
        Assumptions.assumeTrue(Torch.engine().getGpuCount() == 0, "a GPU is present");
        TrainingException e = assertThrows(TrainingException.class, DeviceChoice.GPU::resolve);
        assertTrue(e.getMessage().contains("no GPU"), e.getMessage());
        assertEquals(Device.cpu(), DeviceChoice.AUTO.resolve());
    }
}
