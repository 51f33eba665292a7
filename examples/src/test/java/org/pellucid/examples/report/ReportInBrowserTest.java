package org.pellucid.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pellucid.examples.cli.ReportFixture;

/**
 * Opens the demo's report in a real browser — headless Chromium — and checks what it drew: the
 * screenshot must show the chart's colours and text, and the rendered DOM every model's section.
 * Skips, saying why, when no Chromium is installed ({@code apt-get install chromium}; `.ci/run`
 * installs it when it can).
 */
class ReportInBrowserTest {

    static Optional<String> chromium() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p.toString());
                }
            }
        }
        return Optional.empty();
    }

    static String run(List<String> cmd, Path dir) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }

    @Test
    void theDemoReportRendersInChromium(@TempDir Path dir) throws Exception {
        Optional<String> chrome = chromium();
        assumeTrue(chrome.isPresent(), "no Chromium on the PATH (install the Debian package `chromium` to run this check)");
        JsonObject cmp = ReportFixture.comparison();
        Path html = dir.resolve("report.html");
        Files.writeString(html, HtmlReport.render(cmp));
        List<String> base = new ArrayList<>(List.of(chrome.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile")));
        List<String> shot = new ArrayList<>(base);
        shot.addAll(List.of("--window-size=1280,1600", "--screenshot=" + dir.resolve("shot.png"), html.toUri().toString()));
        run(shot, dir);
        BufferedImage img = ImageIO.read(dir.resolve("shot.png").toFile());
        assertEquals(1280, img.getWidth());
        int front = 0;
        int points = 0;
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                front += near(rgb, 0xd9480f) ? 1 : 0;
                points += near(rgb, 0x1c7ed6) ? 1 : 0;
                int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                dark += lum < 150 ? 1 : 0;
            }
        }
        assertTrue(front > 100, "the Pareto front is drawn (" + front + " pixels)");
        assertTrue(points > 100, "the model points and bars are drawn (" + points + " pixels)");
        assertTrue(dark > 5000, "text is drawn (" + dark + " dark pixels)");
        List<String> dom = new ArrayList<>(base);
        dom.addAll(List.of("--dump-dom", html.toUri().toString()));
        String rendered = run(dom, dir);
        for (var m : cmp.getAsJsonArray("models")) {
            String name = m.getAsJsonObject().get("model").getAsString();
            assertTrue(rendered.contains("id=\"m-" + name + "\""), "section for " + name);
        }
        assertTrue(rendered.contains("<table"), "the metric table");
    }

    static boolean near(int rgb, int target) {
        int dr = Math.abs(((rgb >> 16) & 0xff) - ((target >> 16) & 0xff));
        int dg = Math.abs(((rgb >> 8) & 0xff) - ((target >> 8) & 0xff));
        int db = Math.abs((rgb & 0xff) - (target & 0xff));
        return dr + dg + db < 30;
    }
}
