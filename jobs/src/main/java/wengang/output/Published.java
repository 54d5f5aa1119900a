package wengang.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import wengang.engine.Location;

/**
 * The one way an output file appears: written beside its final name under a hidden
 * temporary name, then renamed onto it ({@link Location#moveTo}), so a reader sees the old
 * file or the new one, never half of one. Every output (CSV files, the report, plan stats,
 * each file of the payment set) is written through here.
 */
public final class Published {
    /** What writes the file's bytes. */
    @FunctionalInterface
    public interface Body<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    private Published() {}

    /** Writes {@code file} through {@code body}; returns what the body returns. */
    public static <T> T file(Location file, Body<T> body) {
        Location tmp = file.parent().resolve("." + file.name() + "." + UUID.randomUUID() + ".tmp");
        try {
            T result;
            try (OutputStream out = tmp.create()) {
                result = body.writeTo(out);
            }
            tmp.moveTo(file);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp.exists()) {
                tmp.delete(); // the rename failed: the error above is the one to report
            }
        }
    }

    /** Writes {@code bytes} as {@code file}. */
    public static void bytes(Location file, byte[] bytes) {
        file(file, out -> {
            out.write(bytes);
            return null;
        });
    }
}
