package org.pellucid.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX headers are checked against the file's size before anything is allocated. */
class IdxHeaderTest {
    @TempDir
    Path dir;

    private Path images(String name, int n, int rows, int cols, int payload, boolean gz) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(2051);
            out.writeInt(n);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(new byte[payload]);
        }
        Path p = dir.resolve(name + (gz ? ".gz" : ""));
        if (gz) {
            try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(p))) {
                z.write(b.toByteArray());
            }
        } else {
            Files.write(p, b.toByteArray());
        }
        return p;
    }

    private void refusedFast(Path p, String words) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.readImages(p, new int[2]));
            assertTrue(e.getMessage().contains(words), e.getMessage());
        });
    }

    @Test
    void craftedHeadersAreRefusedInUnderASecond() throws IOException {
        refusedFast(images("huge", 2_000_000_000, 28, 28, 1000, false), "claims 2000000000 images of 28×28");
        refusedFast(images("overflow", 1, 65536, 65536, 1000, false), "corrupt IDX header");
        refusedFast(images("negative", -5, 28, 28, 100, false), "corrupt IDX header: it claims -5 images");
        refusedFast(images("huge-gz", 2_000_000_000, 28, 28, 1000, true), "but the file holds");
    }

    @Test
    void anHonestFileStillLoads() throws IOException {
        int[] shape = new int[2];
        double[][] x = IdxLoader.readImages(images("ok", 3, 2, 2, 12, false), shape);
        assertArrayEquals(new int[] {2, 2}, shape);
        assertTrue(x.length == 3 && x[0].length == 4);
        assertTrue(IdxLoader.readImages(images("ok-gz", 3, 2, 2, 12, true), new int[2]).length == 3);
    }
}
