package wengang.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wengang.testing.Fixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.output.FaultInjection;
import wengang.payment.Ledger;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.TestSpark;
import wengang.testing.TestWarehouse;

/**
 * P16 and the atomic file set: a run killed while writing, then re-run, gives exactly
 * the files and ledger of an uninterrupted run; and P5: a cycle re-run at its recorded
 * table versions rebuilds the same files after newer data arrived.
 */
class CrashAndReplayTest {
    static final String P = person(131);
    static final String Q = person(132);
    static final String UNIT = unit(131);

    @TempDir
    Path dir;

    @AfterEach
    void noCrash() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    @Test
    void crashWhileWritingPaymentsThenRerunEqualsAnUninterruptedRun() throws Exception {
        Fixture f = fixture();
        Warehouse clean = TestWarehouse.of(f, dir.resolve("clean-wh"));
        VerificationCycle.run(TestSpark.session(), clean, CycleHarness.policy(), 202401, Location.local(dir.resolve("clean-out")), null);

        Warehouse crashed = TestWarehouse.of(f, dir.resolve("crash-wh"));
        Path out = dir.resolve("crash-out");
        // killed after the ledger commit, in the middle of the payment files
        System.setProperty(FaultInjection.PROPERTY, "payments-file-" + TIANHE);
        assertThatThrownBy(() -> VerificationCycle.run(TestSpark.session(), crashed, CycleHarness.policy(), 202401, Location.local(out), null))
                .isInstanceOf(FaultInjection.SimulatedCrash.class);
        assertThat(out.resolve("payments")).doesNotExist(); // no half set that looks complete
        System.clearProperty(FaultInjection.PROPERTY);
        VerificationCycle.run(TestSpark.session(), crashed, CycleHarness.policy(), 202401, Location.local(out), null);

        assertThat(tree(out)).isEqualTo(tree(dir.resolve("clean-out")));
        for (Path file : tree(out)) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file.toString())
                    .isEqualTo(Files.readAllBytes(dir.resolve("clean-out").resolve(file)));
        }
        assertThat(ledgerRows(crashed)).isEqualTo(ledgerRows(clean));
    }

    @Test
    void replayAtRecordedVersionsRebuildsTheSameFilesAfterNewData() throws Exception {
        Warehouse w = TestWarehouse.of(fixture(), dir.resolve("wh"));
        Path first = dir.resolve("first");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202402, Location.local(first), null);
        // newer data: Q's claim withdrawn (claims table replaced)
        TestWarehouse.write(new Fixture()
                .claim("C-P", Subsidy.LIVING, P, TIANHE, 202310, 202312, "2023-12-01").claims(TestSpark.session()),
                w.bronze("claims"));
        Path replay = dir.resolve("replay");
        var versions = CycleRuns.recordedVersions(TestSpark.session(), w, 202402).orElseThrow();
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202402, Location.local(replay), versions);
        assertThat(Files.readString(replay.resolve("claim_decisions.csv")))
                .isEqualTo(Files.readString(first.resolve("claim_decisions.csv")))
                .contains("C-Q");
        Path now = dir.resolve("now");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202402, Location.local(now), null);
        assertThat(Files.readString(now.resolve("claim_decisions.csv"))).doesNotContain("C-Q");
    }

    @Test
    void aReplayReadsTheLedgerAsTheCycleReadItAndAnEarlierCycleCannotPayAfterALaterOne() throws Exception {
        Warehouse w = TestWarehouse.of(fixture(), dir.resolve("wh"));
        Path first = dir.resolve("first");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202404, Location.local(first), null);
        var versions = CycleRuns.recordedVersions(TestSpark.session(), w, 202404).orElseThrow();
        assertThat(versions).as("the empty ledger, before the cycle's commit").containsEntry(VerificationCycle.LEDGER_KEY, 0L);
        List<String> ledger = ledgerRows(w);
        assertThat(ledger).isNotEmpty();

        // P16: 2024-01 comes before 2024-04, which has paid: running it now would pay the same months again
        assertThatThrownBy(() -> VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202401,
                Location.local(dir.resolve("late")), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has already paid").hasMessageContaining("2024-04");
        assertThat(ledgerRows(w)).isEqualTo(ledger);

        // an entry of an earlier cycle appearing afterwards (restored from a backup): a replay, and a
        // plain re-run too, still compute from the ledger as it stood before the cycle's own commit
        Ledger.read(TestSpark.session(), w).filter("claim_id = 'C-P' AND month = 202310")
                .withColumn("cycle", org.apache.spark.sql.functions.lit(202401))
                .write().format("delta").mode("append").save(Ledger.path(w));
        Path replay = dir.resolve("replay");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202404, Location.local(replay), versions);
        assertThat(Files.readString(replay.resolve("claim_months.csv")))
                .isEqualTo(Files.readString(first.resolve("claim_months.csv")));
        Path now = dir.resolve("now");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202404, Location.local(now), null);
        assertThat(Files.readString(now.resolve("claim_months.csv")))
                .isEqualTo(Files.readString(first.resolve("claim_months.csv")));
        assertThat(CycleRuns.recordedVersions(TestSpark.session(), w, 202404).orElseThrow()).isEqualTo(versions);
        // what the restored entry would have changed, read from the ledger as it is now
        assertThat(Ledger.read(TestSpark.session(), w).filter("cycle = 202401").count()).isPositive();
    }

    private static Fixture fixture() {
        return new Fixture().enterprise(UNIT, TIANHE)
                .alleviated(P, BIJIE_QIXINGGUAN).alleviated(Q, ANSHUN_XIXIU)
                .worked(P, UNIT, 202310, 202312).worked(Q, UNIT, 202310, 202312)
                .card(P, "6217000000000131")
                .claim("C-P", Subsidy.LIVING, P, TIANHE, 202310, 202312, "2023-12-01")
                .claim("C-Q", Subsidy.SI_SUBSIDY, Q, TIANHE, 202310, 202312, "2023-12-01");
    }

    private static List<Path> tree(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** The ledger as comparable text, sorted by claim, month and entry type (KillAndRerunTest uses it too). */
    static List<String> ledgerRows(Warehouse w) {
        return Ledger.read(TestSpark.session(), w).orderBy("claim_id", "month", "entry_type").collectAsList()
                .stream().map(Row::toString).toList();
    }
}
