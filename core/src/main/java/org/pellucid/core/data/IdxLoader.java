package org.pellucid.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (optionally gzipped): an images file
 * (magic 2051, count, rows, columns, unsigned bytes) and a labels file (magic 2049). Pixels become
 * numeric columns {@code px_r_c} scaled to [0, 1]; the dataset remembers the image shape.
 */
public final class IdxLoader {
    private IdxLoader() {}

    public static Dataset load(String name, Path images, Path labels, List<String> classNames) {
        int[] lab = readLabels(labels);
        int[] shape = new int[2];
        double[][] px = readImages(images, shape);
        if (px.length != lab.length) {
            throw new DatasetException(images.toString(), -1, null, px.length + " images but " + lab.length + " labels in " + labels);
        }
        List<Column> cols = new ArrayList<>(shape[0] * shape[1]);
        for (int r = 0; r < shape[0]; r++) {
            for (int c = 0; c < shape[1]; c++) {
                cols.add(Column.numeric("px_" + r + "_" + c));
            }
        }
        Column target = Column.categorical("label", classNames);
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] >= classNames.size()) {
                throw new DatasetException(labels.toString(), -1, null, "label " + lab[i] + " at item " + i + " exceeds the "
                        + classNames.size() + " classes");
            }
        }
        return Dataset.builder(new Schema(cols, target)).name(name).features(px).labels(lab)
                .imageShape(1, shape[0], shape[1]).build();
    }

    /** Two image sets of the same shape and classes, one after the other. */
    public static Dataset concat(String name, Dataset a, Dataset b) {
        if (!a.schema().equals(b.schema())) {
            throw new DatasetException("cannot join image sets of different shapes or classes");
        }
        double[][] x = new double[a.size() + b.size()][];
        double[] y = new double[x.length];
        for (int i = 0; i < a.size(); i++) {
            x[i] = a.rowValues(i);
            y[i] = a.target(i);
        }
        for (int i = 0; i < b.size(); i++) {
            x[a.size() + i] = b.rowValues(i);
            y[a.size() + i] = b.target(i);
        }
        int[] shape = a.imageShape();
        return Dataset.builder(a.schema()).name(name).features(x).targets(y).imageShape(shape[0], shape[1], shape[2]).build();
    }

    static DataInputStream open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        if (p.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }

    /**
     * The bytes the file holds once decompressed: its size, or for gzip the size its trailer
     * records (modulo 2^32, as gzip stores it).
     */
    static long contentSize(Path p) throws IOException {
        long size = Files.size(p);
        if (!p.getFileName().toString().endsWith(".gz")) {
            return size;
        }
        if (size < 18) {
            return -1;
        }
        try (SeekableByteChannel ch = Files.newByteChannel(p)) {
            ch.position(size - 4);
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read the 4-byte ISIZE trailer
            }
            return b.getInt(0) & 0xffffffffL;
        }
    }

    /** Refuses a header whose counts the file cannot hold, before anything is allocated. */
    static void checkCounts(Path p, long header, long n, long rows, long cols) throws IOException {
        String what = rows < 0 ? n + " labels" : n + " images of " + rows + "×" + cols;
        if (n < 0 || rows < -1 || cols < -1 || rows == 0 || cols == 0 || (rows > 0 && (rows > 65536 || cols > 65536))) {
            throw new DatasetException(p.toString(), -1, null, "corrupt IDX header: it claims " + what);
        }
        long need = header + n * (rows < 0 ? 1 : rows * cols);
        long have = contentSize(p);
        boolean gz = p.getFileName().toString().endsWith(".gz");
        if (have >= 0 && (gz ? (need & 0xffffffffL) != have : need != have)) {
            throw new DatasetException(p.toString(), -1, null, "corrupt IDX header: it claims " + what + " (" + need
                    + " bytes) but the file holds " + have);
        }
        if (n * Math.max(1, rows * cols) > Integer.MAX_VALUE - 16) {
            throw new DatasetException(p.toString(), -1, null, "IDX file too large to load: " + what);
        }
    }

    static int[] readLabels(Path p) {
        try (DataInputStream in = open(p)) {
            int magic = in.readInt();
            if (magic != 2049) {
                throw new DatasetException(p.toString(), -1, null, "not an IDX label file (magic " + magic + ", expected 2049)");
            }
            int n = in.readInt();
            checkCounts(p, 8, n, -1, -1);
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                l[i] = in.readUnsignedByte();
            }
            return l;
        } catch (NoSuchFileException e) {
            throw new DatasetException(p.toString(), -1, null, "no such file");
        } catch (EOFException e) {
            throw new DatasetException(p.toString(), -1, null, "truncated IDX file");
        } catch (IOException e) {
            throw new DatasetException(p.toString(), -1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    static double[][] readImages(Path p, int[] shapeOut) {
        try (DataInputStream in = open(p)) {
            int magic = in.readInt();
            if (magic != 2051) {
                throw new DatasetException(p.toString(), -1, null, "not an IDX image file (magic " + magic + ", expected 2051)");
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            checkCounts(p, 16, n, rows, cols);
            shapeOut[0] = rows;
            shapeOut[1] = cols;
            double[][] x = new double[n][rows * cols];
            byte[] buf = new byte[rows * cols];
            for (int i = 0; i < n; i++) {
                in.readFully(buf);
                for (int k = 0; k < buf.length; k++) {
                    x[i][k] = (buf[k] & 0xff) / 255.0;
                }
            }
            return x;
        } catch (NoSuchFileException e) {
            throw new DatasetException(p.toString(), -1, null, "no such file");
        } catch (EOFException e) {
            throw new DatasetException(p.toString(), -1, null, "truncated IDX file");
        } catch (IOException e) {
            throw new DatasetException(p.toString(), -1, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
