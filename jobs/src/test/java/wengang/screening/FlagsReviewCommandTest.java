package wengang.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.engine.Location;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.engine.EngineSettings;
import wengang.engine.Warehouse;
import wengang.testing.TestSpark;

/** `wengang flags review` and `wengang flags list` on a warehouse whose cycle 2024-01 stored two flags. */
class FlagsReviewCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(Function<EngineSettings, SparkSession> spark, String... args) {
        CommandLine cl = WengangCommand.commandLine(new WengangCommand(spark));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private int execute(String... args) {
        return execute(settings -> TestSpark.session(), args);
    }

    @Test
    void helpTeachesTheDecisionsWithoutStartingSpark() {
        Function<EngineSettings, SparkSession> noSpark = s -> {
            throw new AssertionError("Spark must not start for --help");
        };
        assertThat(execute(noSpark, "flags", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: wengang flags", "review", "list", "CONFIRMED", "DISMISSED");
        assertThat(execute(noSpark, "flags", "review", "--help")).isZero();
        assertThat(out.toString()).contains("--flag", "--decision", "--note", "--reviewer", "--warehouse", "FLAG_CONFIRMED");
        assertThat(execute(noSpark, "flags", "review", "--flag", "F1", "--decision", "MAYBE", "--note", "x"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("CONFIRMED", "DISMISSED");
    }

    @Test
    void reviewRecordsTheDecisionAndSaysWhatItHolds() {
        Warehouse w = new Warehouse(Location.local(dir));
        StoredFlags.write(ReviewsTest.flags(), w, 202401);

        int code = execute("flags", "review", "--flag", "F1", "--decision", "confirmed", "--note", "same card, two names",
                "--reviewer", "li", "--warehouse", dir.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("recorded: F1 CONFIRMED by li", "SHARED_ACCOUNT on CARD C-1", "cycle 2024-01",
                "will hold", "claims T-1; persons P1, P2");
        Row stored = Reviews.read(TestSpark.session(), w, -1).first();
        assertThat(stored.getString(stored.fieldIndex("flag_id"))).isEqualTo("F1");
        assertThat(stored.getString(stored.fieldIndex("reviewer"))).isEqualTo("li");
        assertThat(stored.<String>getList(stored.fieldIndex(FlagTable.NAMED_CLAIMS))).containsExactly("T-1");

        out.getBuffer().setLength(0);
        assertThat(execute("flags", "list", "--warehouse", dir.toString())).isZero();
        assertThat(out.toString()).contains("cycle 2024-01: 2 flag(s)", "F1  HIGH", "review CONFIRMED", "F2  LOW", "review -");
    }

    @Test
    void withoutUserTheReviewerIsLognameOrTheOsAccountOrItMustBeGiven() {
        assertThat(wengang.cli.FlagsReviewCommand.loginName(java.util.Map.of("USER", "li", "LOGNAME", "x"), "os")).isEqualTo("li");
        assertThat(wengang.cli.FlagsReviewCommand.loginName(java.util.Map.of("LOGNAME", "cron"), "os")).isEqualTo("cron");
        assertThat(wengang.cli.FlagsReviewCommand.loginName(java.util.Map.of(), "app")).isEqualTo("app");
        // a container's account without a passwd entry: Java says "?"
        assertThat(wengang.cli.FlagsReviewCommand.loginName(java.util.Map.of("USER", " "), "?")).isNull();
    }

    @Test
    void anUnknownFlagIdIsRefusedWithExitCode2() {
        Warehouse w = new Warehouse(Location.local(dir));
        StoredFlags.write(ReviewsTest.flags(), w, 202401);
        int code = execute("flags", "review", "--flag", "F-NOPE", "--decision", "DISMISSED", "--note", "x",
                "--reviewer", "li", "--warehouse", dir.toString());
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown flag id 'F-NOPE'", "latest cycle: 2024-01", "wengang flags list");
        assertThat(Reviews.currentVersion(TestSpark.session(), w)).isEqualTo(-1L);
    }
}
