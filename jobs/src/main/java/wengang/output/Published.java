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
 * each file of the payment set) is written through here. A write that fails (a full disk, a
 * quota) removes the temporary file and leaves the file of that name as it was; a cycle's
 * outputs are written as one set into a staging folder ({@link StagedOutputs}), so a failure
 * halfway leaves every previous output as it was.
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
            try (OutputStream out = new FreshFailures(tmp.create())) {
                result = body.writeTo(out);
                // kill tests: halted here, the file is half on disk under its temporary name
                FaultInjection.point("writing-" + file.name());
            }
            tmp.moveTo(file);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                if (tmp.exists()) {
                    tmp.delete(); // the write or the rename failed: the error above is the one to report
                }
            } catch (UncheckedIOException ignored) {
                // the file system refuses even that: the failure being thrown says why
            }
        }
    }

    /**
     * An output stream whose every failure after the first is a new exception. HDFS's stream
     * throws the same exception object again on every later call (a full quota on write, then
     * on flush and close), and try-with-resources, adding the close's failure to the first as
     * suppressed, then fails with "Self-suppression not permitted" instead of the real cause.
     */
    private static final class FreshFailures extends java.io.FilterOutputStream {
        private boolean failed;

        FreshFailures(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            guarded(() -> out.write(b));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            guarded(() -> out.write(b, off, len));
        }

        @Override
        public void flush() throws IOException {
            guarded(out::flush);
        }

        @Override
        public void close() throws IOException {
            guarded(out::close);
        }

        private interface StreamCall {
            void run() throws IOException;
        }

        private void guarded(StreamCall call) throws IOException {
            try {
                call.run();
            } catch (IOException e) {
                throw fresh(e);
            }
        }

        private IOException fresh(IOException e) {
            if (!failed) {
                failed = true;
                return e;
            }
            return new IOException(e.getMessage(), e);
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
