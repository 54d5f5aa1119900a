package wengang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.output.FileHashes;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.Fixture;
import wengang.testing.InputFolder;
import wengang.testing.TestSpark;

/**
 * Audit trail (issue 14): `audit --cycle` prints what a payment cycle's files were made from,
 * and `audit --verify` re-runs it from the recorded versions, after newer data was ingested,
 * and proves every file identical.
 */
class AuditTrailTest {
    @TempDir
    Path dir;

    @Test
    void auditNamesWhatTheFilesWereMadeFromAndVerifyRebuildsThemIdentically() throws Exception {
        String p = person(151);
        String u = unit(151);
        Fixture f = new Fixture().enterprise(u, YUEXIU).alleviated(p, BIJIE_QIXINGGUAN).card(p, "6217000012345678901")
                .worked(p, u, 202310, 202312)
                .claim("C-1", Subsidy.LIVING, p, YUEXIU, 202310, 202312, "2023-12-10");
        Path input = InputFolder.write(f, dir.resolve("input"));
        Path out = dir.resolve("out");
        Path wh = dir.resolve("wh");
        assertThat(execute(new StringWriter(), "run", "--input", input.toString(), "--cycle", "2024-01", "--out",
                out.toString(), "--warehouse", wh.toString())).isEqualTo(ExitCode.OK);
        String manifestSha = FileHashes.sha256(wengang.engine.Location.local(out.resolve("payments").resolve("manifest.json")));
        String paymentsSha = FileHashes.sha256(wengang.engine.Location.local(out.resolve("payments").resolve(YUEXIU + ".csv")));
        String claimsSha = FileHashes.sha256(wengang.engine.Location.local(input.resolve("claims.csv")));

        // newer data arrives: a second claim; the audited cycle must still rebuild from what it read
        Fixture later = new Fixture().enterprise(u, YUEXIU).alleviated(p, BIJIE_QIXINGGUAN).card(p, "6217000012345678901")
                .worked(p, u, 202310, 202312)
                .claim("C-1", Subsidy.LIVING, p, YUEXIU, 202310, 202312, "2023-12-10")
                .claim("C-2", Subsidy.SI_SUBSIDY, p, YUEXIU, 202310, 202312, "2023-12-11");
        Path input2 = InputFolder.write(later, dir.resolve("input2"));
        assertThat(execute(new StringWriter(), "ingest", "--input", input2.toString(), "--warehouse", wh.toString()))
                .isEqualTo(ExitCode.OK);

        StringWriter audit = new StringWriter();
        assertThat(execute(audit, "audit", "--cycle", "2024-01", "--warehouse", wh.toString())).isEqualTo(ExitCode.OK);
        assertThat(audit.toString())
                .containsPattern("run +[0-9a-f-]{36} \\(run\\) by \\S+ at 20")
                .containsPattern("code +0\\.1\\.0-SNAPSHOT sha256:[0-9a-f]{16}")
                .containsPattern("policy +guangzhou-2023\\S* sha256 [0-9a-f]{64}")
                .containsPattern("claims +v0 +claims\\.csv sha256 " + claimsSha + ", 1 = 1 \\+ 0")
                .containsPattern("ledger \\(version read\\) +v\\d+")
                .containsPattern("payments/manifest\\.json +\\d+ +" + manifestSha)
                .containsPattern("payments/" + YUEXIU + "\\.csv +1 +" + paymentsSha)
                .containsPattern("claim_decisions\\.csv +1 +[0-9a-f]{64}")
                .contains("to pay 1500.00");

        StringWriter verified = new StringWriter();
        // the re-run's folder as a file: URI (any Hadoop path works, issue 13); a given folder is kept
        Path work = dir.resolve("audit-work");
        assertThat(execute(verified, "audit", "--cycle", "2024-01", "--warehouse", wh.toString(), "--verify",
                "--work", work.toUri().toString())).as(verified.toString()).isEqualTo(ExitCode.OK);
        assertThat(work.resolve("payments").resolve(YUEXIU + ".csv")).as("the re-run's payment file").exists();
        assertThat(verified.toString()).containsPattern("payments/" + YUEXIU + "\\.csv +identical")
                .containsPattern("claim_decisions\\.csv +identical").containsPattern("report\\.html +not compared")
                .containsPattern("verified: all \\d+ files of cycle 2024-01 are identical").doesNotContain("DIFFERENT");
        // the audit still describes the run that made the files, not its own re-run
        StringWriter again = new StringWriter();
        execute(again, "audit", "--cycle", "2024-01", "--warehouse", wh.toString());
        assertThat(again.toString().lines().filter(l -> l.contains(" run ")).findFirst().orElseThrow())
                .isEqualTo(audit.toString().lines().filter(l -> l.contains(" run ")).findFirst().orElseThrow());

        // another policy file cannot prove the files: refused in one line
        Path conf = Path.of(System.getProperty("wengang.home", "..")).resolve("conf");
        Files.createDirectories(dir.resolve("conf").resolve("reference"));
        Files.copy(conf.resolve("reference").resolve("districts.csv"), dir.resolve("conf").resolve("reference").resolve("districts.csv"));
        Files.createDirectories(dir.resolve("conf").resolve("policies"));
        Path otherPolicy = dir.resolve("conf").resolve("policies").resolve("edited.yaml");
        Files.writeString(otherPolicy, Files.readString(conf.resolve("policies")
                .resolve("guangzhou-2023.yaml")) + "\n# edited\n");
        StringWriter err = new StringWriter();
        assertThat(execute(new StringWriter(), err, "audit", "--cycle", "2024-01", "--warehouse", wh.toString(), "--verify",
                "--policy", otherPolicy.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--verify: the policy file has sha256").doesNotContain("\tat ");
    }

    private static int execute(StringWriter out, String... args) {
        return execute(out, new StringWriter(), args);
    }

    private static int execute(StringWriter out, StringWriter err, String... args) {
        WengangCommand root = new WengangCommand(settings -> TestSpark.session());
        CommandLine cl = WengangCommand.commandLine(root);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }
}
