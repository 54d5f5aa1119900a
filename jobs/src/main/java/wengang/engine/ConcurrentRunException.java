package wengang.engine;

import io.delta.exceptions.DeltaConcurrentModificationException;

/**
 * Another run wrote the same Delta table between this run's read and its commit (two
 * runs of one cycle, or an ingest beside a cycle). Delta let one of them commit and
 * stopped the other; the message tells the user what happened and what to do.
 */
public final class ConcurrentRunException extends RuntimeException {
    public ConcurrentRunException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether Delta's optimistic concurrency control stopped this run (anywhere in the cause chain). */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeltaConcurrentModificationException || t instanceof ConcurrentRunException) {
                return true;
            }
        }
        return false;
    }
}
