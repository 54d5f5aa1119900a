package wengang.cycle;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Materialised;
import wengang.engine.Warehouse;
import wengang.schemas.Codes;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.schemas.ResidentId;
import wengang.testing.ChildJvm;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.InputFolder;
import wengang.testing.TestSpark;
import wengang.testing.TestWarehouse;

/**
 * Issue 14, inputs that would otherwise explode: one person_id with N contribution rows (five
 * insurance types, 60 months, at N / 300 units: every row of it lands in one task), one agency
 * with N DISPATCH_ONE_TIME claims (each for a worker of its own, in the registry, hired at the
 * agency), and the same person_id on N / 100 claims of its own, overlapping, beside as many
 * grants of another scheme. Cycle 2024-01 must finish, with a decision for every claim.
 *
 * <p>It found the agency's rule of five hires (P10, code 19) counting distinct workers with the
 * size of a set over a window: every claim row carried the agency's whole set, 10^10 copies for
 * 10^5 claims, and the cycle did not end in 10 minutes (now 8 minutes for the whole run).
 *
 * <p>CI computes the cycle (decisions, payments, screening flags) for N = {@value #CI_ROWS} in
 * the test JVM, on bronze tables written directly (under a minute on 2 cores).
 * {@code -Dwengang.skew.rows=100000} runs the 10^5 through {@code wengang run} (ingest,
 * cycle, every output) in a child JVM with a heap of {@value #MAX_HEAP}, what a small
 * province's run gets (about 9 minutes on 2 cores): no OutOfMemoryError.
 */
class SkewedInputTest {
    static final String ROWS_PROPERTY = "wengang.skew.rows";
    static final int CI_ROWS = 10_000;
    static final String MAX_HEAP = "768m";
    static final String P = person(BIJIE_QIXINGGUAN, 7);
    static final String AGENCY = unit(999_999);
    static final int HIRE_MONTH = 202306;

    @TempDir
    Path dir;

    @Test
    void onePersonOneAgencyAndOneSkewedIdWithHugeRowCountsFinishInASmallHeap() throws Exception {
        int rows = Integer.getInteger(ROWS_PROPERTY, CI_ROWS);
        boolean inChildJvm = System.getProperty(ROWS_PROPERTY) != null;
        long started = System.nanoTime();
        Fixture f = new Fixture().agency(AGENCY, TIANHE).alleviated(P, BIJIE_QIXINGGUAN).card(P, "6217000000000007");
        // one person, `rows` contribution rows: five insurance types, 60 months, at rows / 300 units
        List<String> types = List.of("110", "210", "310", "410", "510");
        int units = Math.max(1, rows / (types.size() * 60));
        for (int u = 0; u < units; u++) {
            String unit = unit(1_000 + u);
            f.enterprise(unit, TIANHE);
            for (int m = 201901; m <= 202312; m = Months.plus(m, 1)) {
                String paidOn = Months.firstDay(m).plusDays(14).toString();
                for (String type : types) {
                    f.contribution(P, unit, null, GUANGZHOU, m, type, "5000.00", "400.00", Codes.PayStatus.PAID, paidOn,
                            Codes.StaffType.REGULAR);
                }
            }
        }
        // the same person_id on a hundredth as many claims of its own, overlapping, and as many grants elsewhere
        for (int c = 0; c < Math.max(2, rows / 100); c++) {
            f.claim(String.format("P%06d", c), c % 2 == 0 ? Subsidy.LIVING : Subsidy.SI_SUBSIDY, P, TIANHE, 202301,
                    202312, "2023-12-10");
            f.grant(String.format("G%06d", c), Subsidy.LIVING, P, Codes.Scheme.DISTRICT, 202306, 202312, "2023-06-01");
        }
        // one agency, `rows` one-time dispatch claims, each for a worker in the registry hired there
        String userUnit = unit(1_000);
        for (int w = 0; w < rows; w++) {
            String worker = worker(w);
            f.alleviated(worker, ANSHUN_XIXIU)
                    .contribution(worker, AGENCY, userUnit, GUANGZHOU, HIRE_MONTH, "110", "4000.00", "320.00",
                            Codes.PayStatus.PAID, "2023-06-15", Codes.StaffType.DISPATCHED)
                    .claim(String.format("D%06d", w), Subsidy.DISPATCH_ONE_TIME, worker, AGENCY, TIANHE,
                            Codes.Scheme.CITY_2023, HIRE_MONTH, HIRE_MONTH, "2023-07-01", null, null, null);
        }
        int personalClaims = Math.max(2, rows / 100);
        int cityClaims = rows + personalClaims;
        System.out.printf("skew: %d contribution rows of one person, %d claims (%d of one agency), input %.0f s%n",
                units * types.size() * 60, cityClaims + personalClaims, rows, (System.nanoTime() - started) / 1e9);
        long t = System.nanoTime();
        if (!inChildJvm) {
            SparkSession spark = TestSpark.session();
            Warehouse w = TestWarehouse.of(f, dir.resolve("wh"));
            CycleComputation.CycleResult r = CycleComputation.compute(
                    VerificationCycle.sources(spark, w, VerificationCycle.currentVersions(spark, w)),
                    CycleHarness.emptyLedger(), CycleHarness.policy(), 202401, d -> Materialised.keptWithPartitioning(spark, d));
            assertThat(r.claimDecisions().count()).as("a decision for every CITY_2023 claim").isEqualTo(cityClaims);
            assertThat(r.claimDecisions().filter(col(Columns.CLAIM_ID).startsWith("D")).count()).isEqualTo(rows);
            assertThat(r.newLedgerEntries().count()).isPositive();
            assertThat(r.flags().count()).isPositive();
            System.out.printf("skew: cycle in the test JVM %.0f s%n", (System.nanoTime() - t) / 1e9);
            return;
        }
        Path input = InputFolder.write(f, dir.resolve("in"));
        Path out = dir.resolve("out");
        Path log = dir.resolve("run.log");
        Process run = ChildJvm.start(MAX_HEAP, Map.of(), log, "run", "--input", input.toString(), "--cycle", "2024-01",
                "--out", out.toString(), "--warehouse", dir.resolve("wh").toString());
        boolean finished = run.waitFor(30, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly().waitFor();
        }
        String logText = Files.readString(log);
        System.out.printf("skew: run in a child JVM with a %s heap %.0f s%n", MAX_HEAP, (System.nanoTime() - t) / 1e9);
        assertThat(finished).as("finished in 30 minutes\n" + tail(logText)).isTrue();
        assertThat(run.exitValue()).as(tail(logText)).isZero();
        assertThat(logText).doesNotContain("OutOfMemoryError");
        List<String> decisions = Files.readAllLines(out.resolve("claim_decisions.csv"));
        assertThat(decisions).as("a decision for every CITY_2023 claim").hasSize(cityClaims + 1);
        assertThat(decisions.stream().filter(l -> l.startsWith("D")).count()).isEqualTo(rows);
    }

    /** A valid resident ID of worker {@code w}: born on day w / 1000 after 1970-01-01 in Anshun. */
    static String worker(int w) {
        String born = LocalDate.of(1970, 1, 1).plusDays(w / 1000).format(DateTimeFormatter.BASIC_ISO_DATE);
        String body = ANSHUN_XIXIU + born + String.format("%03d", w % 1000);
        return body + ResidentId.checkChar(body);
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
