package wengang.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.cycle.VerificationCycle;
import wengang.engine.Warehouse;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CsvFiles;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.TestSpark;
import wengang.testing.TestWarehouse;

/**
 * P14 and the contract's `reasons` rule: informational codes appear where they apply now
 * "or applied in an earlier cycle" — any cycle run before on the warehouse, payment cycle
 * or not. December (no payment) shows a LIVING claim's months held for want of a card;
 * the card becomes usable before January, which pays them; January's and February's
 * reasons still say NO_FINANCIAL_CARD, though no ledger entry was ever HELD.
 */
class EarlierCycleReasonsP14Test {
    static final String ZHANG = person(21);
    static final String UNIT = unit(21);

    @TempDir
    Path dir;

    @Test
    void noFinancialCardShownInANonPaymentCycleStaysInLaterReasons() throws Exception {
        Fixture f = new Fixture()
                .enterprise(UNIT, TIANHE)
                .alleviated(ZHANG, BIJIE_QIXINGGUAN)
                .worked(ZHANG, UNIT, 202309, 202312)
                // bank function usable from 2023-12-15: not at cycle 2023-12, yes at 2024-01
                .card(ZHANG, "6217000000000021", true, "ACTIVE", "2023-12-15")
                .claim("C-ZHANG", Subsidy.LIVING, ZHANG, TIANHE, 202309, 202311, "2023-11-20");
        Warehouse w = TestWarehouse.of(f, dir.resolve("wh"));

        Path december = dir.resolve("out-2023-12");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202312, Location.local(december), null);
        assertThat(months(december)).containsEntry("202309", "PAYABLE 500.00 NO_FINANCIAL_CARD")
                .containsEntry("202311", "PAYABLE 500.00 NO_FINANCIAL_CARD");
        assertThat(decision(december)).containsExactly("C-ZHANG", "APPROVED", "1500.00", "NO_FINANCIAL_CARD");
        assertThat(Ledger.read(TestSpark.session(), w).count()).isZero(); // not a payment cycle

        Path january = dir.resolve("out-2024-01");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202401, Location.local(january), null);
        assertThat(months(january)).containsEntry("202309", "PAYABLE 500.00 ")
                .containsEntry("202311", "PAYABLE 500.00 ");
        assertThat(decision(january)).containsExactly("C-ZHANG", "APPROVED", "1500.00", "NO_FINANCIAL_CARD");
        assertThat(CsvFiles.assertOneHeader(january.resolve("payments").resolve(TIANHE + ".csv")))
                .singleElement().satisfies(line -> assertThat(line).contains("C-ZHANG", "PAY", "1500.00"));

        Path february = dir.resolve("out-2024-02");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), 202402, Location.local(february), null);
        assertThat(decision(february)).containsExactly("C-ZHANG", "APPROVED", "1500.00", "NO_FINANCIAL_CARD");

        // every CSV of every cycle, empty ones included, has exactly one header line
        assertThat(CsvFiles.assertEveryFileHasOneHeader(dir)).isGreaterThan(20);
    }

    private static Map<String, String> months(Path out) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (List<String> r : CsvFiles.assertOneHeader(out.resolve("claim_months.csv"))) {
            m.put(r.get(1), r.get(2) + " " + r.get(3) + " " + r.get(4));
        }
        return m;
    }

    private static List<String> decision(Path out) throws Exception {
        return CsvFiles.assertOneHeader(out.resolve("claim_decisions.csv")).get(0).subList(0, 4);
    }
}
