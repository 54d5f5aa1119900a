package wengang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P2 (问题三, 问题六(一)) window and deadline; P3 (问题八) employed in Guangzhou, dispatched yes, established no. */
class WindowAndEmploymentP2P3Test {
    static final String UNIT = unit(31);
    static final String AGENCY = unit(32);
    static final String USER_UNIT = unit(33);
    static final String INSTITUTION = unit(34);

    @Test
    void monthsBeforeTheWindowAreOutsideIt() {
        String p = person(31);
        Fixture f = new Fixture().enterprise(UNIT, LIWAN).alleviated(p, BIJIE_QIXINGGUAN)
                .worked(p, UNIT, 202210, 202302).card(p, "c")
                .claim("C-1", Subsidy.LIVING, p, LIWAN, 202211, 202302, "2023-03-01");
        CycleResult r = CycleHarness.run(f, 202304);
        assertThat(CycleHarness.outcome(r, "C-1"))
                .containsEntry(202211, "REJECTED OUTSIDE_POLICY_WINDOW")
                .containsEntry(202212, "REJECTED OUTSIDE_POLICY_WINDOW")
                .containsEntry(202301, "PAYABLE").containsEntry(202302, "PAYABLE");
    }

    /** Submitted on 2026-01-05, after the last application day 2025-12-31: every month LATE_SUBMISSION. */
    @Test
    void claimAfterThePolicysLastDayIsLate() {
        String p = person(32);
        Fixture f = new Fixture().enterprise(UNIT, LIWAN).alleviated(p, BIJIE_QIXINGGUAN)
                .worked(p, UNIT, 202509, 202512).card(p, "c")
                .claim("C-LATE", Subsidy.SI_SUBSIDY, p, LIWAN, 202511, 202512, "2026-01-05")
                .claim("C-INTIME", Subsidy.LIVING, p, LIWAN, 202511, 202512, "2025-12-31");
        CycleResult r = CycleHarness.run(f, 202602);
        assertThat(CycleHarness.outcome(r, "C-LATE").values()).containsOnly("REJECTED LATE_SUBMISSION");
        assertThat(CycleHarness.outcome(r, "C-INTIME").values()).containsOnly("PAYABLE");
    }

    /** Q8: a dispatched worker qualifies; established staff (ESTABLISHED or a 120 row) do not. */
    @Test
    void dispatchedQualifiesEstablishedDoesNot() {
        String dispatched = person(33);
        String established = person(34);
        String publicPension = person(35);
        Fixture f = new Fixture().agency(AGENCY, BAIYUN).enterprise(USER_UNIT, HUANGPU)
                .employer(INSTITUTION, "某事业单位", LIWAN, "PUBLIC_INSTITUTION", false, "6222")
                .alleviated(dispatched, BIJIE_QIXINGGUAN).alleviated(established, BIJIE_QIXINGGUAN)
                .alleviated(publicPension, BIJIE_QIXINGGUAN)
                .card(dispatched, "c1").card(established, "c2").card(publicPension, "c3");
        for (int m = 202301; m <= 202302; m++) {
            String paid = m / 100 + "-0" + m % 100 + "-20";
            f.pension(dispatched, AGENCY, m, "4000.00", "PAID", paid, "DISPATCHED", USER_UNIT);
            f.pension(established, INSTITUTION, m, "6000.00", "PAID", paid, "ESTABLISHED", null);
            f.pension(publicPension, INSTITUTION, m, "6000.00", "PAID", paid, "REGULAR", null);
            f.contribution(publicPension, INSTITUTION, null, GUANGZHOU, m, "120", "6000.00", "480.00", "PAID", paid, "REGULAR");
        }
        f.claim("C-DISPATCHED", Subsidy.LIVING, dispatched, BAIYUN, 202301, 202302, "2023-03-01")
                .claim("C-ESTABLISHED", Subsidy.LIVING, established, LIWAN, 202301, 202302, "2023-03-01")
                .claim("C-120", Subsidy.LIVING, publicPension, LIWAN, 202301, 202302, "2023-03-01");
        CycleResult r = CycleHarness.run(f, 202304);
        assertThat(CycleHarness.outcome(r, "C-DISPATCHED").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "C-ESTABLISHED").values()).containsOnly("REJECTED ESTABLISHED_STAFF");
        assertThat(CycleHarness.outcome(r, "C-120").values()).containsOnly("REJECTED ESTABLISHED_STAFF");
    }

    /** P3: a pension paid in another city (Shenzhen) is not employment in Guangzhou. */
    @Test
    void pensionOutsideGuangzhouIsNotEmployment() {
        String p = person(36);
        Fixture f = new Fixture().enterprise(UNIT, LIWAN).alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .contribution(p, UNIT, null, "440300", 202301, "110", "5000.00", "400.00", "PAID", "2023-01-20", "REGULAR")
                .claim("C-1", Subsidy.LIVING, p, LIWAN, 202301, 202301, "2023-02-01");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202306), "C-1").values())
                .containsOnly("REJECTED NO_PAID_CONTRIBUTION");
    }
}
