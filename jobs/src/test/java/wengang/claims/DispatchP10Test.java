package wengang.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P10, seeds/000 问题九: 5,000 per new hire to a licensed Guangzhou dispatch agency with at least 5 such hires a year. */
class DispatchP10Test {
    static final String AGENCY = unit(151);
    static final String RIVAL = unit(152);
    static final String USER_UNIT = unit(153);
    static final String SHENZHEN_UNIT = unit(154);
    static final List<String> WORKERS = IntStream.range(0, 6).mapToObj(i -> person(151 + i)).toList();

    /** An agency with hires in March 2023 dispatched to a Huangpu unit; workers registered and carded. */
    private static Fixture agencyWith(int hires) {
        Fixture f = new Fixture().agency(AGENCY, BAIYUN).agency(RIVAL, BAIYUN).enterprise(USER_UNIT, HUANGPU)
                .enterprise(SHENZHEN_UNIT, SHENZHEN_NANSHAN);
        for (int i = 0; i < hires; i++) {
            String w = WORKERS.get(i);
            f.alleviated(w, BIJIE_QIXINGGUAN).card(w, "card" + i)
                    .pension(w, AGENCY, 202303, "4000.00", "PAID", "2023-03-20", "DISPATCHED", USER_UNIT)
                    .pension(w, AGENCY, 202304, "4000.00", "PAID", "2023-04-20", "DISPATCHED", USER_UNIT)
                    .claim("D" + i, Subsidy.DISPATCH_ONE_TIME, w, AGENCY, BAIYUN, "CITY_2023", 202303, 202303,
                            "2023-04-10", "5000.00", null, null);
        }
        return f;
    }

    @Test
    void fiveConfirmedNewHiresArePaidToTheAgency() {
        CycleResult r = CycleHarness.run(agencyWith(5), 202305);
        for (int i = 0; i < 5; i++) {
            assertThat(CycleHarness.outcome(r, "D" + i)).containsExactly(java.util.Map.entry(202303, "PAYABLE"));
            assertThat(CycleHarness.months(r).get("D" + i).get(202303).amount()).isEqualByComparingTo("5000.00");
        }
    }

    /** Four hires: PENDING until the cycle is past March of the next year, then REJECTED. */
    @Test
    void fewerThanFiveHiresWaitThenFail() {
        Fixture f = agencyWith(4);
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202403), "D0").values())
                .containsOnly("PENDING AGENCY_BELOW_MIN_HIRES");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202404), "D0").values())
                .containsOnly("REJECTED AGENCY_BELOW_MIN_HIRES");
    }

    /** Not licensed: NOT_DISPATCH_AGENCY; and the agency's count is then below five for the others. */
    @Test
    void unlicensedClaimantIsNotADispatchAgency() {
        String plain = unit(155);
        Fixture f = agencyWith(5).enterprise(plain, BAIYUN)
                .claim("D-PLAIN", Subsidy.DISPATCH_ONE_TIME, WORKERS.get(0), plain, BAIYUN, "CITY_2023", 202303, 202303,
                        "2023-04-01", null, null, null);
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202305), "D-PLAIN").values())
                .containsOnly("REJECTED NOT_DISPATCH_AGENCY");
    }

    /** Q9.2: a Guangzhou record in the 3 months before the hire month is not a new hire; a missing hire-month pension waits. */
    @Test
    void newHireLookbackAndGraceForTheHireMonth() {
        Fixture f = agencyWith(5)
                .contribution(WORKERS.get(0), USER_UNIT, null, GUANGZHOU, 202212, "310", "4000.00", "80.00", "OWED", null, "REGULAR");
        String late = person(160);
        f.alleviated(late, BIJIE_QIXINGGUAN)
                .claim("D-LATE", Subsidy.DISPATCH_ONE_TIME, late, AGENCY, BAIYUN, "CITY_2023", 202304, 202304,
                        "2023-04-25", null, null, null);
        CycleResult r = CycleHarness.run(f, 202305);
        assertThat(CycleHarness.outcome(r, "D0").values()).containsOnly("REJECTED NOT_NEW_HIRE");
        assertThat(CycleHarness.outcome(r, "D-LATE").values()).containsOnly("PENDING NOT_NEW_HIRE");
        // the other four are confirmed but four are not enough
        assertThat(CycleHarness.outcome(r, "D1").values()).containsOnly("PENDING AGENCY_BELOW_MIN_HIRES");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202308), "D-LATE").values()).containsOnly("REJECTED NOT_NEW_HIRE");
    }

    /** Q9.3: dispatched to a unit outside Guangzhou (or not dispatched at all): USER_UNIT_OUTSIDE_CITY. */
    @Test
    void userUnitMustBeInGuangzhou() {
        String w = person(161);
        String regular = person(162);
        Fixture f = agencyWith(5).alleviated(w, BIJIE_QIXINGGUAN).alleviated(regular, BIJIE_QIXINGGUAN)
                .pension(w, AGENCY, 202303, "4000.00", "PAID", "2023-03-20", "DISPATCHED", SHENZHEN_UNIT)
                .pension(regular, AGENCY, 202303, "4000.00", "PAID", "2023-03-20", "REGULAR", null)
                .claim("D-SZ", Subsidy.DISPATCH_ONE_TIME, w, AGENCY, BAIYUN, "CITY_2023", 202303, 202303, "2023-04-10", null, null, null)
                .claim("D-REG", Subsidy.DISPATCH_ONE_TIME, regular, AGENCY, BAIYUN, "CITY_2023", 202303, 202303, "2023-04-10", null, null, null);
        CycleResult r = CycleHarness.run(f, 202305);
        assertThat(CycleHarness.outcome(r, "D-SZ").values()).containsOnly("REJECTED USER_UNIT_OUTSIDE_CITY");
        assertThat(CycleHarness.outcome(r, "D-REG").values()).containsOnly("REJECTED USER_UNIT_OUTSIDE_CITY");
    }

    /** Q9.5: one agency per worker per year (the earliest valid claim wins); never the same agency twice. */
    @Test
    void oneAgencyPerWorkerPerYearAndNeverTwice() {
        String w = WORKERS.get(0);
        Fixture f = agencyWith(5)
                // the rival agency also pays the worker's pension in March: its claim passes codes 1–11
                .pension(w, RIVAL, 202303, "3000.00", "PAID", "2023-03-21", "DISPATCHED", USER_UNIT)
                .claim("D-RIVAL", Subsidy.DISPATCH_ONE_TIME, w, RIVAL, BAIYUN, "CITY_2023", 202303, 202303, "2023-04-11", null, null, null)
                .pension(w, AGENCY, 202407, "4000.00", "PAID", "2024-07-20", "DISPATCHED", USER_UNIT)
                .claim("D-AGAIN", Subsidy.DISPATCH_ONE_TIME, w, AGENCY, BAIYUN, "CITY_2023", 202407, 202407, "2024-08-01", null, null, null);
        CycleResult r = CycleHarness.run(f, 202409);
        assertThat(CycleHarness.outcome(r, "D0").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "D-RIVAL").values()).containsOnly("REJECTED DUPLICATE_CLAIM");
        assertThat(CycleHarness.outcome(r, "D-AGAIN").values()).containsOnly("REJECTED REPEAT_SAME_AGENCY");
    }

    /** Q9.1 and Q9.4: filed in the agency's own district; by 31 December of the hire year. */
    @Test
    void ownDistrictAndYearEndDeadline() {
        String w = WORKERS.get(0);
        Fixture f = agencyWith(5)
                .claim("D-TIANHE", Subsidy.DISPATCH_ONE_TIME, w, AGENCY, TIANHE, "CITY_2023", 202303, 202303, "2023-04-01", null, null, null)
                .claim("D-LATE", Subsidy.DISPATCH_ONE_TIME, w, AGENCY, BAIYUN, "CITY_2023", 202303, 202303, "2024-01-03", null, null, null);
        CycleResult r = CycleHarness.run(f, 202402);
        assertThat(CycleHarness.outcome(r, "D-TIANHE").values()).containsOnly("REJECTED WRONG_DISTRICT");
        assertThat(CycleHarness.outcome(r, "D-LATE").values()).containsOnly("REJECTED LATE_SUBMISSION");
    }
}
