package org.pellucid.core.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.pellucid.core.model.Versions;

/**
 * Saves models to a directory and reads them back. Layout:
 * <ul>
 *   <li>{@code manifest.json} — format version, kind, schema (with encoders' categories), options,
 *       provenance, the model's settings, and the SHA-256 of {@code params.bin};</li>
 *   <li>{@code params.bin} — the model's numeric arrays (a small documented binary layout:
 *       magic {@code PLCDPRM1}, count, then per array its name, type, length and big-endian values);</li>
 *   <li>{@code manifest.sha256} — the SHA-256 of {@code manifest.json}.</li>
 * </ul>
 * Writes go to a temporary sibling directory that is renamed into place, so a crash never leaves a
 * half-written model. Reading verifies both checksums and the format version before anything else.
 * No Java serialization is used.
 */
public final class ModelStore {
    static final String MANIFEST = "manifest.json";
    static final String PARAMS = "params.bin";
    static final String MANIFEST_SUM = "manifest.sha256";
    private static final byte[] MAGIC = "PLCDPRM1".getBytes(StandardCharsets.US_ASCII);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ModelStore() {}

    /** Writes the model to {@code dir} atomically; an existing model there is replaced. */
    public static void save(Savable model, Path dir) {
        ModelWriter w = new ModelWriter();
        model.write(w);
        byte[] params = encodeArrays(w);
        byte[] manifestBytes = GSON.toJson(manifest(model, w, params)).getBytes(StandardCharsets.UTF_8);
        byte[] sumBytes = (sha256(manifestBytes) + "  " + MANIFEST + "\n").getBytes(StandardCharsets.US_ASCII);

        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        boolean killed = false;
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            recover(abs);
            removeStale(abs);
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                throw new ModelFormatException(dir + " exists and is not a directory");
            }
            if (Files.isDirectory(abs) && !isEmpty(abs) && !Files.exists(abs.resolve(MANIFEST))) {
                throw new ModelFormatException(dir + " is a non-empty directory that holds no Pellucid model; "
                        + "refusing to overwrite it");
            }
            tmp = parent.resolve("." + abs.getFileName() + TMP + UUID.randomUUID());
            Files.createDirectory(tmp);
            write(tmp.resolve(PARAMS), params);
            write(tmp.resolve(MANIFEST), manifestBytes);
            write(tmp.resolve(MANIFEST_SUM), sumBytes);
            stepHook.accept("written");
            Path old = null;
            if (Files.exists(abs)) {
                old = parent.resolve("." + abs.getFileName() + OLD + UUID.randomUUID());
                move(abs, old);
                stepHook.accept("old-moved-aside");
            }
            move(tmp, abs);
            stepHook.accept("new-in-place");
            if (old != null) {
                deleteTree(old);
            }
        } catch (KillForTest k) {
            killed = true;
            throw k;
        } catch (IOException e) {
            throw new ModelFormatException("cannot save the model to " + dir + ": " + e.getMessage(), e);
        } finally {
            if (!killed && tmp != null && Files.exists(tmp)) {
                try {
                    deleteTree(tmp);
                } catch (IOException e) {
                    // left for the next save, which removes temporaries older than an hour
                }
            }
        }
    }

    /** The manifest: format and version, kind, schema, provenance, the model's settings and the parameters' checksum. */
    private static JsonObject manifest(Savable model, ModelWriter w, byte[] params) {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", "pellucid-model");
        manifest.addProperty("format_version", Versions.MODEL_FORMAT);
        manifest.addProperty("kind", model.kind());
        manifest.add("schema", SchemaJson.toJson(model.schema()));
        manifest.add("provenance", SchemaJson.toJson(model.provenance()));
        manifest.add("settings", w.settings);
        JsonObject sums = new JsonObject();
        sums.addProperty(PARAMS, sha256(params));
        manifest.add("checksums", sums);
        return manifest;
    }

    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";

    /**
     * Test hook, called after each step of a save ({@code written}, {@code old-moved-aside},
     * {@code new-in-place}); a test simulates a kill there by throwing {@link KillForTest}, which
     * skips every cleanup, as {@code kill -9} would.
     */
    static volatile Consumer<String> stepHook = step -> { };

    /** Thrown by a test's {@link #stepHook} to stop a save dead, without cleanup. */
    static final class KillForTest extends Error {
        KillForTest(String step) {
            super("simulated kill after " + step);
        }
    }

    /**
     * A save killed between moving the old model aside and moving the new one in leaves no model
     * at the path; the old one, complete, is moved back (the new one was never in place).
     */
    static void recover(Path abs) throws IOException {
        if (Files.exists(abs) || abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            return;
        }
        String prefix = "." + abs.getFileName() + OLD;
        Path newest = null;
        try (var s = Files.list(abs.getParent())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p) && Files.exists(p.resolve(MANIFEST_SUM))
                        && (newest == null || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(newest)) > 0)) {
                    newest = p;
                }
            }
        }
        if (newest != null) {
            move(newest, abs);
        }
    }

    /** Temporaries of earlier saves of this path (killed ones) older than an hour. */
    private static void removeStale(Path abs) throws IOException {
        String tmpPrefix = "." + abs.getFileName() + TMP;
        String oldPrefix = "." + abs.getFileName() + OLD;
        FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
        try (var s = Files.list(abs.getParent())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if ((n.startsWith(tmpPrefix) || (n.startsWith(oldPrefix) && Files.exists(abs))) && Files.isDirectory(p)
                        && Files.getLastModifiedTime(p).compareTo(hourAgo) < 0) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Reads and verifies a saved model's manifest and arrays; {@code ModelFamilies.load} builds the model. */
    public static Loaded read(Path dir) {
        try {
            recover(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new ModelFormatException("cannot recover the model at " + dir + " from an interrupted save: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir + " is not a model directory (no such directory)");
        }
        byte[] manifestBytes = readFile(dir, MANIFEST);
        String sumLine = new String(readFile(dir, MANIFEST_SUM), StandardCharsets.US_ASCII).trim();
        String expected = sumLine.split("\\s+")[0];
        if (!expected.equals(sha256(manifestBytes))) {
            throw new ModelFormatException(dir + ": " + MANIFEST + " does not match its checksum (truncated or modified)");
        }
        JsonObject m;
        try {
            m = JsonParser.parseString(new String(manifestBytes, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ModelFormatException(dir + ": " + MANIFEST + " is not valid JSON", e);
        }
        try {
            if (!m.has("format") || !"pellucid-model".equals(m.get("format").getAsString())) {
                throw new ModelFormatException(dir + ": not a Pellucid model manifest");
            }
            int version = m.get("format_version").getAsInt();
            if (version != Versions.MODEL_FORMAT) {
                throw new ModelFormatException(dir + ": model format version " + version + ", this Pellucid reads version "
                        + Versions.MODEL_FORMAT + "; retrain or use a matching Pellucid");
            }
            byte[] params = readFile(dir, PARAMS);
            String want = m.getAsJsonObject("checksums").get(PARAMS).getAsString();
            if (!want.equals(sha256(params))) {
                throw new ModelFormatException(dir + ": " + PARAMS + " does not match its checksum (truncated or modified)");
            }
            Map<String, double[]> doubles = new LinkedHashMap<>();
            Map<String, float[]> floats = new LinkedHashMap<>();
            decodeArrays(dir, params, doubles, floats);
            ModelReader r = new ModelReader(dir, SchemaJson.schemaFromJson(m.getAsJsonObject("schema")),
                    SchemaJson.provenanceFromJson(m.getAsJsonObject("provenance")), m.getAsJsonObject("settings"), doubles, floats);
            return new Loaded(m.get("kind").getAsString(), r);
        } catch (RuntimeException e) {
            if (e instanceof ModelFormatException) {
                throw e;
            }
            throw new ModelFormatException(dir + ": the manifest is incomplete or malformed (" + e.getMessage() + ")", e);
        }
    }

    /** A verified model directory: its kind and a reader for its family. */
    public record Loaded(String kind, ModelReader reader) {}

    private static byte[] encodeArrays(ModelWriter w) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(w.doubles.size() + w.floats.size());
            for (Map.Entry<String, double[]> e : w.doubles.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeByte('d');
                out.writeInt(e.getValue().length);
                for (double v : e.getValue()) {
                    out.writeDouble(v);
                }
            }
            for (Map.Entry<String, float[]> e : w.floats.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeByte('f');
                out.writeInt(e.getValue().length);
                for (float v : e.getValue()) {
                    out.writeFloat(v);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void decodeArrays(Path dir, byte[] data, Map<String, double[]> doubles, Map<String, float[]> floats) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ModelFormatException(dir + ": " + PARAMS + " is not a Pellucid parameter file");
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int type = in.readByte();
                int n = in.readInt();
                if (n < 0 || n > data.length) {
                    throw new ModelFormatException(dir + ": " + PARAMS + " declares an impossible array length");
                }
                if (type == 'd') {
                    double[] v = new double[n];
                    for (int k = 0; k < n; k++) {
                        v[k] = in.readDouble();
                    }
                    doubles.put(name, v);
                } else if (type == 'f') {
                    float[] v = new float[n];
                    for (int k = 0; k < n; k++) {
                        v[k] = in.readFloat();
                    }
                    floats.put(name, v);
                } else {
                    throw new ModelFormatException(dir + ": " + PARAMS + " has an array of unknown type");
                }
            }
        } catch (IOException e) {
            throw new ModelFormatException(dir + ": " + PARAMS + " is truncated", e);
        }
    }

    private static byte[] readFile(Path dir, String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(dir + ": missing " + name + " (not a Pellucid model, or an incomplete copy)");
        } catch (IOException e) {
            throw new ModelFormatException(dir + ": cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
