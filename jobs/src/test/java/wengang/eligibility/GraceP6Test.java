package wengang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P5 as-of and P6 grace: a month m is within grace at cycle c while (c − 1) − m &lt; 3. */
class GraceP6Test {
    static final String UNIT = unit(41);
    static final String P = person(41);

    /** Arrears: no payment for March 2023 yet. PENDING through cycle 2023-06, REJECTED from 2023-07. */
    @Test
    void missingMonthIsPendingWithinGraceThenRejected() {
        Fixture f = base().worked(P, UNIT, 202301, 202302).worked(P, UNIT, 202304, 202306)
                .claim("C-1", Subsidy.LIVING, P, TIANHE, 202303, 202303, "2023-04-01");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202306), "C-1"))
                .containsEntry(202303, "PENDING NO_PAID_CONTRIBUTION");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202307), "C-1"))
                .containsEntry(202303, "REJECTED NO_PAID_CONTRIBUTION");
    }

    /** Arrears paid inside the grace (March paid on 2023-05-10): the month is payable from cycle 2023-06. */
    @Test
    void arrearsPaidWithinGraceMakeTheMonthPayable() {
        Fixture f = base().worked(P, UNIT, 202301, 202302)
                .pension(P, UNIT, 202303, "5000.00", "PAID", "2023-05-10", "REGULAR", null)
                .worked(P, UNIT, 202304, 202305)
                .claim("C-1", Subsidy.LIVING, P, TIANHE, 202303, 202303, "2023-04-01");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202305), "C-1"))
                .containsEntry(202303, "PENDING NO_PAID_CONTRIBUTION");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202306), "C-1")).containsEntry(202303, "PAYABLE");
    }

    /** paid_on on the cycle's first day is not yet visible to that cycle (P5: before the first day). */
    @Test
    void paymentOnTheCyclesFirstDayIsSeenNextCycle() {
        Fixture f = base().worked(P, UNIT, 202301, 202302)
                .pension(P, UNIT, 202303, "5000.00", "PAID", "2023-04-01", "REGULAR", null)
                .claim("C-1", Subsidy.LIVING, P, TIANHE, 202303, 202303, "2023-03-20");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202304), "C-1"))
                .containsEntry(202303, "PENDING NO_PAID_CONTRIBUTION");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202305), "C-1")).containsEntry(202303, "PAYABLE");
    }

    /** A claim submitted on the cycle's first day is not decided by that cycle. */
    @Test
    void claimSubmittedOnTheFirstDayWaitsForTheNextCycle() {
        Fixture f = base().worked(P, UNIT, 202301, 202303)
                .claim("C-1", Subsidy.LIVING, P, TIANHE, 202301, 202303, "2023-04-01");
        assertThat(CycleHarness.months(CycleHarness.run(f, 202304))).doesNotContainKey("C-1");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202305), "C-1").values()).containsOnly("PAYABLE");
    }

    /** A back-payment arriving after the grace turns a rejected month payable in a later cycle (re-decided each cycle). */
    @Test
    void backPaymentAfterTheGraceIsDecidedAgain() {
        Fixture f = base().worked(P, UNIT, 202301, 202302)
                .pension(P, UNIT, 202303, "5000.00", "PAID", "2023-08-15", "REGULAR", null)
                .worked(P, UNIT, 202304, 202308)
                .claim("C-1", Subsidy.LIVING, P, TIANHE, 202303, 202303, "2023-04-01");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202308), "C-1"))
                .containsEntry(202303, "REJECTED NO_PAID_CONTRIBUTION");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202309), "C-1")).containsEntry(202303, "PAYABLE");
    }

    /** Months claimed ahead of time (after cycle − 1) are PENDING. */
    @Test
    void futureMonthsArePending() {
        Fixture f = base().worked(P, UNIT, 202301, 202305)
                .claim("C-1", Subsidy.LIVING, P, TIANHE, 202305, 202308, "2023-05-20");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202306), "C-1"))
                .containsEntry(202305, "PAYABLE")
                .containsEntry(202306, "PENDING NO_PAID_CONTRIBUTION")
                .containsEntry(202308, "PENDING NO_PAID_CONTRIBUTION");
    }

    private static Fixture base() {
        return new Fixture().enterprise(UNIT, TIANHE).alleviated(P, BIJIE_QIXINGGUAN).card(P, "c");
    }
}
