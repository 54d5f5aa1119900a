package wengang.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The project's conf/ files (the default policy, the reference tables, the engine defaults,
 * the log settings), packaged in the jar under {@value #ROOT}. They are read on the driver
 * through the application's class loader, so a run needs no conf/ folder beside it (cluster
 * deploy mode has none) and executors never open a driver-side path: what they need of
 * these files reaches them as data.
 */
public final class Bundled {
    /** Where conf/ lies in the jar. */
    public static final String ROOT = "wengang/conf/";

    private Bundled() {}

    /** The bytes of conf/{@code name}, e.g. {@code reference/quotas.csv}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Bundled.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("conf/" + name + " is not in wengang's jar: rebuild with `mvn package`");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read conf/" + name + " from wengang's jar: " + e.getMessage(), e);
        }
    }

    /** Whether conf/{@code name} is bundled. */
    public static boolean has(String name) {
        return Bundled.class.getClassLoader().getResource(ROOT + name) != null;
    }
}
