package org.pellucid.examples.report;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pellucid.examples.cli.ReportFixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the demo's report in a real browser — headless Chromium — and checks what it drew: the
 * screenshot must show the chart's colours and text, and the rendered DOM every model's section.
 * Skips, saying why, when no Chromium is installed ({@code apt-get install chromium}; `.ci/run`
 * installs it when it can).
 */
public class ReportInBrowserTest {

    public static Optional<String> chromium() {
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

    /** Measures the laid-out page in the browser: page overflow and overlapping chart labels, written into the DOM. */
    private static final String MEASURE = """
            <script>
            window.addEventListener('load', () => {
              const doc = document.documentElement;
              const labels = [...document.querySelectorAll('svg.chart text.lbl')].map(t => t.getBoundingClientRect());
              let overlaps = 0;
              for (let i = 0; i < labels.length; i++)
                for (let j = i + 1; j < labels.length; j++) {
                  const a = labels[i], b = labels[j];
                  if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
                }
              // nor may a label sit on a model's point
              const points = [...document.querySelectorAll('svg.chart circle')].filter(c => c.getAttribute('r') === '7')
                  .map(c => c.getBoundingClientRect());
              for (const a of labels)
                for (const b of points)
                  if (a.left < b.right - 1 && b.left + 1 < a.right && a.top < b.bottom - 1 && b.top + 1 < a.bottom) overlaps++;
              // a table wider than the box it sits in is cut off or scrolls: either way columns hide
              const tables = [...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().right > doc.clientWidth + 1
                  || t.getBoundingClientRect().width > t.parentElement.clientWidth + 1).length;
              const heads = [...document.querySelectorAll('th')].filter(h => h.scrollWidth > h.clientWidth + 1).length;
              const pre = document.createElement('pre');
              pre.id = 'layout';
              pre.textContent = 'overflow=' + (doc.scrollWidth - doc.clientWidth) + ' overlaps=' + overlaps + ' labels=' + labels.length
                  + ' wide_tables=' + (tables + heads);
              document.body.appendChild(pre);
            });
            </script>""";

    /** At 1280 and 1600 px the page does not scroll sideways, no table runs past the window, and no two chart labels overlap. */
    @Test
    void theReportFitsAt1280And1600WithoutOverlappingLabels(@TempDir Path dir) throws Exception {
        Optional<String> chrome = chromium();
        assumeTrue(chrome.isPresent(), "no Chromium on the PATH (install the Debian package `chromium` to run this check)");
        Path file = dir.resolve("report.html");
        Files.writeString(file, HtmlReport.render(ReportFixture.comparison()));
        assertFitsAt1280And1600(chrome.get(), file, 4, dir);
    }

    /**
     * Renders {@code report} at 1280 and 1600 px and fails on sideways overflow, a table past the
     * window, fewer than {@code minLabels} chart labels, or two chart labels overlapping.
     */
    public static void assertFitsAt1280And1600(String chrome, Path report, int minLabels, Path work) throws Exception {
        Path file = work.resolve("measured-" + report.getFileName());
        Files.writeString(file, Files.readString(report).replace("</body>", MEASURE + "</body>"));
        for (int width : new int[] {1280, 1600}) {
            String dom = run(List.of(chrome, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--user-data-dir=" + work.resolve("profile-" + width), "--window-size=" + width + ",1200",
                    "--virtual-time-budget=5000", "--dump-dom", file.toUri().toString()), work);
            Matcher m = Pattern.compile("overflow=(-?\\d+) overlaps=(\\d+) labels=(\\d+) wide_tables=(\\d+)")
                    .matcher(dom);
            assertTrue(m.find(), "the measuring script ran at " + width + " px");
            assertTrue(Integer.parseInt(m.group(1)) <= 0, width + " px: the page overflows sideways by " + m.group(1) + " px");
            assertEquals("0", m.group(4), width + " px: a table wider than its box, or a heading wider than its column");
            assertTrue(Integer.parseInt(m.group(3)) >= minLabels, width + " px: chart labels drawn: " + m.group(3));
            assertEquals("0", m.group(2), width + " px: overlapping chart labels");
        }
    }

    static boolean near(int rgb, int target) {
        int dr = Math.abs(((rgb >> 16) & 0xff) - ((target >> 16) & 0xff));
        int dg = Math.abs(((rgb >> 8) & 0xff) - ((target >> 8) & 0xff));
        int db = Math.abs((rgb & 0xff) - (target & 0xff));
        return dr + dg + db < 30;
    }
}
