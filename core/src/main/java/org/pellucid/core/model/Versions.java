package org.pellucid.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version strings recorded in provenance and model manifests. */
public final class Versions {
    /** The build's version ({@code 0.1.0-SNAPSHOT} while in development), from the build itself. */
    public static final String PELLUCID = fromBuild("pellucid.version");
    /** The DJL version the build compiled against (the pom's {@code djl.version}), from the build itself. */
    public static final String DJL = fromBuild("djl.version");
    /** Bumped whenever the saved-model layout changes; older or newer files are refused. */
    public static final int MODEL_FORMAT = 1;

    private Versions() {}

    private static String fromBuild(String key) {
        try (InputStream in = Versions.class.getResourceAsStream("/org/pellucid/core/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty(key, "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
