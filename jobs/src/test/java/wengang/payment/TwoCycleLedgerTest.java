package wengang.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.cycle.CycleSummary;
import wengang.cycle.VerificationCycle;
import wengang.engine.Warehouse;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.TestSpark;
import wengang.testing.TestWarehouse;

/**
 * P14–P16 across two payment cycles on one warehouse: 2023-10 pays what is payable and
 * holds a worker without a usable card; 2024-01 pays only the new months, releases the
 * hold once the card is active, and never pays a month twice.
 */
class TwoCycleLedgerTest {
    static final String WANG = person(11);
    static final String LI = person(12);
    static final String UNIT = unit(11);

    @TempDir
    Path dir;

    @Test
    void secondCyclePaysOnlyNewMonthsAndReleasesTheHold() throws Exception {
        Fixture f = new Fixture()
                .enterprise(UNIT, TIANHE)
                .alleviated(WANG, BIJIE_QIXINGGUAN).alleviated(LI, ANSHUN_XIXIU)
                .worked(WANG, UNIT, 202306, 202312).worked(LI, UNIT, 202306, 202312)
                .card(WANG, "6217000000000011")
                // LI's card gets its bank function in November 2023: usable from cycle 2023-12
                .card(LI, "6217000000000012", true, "ACTIVE", "2023-11-10")
                .claim("C-WANG", Subsidy.LIVING, WANG, TIANHE, 202306, 202312, "2023-08-01")
                .claim("C-LI", Subsidy.LIVING, LI, TIANHE, 202306, 202312, "2023-08-01");
        Warehouse w = TestWarehouse.of(f, dir.resolve("wh"));
        Path out1 = dir.resolve("out-2023-10");
        Path out2 = dir.resolve("out-2024-01");

        CycleSummary first = VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202310, Location.local(out1), null);
        // June–September payable: WANG paid, LI held (no usable card at 2023-10)
        assertThat(first.payTotal()).isEqualByComparingTo("2000.00");
        assertThat(first.heldTotal()).isEqualByComparingTo("2000.00");
        List<String> tianhe1 = Files.readAllLines(out1.resolve("payments").resolve(TIANHE + ".csv"));
        assertThat(tianhe1).hasSize(3);
        assertThat(tianhe1).anySatisfy(l -> assertThat(l).contains("C-WANG", "202306,202309", "2000.00", ",PAY"));
        assertThat(tianhe1).anySatisfy(l -> assertThat(l).contains("C-LI", "202306,202309", "2000.00", ",HELD"));
        assertThat(Files.readString(out1.resolve("claim_months.csv")))
                .contains("C-LI,202306,PAYABLE,500.00,NO_FINANCIAL_CARD");

        CycleSummary second = VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202401, Location.local(out2), null);
        List<String> tianhe2 = Files.readAllLines(out2.resolve("payments").resolve(TIANHE + ".csv"));
        // WANG: October–December only; LI: the held June–September released plus October–December, one run
        assertThat(tianhe2).hasSize(3);
        assertThat(tianhe2).anySatisfy(l -> assertThat(l).contains("C-WANG", "202310,202312", "1500.00", ",PAY"));
        assertThat(tianhe2).anySatisfy(l -> assertThat(l).contains("C-LI", "202306,202312", "3500.00", ",PAY"));
        assertThat(tianhe2).noneSatisfy(l -> assertThat(l).contains("HELD"));
        assertThat(second.payTotal()).isEqualByComparingTo("5000.00");

        // never paid twice: each (claim, month) has at most one PAY entry in the ledger
        long payEntries = Ledger.read(TestSpark.session(), w).filter("entry_type = 'PAY'").count();
        long distinctPaid = Ledger.read(TestSpark.session(), w).filter("entry_type = 'PAY'")
                .select("claim_id", "month").distinct().count();
        assertThat(payEntries).isEqualTo(distinctPaid).isEqualTo(14);
        // the earlier hold stays explained on the claim
        assertThat(Files.readString(out2.resolve("claim_decisions.csv")))
                .contains("C-LI,APPROVED,3500.00,NO_FINANCIAL_CARD");

        // re-running 2023-10 after 2024-01 rebuilds the same files and adds nothing to the ledger
        long ledgerRows = Ledger.read(TestSpark.session(), w).count();
        Path again = dir.resolve("out-2023-10-again");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202310, Location.local(again), null);
        assertThat(Ledger.read(TestSpark.session(), w).count()).isEqualTo(ledgerRows);
        for (String file : List.of("claim_months.csv", "claim_decisions.csv", "payments/" + TIANHE + ".csv", "payments/manifest.json")) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file).isEqualTo(Files.readAllBytes(out1.resolve(file)));
        }
    }
}
