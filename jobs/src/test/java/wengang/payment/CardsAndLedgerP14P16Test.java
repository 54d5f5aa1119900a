package wengang.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.TestSpark;

/** P14 (问题四: paid to the social security card with bank function), P15 cycles, P16 never twice. */
class CardsAndLedgerP14P16Test {
    static final String UNIT = unit(101);

    /** Lost card, card without bank function, card activated on the cycle's first day: all HELD with NO_FINANCIAL_CARD. */
    @Test
    void unusableCardsHoldThePayment() {
        String lost = person(101);
        String noBank = person(102);
        String lateCard = person(103);
        String fine = person(104);
        Fixture f = new Fixture().enterprise(UNIT, TIANHE)
                .card(lost, "c-lost", true, "LOST", null)
                .card(noBank, "c-nobank", false, "ACTIVE", null)
                .card(lateCard, "c-late", true, "ACTIVE", "2023-10-01")
                .card(fine, "c-fine");
        for (String p : List.of(lost, noBank, lateCard, fine)) {
            f.alleviated(p, BIJIE_QIXINGGUAN).worked(p, UNIT, 202307, 202309)
                    .claim("C-" + p.substring(14), Subsidy.LIVING, p, TIANHE, 202307, 202309, "2023-09-01");
        }
        CycleResult r = CycleHarness.run(f, 202310);
        for (String p : List.of(lost, noBank, lateCard)) {
            assertThat(CycleHarness.outcome(r, "C-" + p.substring(14)).values()).containsOnly("PAYABLE NO_FINANCIAL_CARD");
        }
        assertThat(CycleHarness.outcome(r, "C-" + fine.substring(14)).values()).containsOnly("PAYABLE");
        List<Row> entries = CycleHarness.ledgerEntries(r);
        assertThat(entries).filteredOn(e -> e.<String>getAs("entry_type").equals("HELD")).hasSize(9)
                .allSatisfy(e -> assertThat(e.<String>getAs("account")).isNull());
        assertThat(entries).filteredOn(e -> e.<String>getAs("entry_type").equals("PAY")).hasSize(3)
                .allSatisfy(e -> assertThat(e.<String>getAs("account")).isEqualTo("c-fine"));
    }

    /** P15: outside January, April, July, October decisions are made but the ledger gets nothing. */
    @Test
    void nonPaymentCycleWritesNoLedgerEntries() {
        String p = person(105);
        Fixture f = new Fixture().enterprise(UNIT, TIANHE).alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .worked(p, UNIT, 202307, 202309)
                .claim("C-1", Subsidy.LIVING, p, TIANHE, 202307, 202309, "2023-09-01");
        CycleResult r = CycleHarness.run(f, 202311);
        assertThat(r.paymentCycle()).isFalse();
        assertThat(CycleHarness.outcome(r, "C-1").values()).containsOnly("PAYABLE");
        assertThat(r.newLedgerEntries().count()).isZero();
    }

    /**
     * P16: a month the ledger shows paid for another claim is ALREADY_PAID; the frozen amount
     * is shown for the claim it was paid to, and a changed amount goes to adjustments.
     */
    @Test
    void alreadyPaidFrozenAmountAndAdjustment() {
        String p = person(106);
        Fixture f = new Fixture().enterprise(UNIT, TIANHE).alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .worked(p, UNIT, 202307, 202309)
                .claim("C-NEW", Subsidy.SI_SUBSIDY, p, TIANHE, 202307, 202308, "2023-09-01")
                .claim("C-PAID", Subsidy.SI_SUBSIDY, p, TIANHE, 202309, 202309, "2023-09-01");
        // an earlier cycle paid July to a claim no longer in the input, and September to C-PAID at 480.00
        Dataset<Row> ledger = TestSpark.session().createDataFrame(List.of(
                entry(202307, "C-OLD", p, 202307, "510.00"),
                entry(202307, "C-PAID", p, 202309, "480.00")), Ledger.SCHEMA);
        CycleResult r = CycleHarness.run(f, 202310, ledger);
        assertThat(CycleHarness.outcome(r, "C-NEW"))
                .containsEntry(202307, "REJECTED ALREADY_PAID").containsEntry(202308, "PAYABLE");
        assertThat(CycleHarness.months(r).get("C-PAID").get(202309).amount()).isEqualByComparingTo("480.00");
        List<Row> adjustments = r.adjustments().orderBy("claim_id").collectAsList();
        assertThat(adjustments).hasSize(2);
        // C-OLD's month is now decided for no claim: recomputed 0.00
        assertThat(adjustments.get(0).<String>getAs("claim_id")).isEqualTo("C-OLD");
        assertThat(adjustments.get(0).<BigDecimal>getAs("difference")).isEqualByComparingTo("-510.00");
        assertThat(adjustments.get(1).<String>getAs("claim_id")).isEqualTo("C-PAID");
        assertThat(adjustments.get(1).<BigDecimal>getAs("recomputed_amount")).isEqualByComparingTo("510.00");
        assertThat(adjustments.get(1).<BigDecimal>getAs("difference")).isEqualByComparingTo("30.00");
        // nothing new is paid for September
        assertThat(CycleHarness.ledgerEntries(r)).noneSatisfy(e ->
                assertThat(e.<Integer>getAs("month")).isEqualTo(202309));
    }

    static Row entry(int cycle, String claimId, String person, int month, String amount) {
        return RowFactory.create(cycle, "PAY", claimId, Subsidy.SI_SUBSIDY, person, person, TIANHE, month, month,
                Subsidy.SI_SUBSIDY + "|" + person + "|" + month, new BigDecimal(amount), "PERSON", person, "张三", "c",
                null, "P" + claimId + month, "test");
    }
}
