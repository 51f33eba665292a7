package org.pellucid.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pellucid.core.data.Dataset;
import org.pellucid.core.data.SyntheticData;
import org.pellucid.core.models.LogisticFamily;
import org.pellucid.core.models.ModelFamilies;
import org.pellucid.core.models.TrainConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    static Dataset data;
    static Savable model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        data = SyntheticData.rule(300, 5);
        model = new LogisticFamily().train(data, null, TrainConfig.of(1));
    }

    private Path saved() {
        Path dir = tmp.resolve("m");
        ModelStore.save(model, dir);
        return dir;
    }

    @Test
    void roundTripKeepsEveryPrediction() {
        Savable back = ModelFamilies.load(saved());
        for (int i = 0; i < data.size(); i++) {
            assertEquals(model.predict(data.row(i)), back.predict(data.row(i)));
        }
        assertEquals(model.provenance(), back.provenance());
    }

    @Test
    void aTruncatedParameterFileIsRefused() throws IOException {
        Path dir = saved();
        Path p = dir.resolve(ModelStore.PARAMS);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(b, b.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFamilies.load(dir));
        assertTrue(e.getMessage().contains("params.bin does not match its checksum"), e.getMessage());
    }

    @Test
    void aTamperedManifestIsRefused() throws IOException {
        Path dir = saved();
        Path m = dir.resolve(ModelStore.MANIFEST);
        Files.writeString(m, Files.readString(m).replace("\"logistic\"", "\"mlp\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFamilies.load(dir));
        assertTrue(e.getMessage().contains("manifest.json does not match its checksum"), e.getMessage());
    }

    @Test
    void anotherFormatVersionIsRefusedWithAClearMessage() throws IOException {
        Path dir = saved();
        Path m = dir.resolve(ModelStore.MANIFEST);
        String text = Files.readString(m).replace("\"format_version\": 1", "\"format_version\": 99");
        Files.writeString(m, text);
        Files.writeString(dir.resolve(ModelStore.MANIFEST_SUM),
                ModelStore.sha256(text.getBytes(StandardCharsets.UTF_8)) + "  manifest.json\n");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFamilies.load(dir));
        assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
    }

    @Test
    void aMissingFileOrDirectoryIsNamed() throws IOException {
        Path dir = saved();
        Files.delete(dir.resolve(ModelStore.MANIFEST_SUM));
        assertTrue(assertThrows(ModelFormatException.class, () -> ModelFamilies.load(dir)).getMessage().contains("missing manifest.sha256"));
        assertThrows(ModelFormatException.class, () -> ModelFamilies.load(tmp.resolve("nothing-here")));
    }

    @Test
    void savingReplacesAnOldModelAndLeavesNoTemporaryFiles() throws IOException {
        Path dir = saved();
        ModelStore.save(model, dir);
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(dir), s.toList(), "only the model directory remains");
        }
        ModelFamilies.load(dir);
    }

    @Test
    void refusesToOverwriteAFolderThatIsNotAModel() throws IOException {
        Path dir = tmp.resolve("precious");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThrows(ModelFormatException.class, () -> ModelStore.save(model, dir));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }
}
