package wengang.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wengang.testing.Fixture.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.engine.Location;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.cycle.VerificationCycle;
import wengang.engine.Warehouse;
import wengang.output.FaultInjection;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.ChildJvm;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.TestSpark;
import wengang.testing.TestWarehouse;

/**
 * P16, never pay twice, enforced by Delta itself: the ledger commit of a cycle carries a
 * transaction id, so it happens once however many runs of the cycle there are, at once
 * or one after another; the ledger table refuses DELETE and UPDATE; `wengang sql` only reads.
 */
class LedgerCommitOnceP16Test {
    static final String WANG = person(31);
    static final String LI = person(32);
    static final String UNIT = unit(31);

    @TempDir
    Path dir;

    static Fixture fixture() {
        return new Fixture().enterprise(UNIT, TIANHE)
                .alleviated(WANG, BIJIE_QIXINGGUAN).alleviated(LI, ANSHUN_XIXIU)
                .worked(WANG, UNIT, 202310, 202312).worked(LI, UNIT, 202310, 202312)
                .card(WANG, "6217000000000031")
                .claim("C-WANG", Subsidy.LIVING, WANG, TIANHE, 202310, 202312, "2023-10-20")
                .claim("C-LI", Subsidy.SI_SUBSIDY, LI, TIANHE, 202310, 202312, "2023-10-20");
    }

    @Test
    void aSecondCommitOfTheSameCycleIsSkippedByDelta() {
        Warehouse w = TestWarehouse.of(fixture(), dir.resolve("wh"));
        Dataset<Row> entries = CycleHarness.run(fixture(), 202401).newLedgerEntries();
        long n = entries.count();
        assertThat(n).isEqualTo(6); // WANG paid, LI held (no card): 3 months each
        Ledger.append(entries, 202401, w);
        // a second run that did not see the first one's commit (read the ledger before it)
        Ledger.append(entries, 202401, w);
        assertThat(Ledger.read(TestSpark.session(), w).count()).isEqualTo(n);
    }

    /**
     * Two first runs create the ledger at once: this one finds the other's table half made
     * (a log folder, no commit yet), waits until the other's commit is there and uses it.
     * The other run is simulated by a finished ledger copied into place a moment later.
     */
    @Test
    void aLedgerHalfCreatedByAnotherRunIsWaitedForAndUsed() throws Exception {
        Dataset<Row> entries = CycleHarness.run(fixture(), 202401).newLedgerEntries();
        Warehouse other = new Warehouse(Location.local(dir.resolve("other")));
        Ledger.append(entries, 202401, other);
        Warehouse mine = new Warehouse(Location.local(dir.resolve("mine")));
        Path ledger = Path.of(Ledger.path(mine));
        Files.createDirectories(ledger.resolve("_delta_log"));
        Thread otherRun = new Thread(() -> {
            try {
                Thread.sleep(1500);
                try (var files = Files.walk(Path.of(Ledger.path(other)))) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        Path target = ledger.resolve(Path.of(Ledger.path(other)).relativize(f));
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        otherRun.start();
        Ledger.append(entries, 202401, mine); // the other's commit carries this cycle's transaction id
        otherRun.join();
        assertThat(Ledger.read(TestSpark.session(), mine).count()).isEqualTo(entries.count());
    }

    @Test
    void theLedgerRefusesDeleteAndUpdateAndSqlOnlyReads() throws Exception {
        Warehouse w = TestWarehouse.of(fixture(), dir.resolve("wh"));
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202401, Location.local(dir.resolve("out")), null);
        long entries = Ledger.read(TestSpark.session(), w).count();
        assertThat(entries).isEqualTo(6);

        assertThatThrownBy(() -> TestSpark.session().sql("DELETE FROM delta.`" + Ledger.path(w) + "` WHERE cycle = 202401"))
                .hasMessageContaining("DELTA_CANNOT_MODIFY_APPEND_ONLY");
        assertThatThrownBy(() -> TestSpark.session().sql("UPDATE delta.`" + Ledger.path(w) + "` SET amount = 0"))
                .hasMessageContaining("DELTA_CANNOT_MODIFY_APPEND_ONLY");

        for (String statement : List.of(
                "DELETE FROM ledger WHERE cycle = 202401",
                "delete from ledger",
                "UPDATE ledger SET amount = 0",
                "INSERT INTO ledger SELECT * FROM ledger",
                "WITH x AS (SELECT * FROM ledger) INSERT INTO ledger SELECT * FROM x",
                "FROM ledger INSERT INTO ledger SELECT *",
                "MERGE INTO ledger t USING ledger s ON t.claim_id = s.claim_id WHEN MATCHED THEN DELETE",
                "DROP TABLE ledger",
                "CREATE TABLE t AS SELECT * FROM ledger",
                "VACUUM delta.`" + Ledger.path(w) + "`",
                "RESTORE TABLE delta.`" + Ledger.path(w) + "` TO VERSION AS OF 0",
                "SET spark.sql.ansi.enabled = false",
                "  /* hidden */ DELETE FROM ledger")) {
            StringWriter err = new StringWriter();
            int code = sql(err, "--query", statement);
            assertThat(code).as(statement).isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).as(statement).contains("read-only").doesNotContain("\tat ");
            assertThat(err.toString().lines().count()).as(statement).isEqualTo(1);
        }
        assertThat(Ledger.read(TestSpark.session(), w).count()).isEqualTo(entries);
        // reading still works
        assertThat(sql(new StringWriter(), "--query", "SELECT entry_type, count(*) FROM ledger GROUP BY entry_type"))
                .isEqualTo(ExitCode.OK);
        assertThat(sql(new StringWriter(), "--query", "DESCRIBE ledger")).isEqualTo(ExitCode.OK);
    }

    /** Two runs of one payment cycle in separate JVMs, started together on one warehouse. */
    @Test
    void twoConcurrentRunsOfOneCycleCommitOneSetOfEntries() throws Exception {
        Warehouse w = TestWarehouse.of(fixture(), dir.resolve("wh"));
        Path meet = dir.resolve("rendezvous");
        // both runs wait, ledger read and entries computed, until the other is ready to commit
        Map<String, String> hooks = Map.of(FaultInjection.RENDEZVOUS, "before-ledger",
                FaultInjection.RENDEZVOUS_DIR, meet.toString(), FaultInjection.RENDEZVOUS_PARTIES, "2");
        List<Process> runs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            runs.add(ChildJvm.start(hooks, dir.resolve(name + ".log"), "verify", "--cycle", "2024-01",
                    "--warehouse", w.root().toString(), "--out", dir.resolve("out-" + name).toString()));
        }
        List<Integer> codes = new ArrayList<>();
        for (Process p : runs) {
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            codes.add(p.exitValue());
        }
        assertThat(Files.list(meet).count()).as("both reached the commit").isEqualTo(2);

        // one set of entries, whichever run won
        Dataset<Row> ledger = Ledger.read(TestSpark.session(), w);
        assertThat(ledger.count()).isEqualTo(6);
        assertThat(ledger.select("claim_id", "month", "entry_type").distinct().count()).isEqualTo(6);
        System.out.println("two concurrent runs of 2024-01 exited with " + codes);
        assertThat(codes).contains(ExitCode.OK);
        for (int i = 0; i < 2; i++) {
            String log = Files.readString(dir.resolve(List.of("a", "b").get(i) + ".log"));
            assertThat(codes.get(i)).as(log).isIn(ExitCode.OK, ExitCode.CONCURRENT_RUN);
            if (codes.get(i) == ExitCode.CONCURRENT_RUN) {
                assertThat(log).contains("another run of cycle 2024-01 is writing warehouse").doesNotContain("\tat ");
                // the loser, run again, reuses the committed entries and writes the winner's files
                VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202401,
                        Location.local(dir.resolve("out-" + List.of("a", "b").get(i))), null);
            }
        }
        assertThat(Ledger.read(TestSpark.session(), w).count()).isEqualTo(6);
        for (String file : List.of(TIANHE + ".csv", "manifest.json")) {
            assertThat(Files.readAllBytes(dir.resolve("out-a").resolve("payments").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("out-b").resolve("payments").resolve(file)));
        }
    }

    private int sql(StringWriter err, String... args) {
        WengangCommand root = new WengangCommand(settings -> TestSpark.session());
        CommandLine cl = WengangCommand.commandLine(root);
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("sql", "--warehouse", dir.resolve("wh").toString()));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }
}
