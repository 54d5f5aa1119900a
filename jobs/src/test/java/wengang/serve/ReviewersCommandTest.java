package wengang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;

/** `wengang reviewers add|list` and `wengang serve`'s refusals, none of which starts Spark. */
class ReviewersCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = WengangCommand.commandLine(new WengangCommand(s -> {
            throw new AssertionError("Spark must not start");
        }));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private int withStdin(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return execute(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void addWritesAHashThatSignsInAndListShowsNamesOnly() throws Exception {
        Path file = dir.resolve("reviewers");
        assertThat(withStdin("a long enough secret\n", "reviewers", "add", "li", "--password-stdin",
                "--reviewers", file.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("reviewer li can sign in");
        assertThat(new ReviewersFile(file).check("li", "a long enough secret".toCharArray())).hasValue("li");
        assertThat(Files.readString(file)).doesNotContain("a long enough secret");

        assertThat(withStdin("short\n", "reviewers", "add", "wang", "--password-stdin", "--reviewers", file.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("at least 10 characters");
        assertThat(withStdin("a long enough secret\n", "reviewers", "add", "li:admin", "--password-stdin",
                "--reviewers", file.toString())).isEqualTo(ExitCode.USAGE);

        out.getBuffer().setLength(0);
        assertThat(execute("reviewers", "list", "--reviewers", file.toString())).isZero();
        assertThat(out.toString()).contains("1 reviewer(s)", "li").doesNotContain("pbkdf2");
    }

    @Test
    void serveRefusesToStartWithoutReviewersOrOnABadPort() {
        assertThat(execute("serve", "--reviewers", dir.resolve("none").toString(), "--warehouse", dir.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no reviewer can sign in", "wengang reviewers add NAME");
        assertThat(execute("serve", "--port", "70000", "--warehouse", dir.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--port must be 0..65535");
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
