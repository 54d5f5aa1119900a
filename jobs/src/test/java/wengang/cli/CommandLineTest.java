package wengang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line is parsed and explained without starting Spark. */
class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        WengangCommand root = new WengangCommand(settings -> {
            throw new AssertionError("Spark must not start for " + String.join(" ", args));
        });
        CommandLine cl = WengangCommand.commandLine(root);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void everyCommandExplainsItself() {
        for (String command : new String[] {"demo", "generate", "ingest", "run", "verify", "explain", "flags", "serve", "reviewers"}) {
            out.getBuffer().setLength(0);
            assertThat(execute(command, "--help")).as(command).isZero();
            assertThat(out.toString()).as(command).contains("Usage: wengang " + command);
        }
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("demo", "run", "Exit codes");
    }

    @Test
    void aBadCycleIsAUsageErrorThatSaysHowToWriteIt() {
        assertThat(execute("run", "--input", "x", "--out", "y", "--cycle", "2024-13")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("yyyy-MM");
    }

    @Test
    void generateChecksItsOptionsBeforeSparkStartsWhateverTheOutputFolder() {
        // a Hadoop path is taken (GenerateOnHdfsTest writes one); a bad size is still refused without Spark
        assertThat(execute("generate", "--persons", "10", "--out", "hdfs://namenode/wengang/in")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--persons must be at least 50").doesNotContain("local folder");
        out.getBuffer().setLength(0);
        assertThat(execute("generate", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--out=DIR", "any Hadoop path", "hdfs://");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        assertThat(execute("run", "--input", "x")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--cycle", "--out");
    }
}
