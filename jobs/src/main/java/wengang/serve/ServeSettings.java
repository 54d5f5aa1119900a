package wengang.serve;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Settings of the review workbench, from conf/serve.properties: where the reviewers file
 * is (overridden by $WENGANG_REVIEWERS), how long a session lasts, the PBKDF2 work factor.
 */
public record ServeSettings(Path reviewersFile, Duration sessionIdle, Duration sessionMax, int passwordIterations) {
    public static final String FILE = "serve.properties";
    public static final String REVIEWERS_ENV = "WENGANG_REVIEWERS";

    public ServeSettings {
        if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionMax.compareTo(sessionIdle) < 0) {
            throw new IllegalArgumentException("conf/" + FILE + ": session_idle_minutes must be positive and at most "
                    + "session_max_hours");
        }
        if (passwordIterations < 10_000) {
            throw new IllegalArgumentException("conf/" + FILE + ": password_iterations must be at least 10000");
        }
    }

    /** conf/serve.properties, then $WENGANG_REVIEWERS, then {@code reviewersOverride} when not null. */
    public static ServeSettings load(Path reviewersOverride) {
        Properties p = new Properties();
        // conf/serve.properties, bundled in the jar like the rest of conf/
        if (wengang.engine.Bundled.has(FILE)) {
            try (Reader r = new java.io.StringReader(new String(wengang.engine.Bundled.bytes(FILE), StandardCharsets.UTF_8))) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read conf/" + FILE + ": " + e.getMessage());
            }
        }
        String env = System.getenv(REVIEWERS_ENV);
        Path reviewers = reviewersOverride != null ? reviewersOverride
                : env != null && !env.isBlank() ? Path.of(env)
                : expandHome(p.getProperty("reviewers_file", "~/.wengang/reviewers"));
        return new ServeSettings(reviewers.toAbsolutePath().normalize(),
                Duration.ofMinutes(number(p, "session_idle_minutes", 30)),
                Duration.ofHours(number(p, "session_max_hours", 8)),
                number(p, "password_iterations", 600_000));
    }

    private static Path expandHome(String path) {
        String s = path.trim();
        return s.equals("~") || s.startsWith("~/") ? Path.of(System.getProperty("user.home") + s.substring(1)) : Path.of(s);
    }

    private static int number(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("conf/" + FILE + ": " + key + " must be a whole number, is '" + v + "'");
        }
    }
}
