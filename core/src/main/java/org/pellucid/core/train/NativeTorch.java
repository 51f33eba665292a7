package org.pellucid.core.train;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the PyTorch native library comes from, checked before DJL starts. DJL looks in
 * {@code PYTORCH_LIBRARY_PATH} first and, when no entry there holds {@code libtorch.so}, falls back
 * without a word to the native jar on the class path; here a {@code PYTORCH_LIBRARY_PATH} that
 * holds no libtorch is an error naming the folder, so a user who pointed at a CUDA libtorch never
 * trains on the CPU library by accident.
 *
 * <p>The ways in (DJL's own): the {@code pytorch-native-cpu} jar on the class path (the default,
 * offline); a local libtorch or a pip-installed PyTorch named by {@code PYTORCH_LIBRARY_PATH} with
 * {@code PYTORCH_VERSION} and {@code PYTORCH_FLAVOR} (the launcher then leaves the CPU jar off the
 * class path); or DJL's download of the CUDA natives into its cache, allowed only when the user
 * opts in ({@code ./pellucid setup-gpu}).
 */
public final class NativeTorch {
    /** The libtorch version DJL's bundled JNI library was built against. */
    public static final String JNI_TORCH_VERSION = jniVersion();

    private static final String LIB = System.mapLibraryName("torch");
    private static final Pattern PY_VERSION = Pattern.compile("__version__\\s*=\\s*['\"]([^'\"]+)['\"]");

    private NativeTorch() {}

    /** Where the native library will come from, as far as can be told before it is loaded. */
    public record Source(String kind, Optional<Path> dir, Optional<String> version, String flavor) {
        public String describe() {
            return switch (kind) {
                case "override" -> "PYTORCH_LIBRARY_PATH " + dir.orElseThrow() + " (libtorch " + version.orElse("of unknown version")
                        + ", flavour " + flavor + ")";
                case "classpath" -> "the pytorch-native jar on the class path (flavour " + flavor + ", libtorch " + version.orElse("?") + ")";
                default -> "DJL's cache or download (flavour " + flavor + ")";
            };
        }
    }

    /**
     * The source DJL will use. Throws {@link TrainingException} when {@code PYTORCH_LIBRARY_PATH}
     * is set but none of its entries holds {@code libtorch.so}.
     */
    public static Source locate() {
        String env = System.getenv("PYTORCH_LIBRARY_PATH");
        String flavor = setting("PYTORCH_FLAVOR");
        if (env != null && !env.isBlank()) {
            Path dir = overrideDir(env);
            return new Source("override", Optional.of(dir), versionAt(dir), flavor == null ? "cpu" : flavor);
        }
        Properties jar = resource("/native/lib/pytorch.properties");
        if (jar != null) {
            return new Source("classpath", Optional.empty(), Optional.ofNullable(jar.getProperty("version")),
                    jar.getProperty("flavor", "cpu"));
        }
        return new Source("download", Optional.empty(), Optional.ofNullable(setting("PYTORCH_VERSION")),
                flavor == null ? "auto" : flavor);
    }

    /** The entry of {@code PYTORCH_LIBRARY_PATH} that holds libtorch, or the error that says none does. */
    static Path overrideDir(String env) {
        List<String> tried = new ArrayList<>();
        for (String part : env.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path p = Path.of(part);
            if (Files.isRegularFile(p) && p.getFileName().toString().equals(LIB)) {
                return p.toAbsolutePath().getParent();
            }
            if (Files.isRegularFile(p.resolve(LIB))) {
                return p.toAbsolutePath();
            }
            tried.add(part);
        }
        throw new TrainingException("PYTORCH_LIBRARY_PATH=" + env + " holds no " + LIB + " (point it at libtorch's lib folder, "
                + "e.g. .../site-packages/torch/lib or libtorch/lib, or unset it to use the bundled CPU library; ./pellucid doctor checks)");
    }

    /** The version of the libtorch in {@code libDir}: pip's {@code torch/version.py} or libtorch's {@code build-version}. */
    public static Optional<String> versionAt(Path libDir) {
        Path parent = libDir.toAbsolutePath().getParent();
        if (parent == null) {
            return Optional.empty();
        }
        try {
            Path py = parent.resolve("version.py");
            if (Files.isRegularFile(py)) {
                Matcher m = PY_VERSION.matcher(Files.readString(py));
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
            Path bv = parent.resolve("build-version");
            if (Files.isRegularFile(bv)) {
                return Optional.of(Files.readString(bv).trim());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Whether a libtorch version matches the one DJL's JNI was built for, on major.minor. Measured on
     * an H200 (2026-12-04): DJL 0.35's JNI built for 2.7.1 loads against PyTorch 2.11's libtorch but
     * its first in-place update fails ("set_stride is not allowed on a Tensor created from .data or
     * .detach()").
     */
    public static boolean matchesJni(String version) {
        return majorMinor(version).equals(majorMinor(JNI_TORCH_VERSION));
    }

    private static String majorMinor(String v) {
        String[] p = v.split("[.+-]");
        return p.length >= 2 ? p[0] + "." + p[1] : v;
    }

    private static String setting(String name) {
        String v = System.getenv(name);
        return v != null ? v : System.getProperty(name);
    }

    private static String jniVersion() {
        Properties p = resource("/jnilib/pytorch.properties");
        String v = p == null ? null : p.getProperty("jni_version");
        return v == null ? "2.7.1" : v.substring(0, v.indexOf('-') > 0 ? v.indexOf('-') : v.length());
    }

    private static Properties resource(String name) {
        try (InputStream in = NativeTorch.class.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            return null;
        }
    }
}
