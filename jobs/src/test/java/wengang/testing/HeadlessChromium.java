package wengang.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, started as a process on a local file (no driver, no network):
 * the DOM after the page's scripts ran, a screenshot, and what the browser logged. .ci/run
 * installs it; on a developer's machine without it the browser tests are skipped (in CI,
 * where CI is set, they fail instead).
 */
public final class HeadlessChromium {
    private HeadlessChromium() {}

    /** What one page load gave: the serialised DOM and the browser's log (console messages among it). */
    public record Page(String dom, String log) {}

    public static Path binary() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        if (System.getenv("CI") != null) {
            fail("headless Chromium is not installed: .ci/run installs Debian's chromium");
        }
        Assumptions.abort("Chromium not installed (apt-get install chromium): browser check skipped");
        return null;
    }

    /** Loads {@code html} and returns the DOM once its scripts ran (virtual time, so no waiting on timers). */
    public static Page load(Path html) {
        List<String> out = run(html, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom");
        return new Page(out.get(0), out.get(1));
    }

    /** A screenshot of the page at 1280 × {@code height} pixels. */
    public static void screenshot(Path html, Path png, int height) {
        run(html, "--hide-scrollbars", "--window-size=1280," + height, "--virtual-time-budget=10000",
                "--screenshot=" + png.toAbsolutePath());
    }

    private static List<String> run(Path html, String... args) {
        List<String> cmd = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--user-data-dir=" + html.toAbsolutePath().getParent().resolve(".chromium-profile")));
        cmd.addAll(List.of(args));
        cmd.add(html.toAbsolutePath().toUri().toString());
        try {
            Path stdout = Files.createTempFile("chromium", ".out");
            Path stderr = Files.createTempFile("chromium", ".err");
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish in 120 s: " + cmd);
            }
            List<String> result = List.of(Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
