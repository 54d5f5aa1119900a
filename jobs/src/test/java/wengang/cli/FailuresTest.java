package wengang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An expected failure ends in one line, never a stack trace; an unexpected one names the log of its trace. */
class FailuresTest {
    static final String ID = "44010619900101123X";

    @Test
    void aFullDiskOrABadPathIsOneLine() {
        StringWriter err = new StringWriter();
        int code = Failures.report(new UncheckedIOException("cannot write out/flags.csv: No space left on device",
                new IOException("No space left on device")), new PrintWriter(err), false);
        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString().lines()).containsExactly("wengang: cannot write out/flags.csv: No space left on device"
                + " (the disk is full: free space and run again; the previous outputs are as they were)");
    }

    @Test
    void aBadValueIsOneLineWithExitCode2() {
        StringWriter err = new StringWriter();
        assertThat(Failures.report(new IllegalArgumentException("--replay: cycle 2024-01 was never run"),
                new PrintWriter(err), false)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("wengang: --replay: cycle 2024-01 was never run" + System.lineSeparator());
    }

    @Test
    void anUnexpectedFailureWritesItsTraceToAnOwnerOnlyLogMaskedAndVerbosePrintsIt() throws Exception {
        StringWriter err = new StringWriter();
        int code = Failures.report(new IllegalStateException("row of " + ID), new PrintWriter(err), false);
        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("wengang: failed: java.lang.IllegalStateException: row of 440106********123X")
                .doesNotContain(ID).doesNotContain("\tat ");
        Matcher m = Pattern.compile("the stack trace is in (\\S+\\.log);").matcher(err.toString());
        assertThat(m.find()).isTrue();
        Path log = Path.of(m.group(1));
        assertThat(Files.readString(log)).contains("\tat wengang.cli.FailuresTest").doesNotContain(ID);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        Files.delete(log);

        StringWriter verbose = new StringWriter();
        Failures.report(new IllegalStateException("boom"), new PrintWriter(verbose), true);
        assertThat(verbose.toString()).startsWith("wengang: failed: java.lang.IllegalStateException: boom\n")
                .contains("\tat wengang.cli.FailuresTest");
    }
}
