package wengang.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of long work on stderr (logger wengang.progress): each step says what starts
 * and how long the previous one took, so a slow phase is visible in the log.
 */
public final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger("wengang.progress");
    private final String label;
    private final long started = System.nanoTime();
    private long last = started;
    private String current = "start";

    private Progress(String label) {
        this.label = label;
    }

    public static Progress start(String label) {
        LOG.info("{}: started", label);
        return new Progress(label);
    }

    public void step(String what) {
        long now = System.nanoTime();
        LOG.info("{}: {} ({} done in {} ms)", label, what, current, (now - last) / 1_000_000);
        current = what;
        last = now;
    }

    public void done() {
        long now = System.nanoTime();
        LOG.info("{}: done in {} s ({} took {} ms)", label, (now - started) / 1_000_000_000, current, (now - last) / 1_000_000);
    }
}
