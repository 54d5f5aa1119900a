package wengang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P4, seeds/000 问题六(一): payable from the first qualifying month; 3 months to requalify after a break. */
class ContinuityQ61Test {
    static final String XIAOMING = person(1);
    static final String UNIT_A = unit(1);
    static final String UNIT_B = unit(2);

    /**
     * Example A: 小明 employed steadily at A since May 2022; by August 2023 he can claim
     * January–August 2023 (the window starts in 2023; the 2022 months do not count).
     */
    @Test
    void exampleA_employedSinceMay2022_claimsJanuaryToAugust2023() {
        Fixture f = new Fixture()
                .enterprise(UNIT_A, YUEXIU)
                .alleviated(XIAOMING, BIJIE_QIXINGGUAN)
                .worked(XIAOMING, UNIT_A, 202205, 202308)
                .card(XIAOMING, "6217000000000001")
                .claim("C-A", Subsidy.SI_SUBSIDY, XIAOMING, YUEXIU, 202301, 202308, "2023-09-05");
        CycleResult r = CycleHarness.run(f, 202310);
        Map<Integer, CycleHarness.Month> months = CycleHarness.months(r).get("C-A");
        assertThat(months).hasSize(8);
        assertThat(months.values()).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo("PAYABLE");
            // P7: personal parts of 110 (400.00), 210 (10.00), 310 (100.00)
            assertThat(m.amount()).isEqualByComparingTo(new BigDecimal("510.00"));
            assertThat(m.reason()).isNull();
        });
        assertThat(CycleHarness.decisions(r).get("C-A").getString(1)).isEqualTo("APPROVED");
        assertThat(CycleHarness.decisions(r).get("C-A").getDecimal(2)).isEqualByComparingTo("4080.00");
    }

    /**
     * Example B: A in Yuexiu April–August 2023, left, B in Haizhu from October 2023. By
     * February 2024 he claims April–August at Yuexiu and October–February at Haizhu.
     */
    @Test
    void exampleB_breakInSeptember_bothSpellsPayableByFebruary2024() {
        Fixture f = exampleB()
                .claim("C-YUEXIU", Subsidy.LIVING, XIAOMING, YUEXIU, 202304, 202308, "2024-02-20")
                .claim("C-HAIZHU", Subsidy.LIVING, XIAOMING, HAIZHU, 202310, 202402, "2024-02-20");
        CycleResult r = CycleHarness.run(f, 202403);
        assertThat(CycleHarness.outcome(r, "C-YUEXIU").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "C-HAIZHU")).hasSize(5);
        assertThat(CycleHarness.outcome(r, "C-HAIZHU").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.months(r).get("C-HAIZHU").get(202310).amount()).isEqualByComparingTo("500.00");
    }

    /** Example B seen earlier: in December 2023 the new spell has only October and November: PENDING. */
    @Test
    void exampleB_twoMonthsIntoTheNewSpell_isRequalifyingPending() {
        Fixture f = exampleB()
                .claim("C-HAIZHU", Subsidy.LIVING, XIAOMING, HAIZHU, 202310, 202311, "2023-11-20");
        CycleResult r = CycleHarness.run(f, 202312);
        assertThat(CycleHarness.outcome(r, "C-HAIZHU"))
                .containsEntry(202310, "PENDING REQUALIFYING")
                .containsEntry(202311, "PENDING REQUALIFYING");
        assertThat(CycleHarness.decisions(r).get("C-HAIZHU").getString(1)).isEqualTo("PENDING");
    }

    /** Exactly 3 requalifying months (October–December): the spell is payable from its first month. */
    @Test
    void exactlyThreeMonthsAfterTheBreak_requalifies() {
        Fixture f = exampleB()
                .claim("C-HAIZHU", Subsidy.LIVING, XIAOMING, HAIZHU, 202310, 202312, "2023-11-20");
        CycleResult r = CycleHarness.run(f, 202401);
        assertThat(CycleHarness.outcome(r, "C-HAIZHU").values()).containsOnly("PAYABLE");
    }

    /** Two months after a break and then stop: PENDING within grace, REJECTED after. */
    @Test
    void twoMonthsThenStop_pendingWithinGraceThenRejected() {
        Fixture f = new Fixture()
                .enterprise(UNIT_A, YUEXIU).enterprise(UNIT_B, YUEXIU)
                .alleviated(XIAOMING, BIJIE_QIXINGGUAN)
                .worked(XIAOMING, UNIT_A, 202301, 202304)
                .worked(XIAOMING, UNIT_B, 202306, 202307)
                .card(XIAOMING, "6217000000000001")
                .claim("C-B", Subsidy.LIVING, XIAOMING, YUEXIU, 202306, 202307, "2023-06-20");
        // spell June–July: the month after it (August) is within grace while (c-1) - 202308 < 3
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202311), "C-B").values()).containsOnly("PENDING REQUALIFYING");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202312), "C-B").values()).containsOnly("REJECTED REQUALIFYING");
    }

    /** A break before the first qualifying month does not count: the first spell needs no requalifying. */
    @Test
    void breakBeforeTheFirstQualifyingMonth_doesNotCount() {
        Fixture f = new Fixture()
                .enterprise(UNIT_A, YUEXIU)
                .alleviated(XIAOMING, BIJIE_QIXINGGUAN)
                .worked(XIAOMING, UNIT_A, 202201, 202203)
                .worked(XIAOMING, UNIT_A, 202302, 202303)
                .card(XIAOMING, "6217000000000001")
                .claim("C-1", Subsidy.LIVING, XIAOMING, YUEXIU, 202302, 202303, "2023-04-03");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202305), "C-1").values()).containsOnly("PAYABLE");
    }

    private static Fixture exampleB() {
        return new Fixture()
                .enterprise(UNIT_A, YUEXIU).enterprise(UNIT_B, HAIZHU)
                .alleviated(XIAOMING, BIJIE_QIXINGGUAN)
                .worked(XIAOMING, UNIT_A, 202304, 202308)
                .worked(XIAOMING, UNIT_B, 202310, 202402)
                .card(XIAOMING, "6217000000000001");
    }
}
