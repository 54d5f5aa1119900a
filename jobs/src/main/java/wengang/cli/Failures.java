package wengang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import wengang.engine.ConcurrentRunException;
import wengang.engine.OwnerOnly;
import wengang.ingest.InputContractException;
import wengang.schemas.PersonalData;

/**
 * How a failed command ends: one line saying what happened and what to do, and the exit
 * code. A failure the user can act on (bad input, another run, a bad value, a path that
 * cannot be read or written, a full disk) never shows a stack trace; an unexpected one
 * writes its trace to a log file (owner-only) and names it. {@code --verbose} prints the
 * trace as well. Every line passes through {@link PersonalData}: no resident ID in it.
 */
final class Failures {
    private Failures() {}

    static int report(Exception ex, PrintWriter err, boolean verbose) {
        PersonalData shown = PersonalData.masked();
        int code;
        String line;
        IOException io = ioCause(ex);
        if (ex instanceof InputContractException ice) {
            line = "input folder breaks the contract: " + ice.getMessage();
            code = ExitCode.BAD_INPUT;
        } else if (ex instanceof ConcurrentRunException cre) {
            line = cre.getMessage();
            code = ExitCode.CONCURRENT_RUN;
        } else if (ConcurrentRunException.isConflict(ex)) {
            line = "another run is writing the same warehouse at the same time; this run"
                    + " stopped before finishing. Run it again when the other has finished.";
            code = ExitCode.CONCURRENT_RUN;
        } else if (ex instanceof IllegalArgumentException iae) {
            line = iae.getMessage();
            code = ExitCode.USAGE;
        } else if (io != null) {
            // the first line only: a Hadoop or Spark message may carry the remote side's trace
            String m = String.valueOf(ex.getMessage() != null ? ex.getMessage() : io.getMessage()).lines()
                    .findFirst().orElse("");
            line = m + (m.contains("No space left") ? " (the disk is full: free space and run again; the previous"
                    + " outputs are as they were)" : quotaExceeded(ex) ? " (the folder's quota on the file system is used up: free"
                    + " space or raise the quota and run again; the previous outputs are as they were)" : "");
            code = ExitCode.FAILURE;
        } else {
            line = "failed: " + ex + traceNote(ex, verbose);
            code = ExitCode.FAILURE;
        }
        err.println("wengang: " + shown.text(line));
        if (verbose) {
            err.print(shown.text(trace(ex)));
        }
        err.flush();
        return code;
    }

    /** The IOException behind {@code ex} (an unreadable or unwritable path, a full disk), if any. */
    static IOException ioCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
            if (t instanceof IOException e) {
                return e;
            }
        }
        return null;
    }

    /**
     * A full space quota of a Hadoop folder (HDFS's DSQuotaExceededException, a
     * ClusterStorageCapacityExceededException): the disk-full of a cluster. By name, so the
     * HDFS client need not be on the class path.
     */
    static boolean quotaExceeded(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getSimpleName().equals("DSQuotaExceededException")
                        || c.getSimpleName().equals("ClusterStorageCapacityExceededException")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes the trace of an unexpected failure to a log file; returns how the line names it. */
    private static String traceNote(Throwable ex, boolean verbose) {
        if (verbose) {
            return "";
        }
        try {
            Path log = Path.of(System.getProperty("java.io.tmpdir"), "wengang-failure-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                    + ProcessHandle.current().pid() + ".log");
            OwnerOnly.write(log, PersonalData.masked().text(trace(ex)).getBytes(StandardCharsets.UTF_8));
            return " (an unexpected failure: the stack trace is in " + log + "; --verbose prints it)";
        } catch (IOException e) {
            return " (--verbose prints the stack trace)";
        }
    }

    private static String trace(Throwable ex) {
        java.io.StringWriter s = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
