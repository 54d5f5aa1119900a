package wengang.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P9, seeds/000 问题七: 800 a year, one payable month in the year is enough, claimed by 31 December, no back claims. */
class TransportP9Test {
    static final String UNIT = unit(81);

    @Test
    void onePayableMonthInTheYearIsEnough() {
        String p = person(81);
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU).alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .worked(p, UNIT, 202311, 202311)
                .claim("T-2023", Subsidy.TRANSPORT, p, HAIZHU, 202301, 202312, "2023-12-20");
        CycleResult r = CycleHarness.run(f, 202401);
        assertThat(CycleHarness.outcome(r, "T-2023")).containsExactly(java.util.Map.entry(202301, "PAYABLE"));
        assertThat(CycleHarness.months(r).get("T-2023").get(202301).amount()).isEqualByComparingTo("800.00");
    }

    /** Submitted on 2 January for the year before: LATE_SUBMISSION (no back claims, 问题七(二)). */
    @Test
    void claimAfterTheYearEndIsLate() {
        String p = person(82);
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU).alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .worked(p, UNIT, 202301, 202312)
                .claim("T-LATE", Subsidy.TRANSPORT, p, HAIZHU, 202301, 202312, "2024-01-02");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202402), "T-LATE").values())
                .containsOnly("REJECTED LATE_SUBMISSION");
    }

    /** No payable month yet: PENDING until the cycle is past March of the next year, then REJECTED. */
    @Test
    void noPayableMonthIsPendingUntilPastMarchNextYear() {
        String p = person(83);
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU).alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .claim("T-NONE", Subsidy.TRANSPORT, p, HAIZHU, 202301, 202312, "2023-06-01");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202403), "T-NONE").values())
                .containsOnly("PENDING NO_PAID_CONTRIBUTION");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202404), "T-NONE").values())
                .containsOnly("REJECTED NO_PAID_CONTRIBUTION");
    }

    /** Any district with a payable month that year may pay; a district with none: WRONG_DISTRICT. One per year. */
    @Test
    void districtOfAnyPayableMonthAndOnePerYear() {
        String p = person(84);
        String other = unit(82);
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU).enterprise(other, TIANHE)
                .alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .worked(p, UNIT, 202301, 202306).worked(p, other, 202307, 202309)
                .claim("T-TIANHE", Subsidy.TRANSPORT, p, TIANHE, 202301, 202312, "2023-08-01")
                .claim("T-HAIZHU", Subsidy.TRANSPORT, p, HAIZHU, 202301, 202312, "2023-09-01")
                .claim("T-LIWAN", Subsidy.TRANSPORT, p, LIWAN, 202301, 202312, "2023-07-01");
        CycleResult r = CycleHarness.run(f, 202310);
        assertThat(CycleHarness.outcome(r, "T-LIWAN").values()).containsOnly("REJECTED WRONG_DISTRICT");
        assertThat(CycleHarness.outcome(r, "T-TIANHE").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "T-HAIZHU").values()).containsOnly("REJECTED DUPLICATE_CLAIM");
    }

    /** A year outside 2023–2025 is outside the window. */
    @Test
    void yearOutsideTheWindow() {
        String p = person(85);
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU).alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .worked(p, UNIT, 202201, 202212)
                .claim("T-2022", Subsidy.TRANSPORT, p, HAIZHU, 202201, 202212, "2022-12-01");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202302), "T-2022").values())
                .containsOnly("REJECTED OUTSIDE_POLICY_WINDOW");
    }
}
