package wengang.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P11, seeds/000 问题十: 30 per person-hour, at most 8 hours a day, to the worker's Guangzhou paying unit. */
class TrainingP11Test {
    static final String FIRM = unit(171);
    static final String INSTITUTION = unit(172);
    static final String OTHER_FIRM = unit(173);
    static final String W = person(171);

    private static Fixture base() {
        return new Fixture().enterprise(FIRM, TIANHE).enterprise(OTHER_FIRM, TIANHE)
                .employer(INSTITUTION, "某事业单位", TIANHE, "PUBLIC_INSTITUTION", false, "6222172")
                .alleviated(W, BIJIE_QIXINGGUAN)
                .worked(W, FIRM, 202305, 202306)
                .pension(W, INSTITUTION, 202305, "3000.00", "PAID", "2023-05-20", "REGULAR", null);
    }

    @Test
    void hoursAboveEightADayAreCut() {
        Fixture f = base().claim("T-1", Subsidy.TRAINING, W, FIRM, TIANHE, "CITY_2023", 202305, 202305, "2023-06-01",
                "600.00", 20, 2);
        CycleResult r = CycleHarness.run(f, 202307);
        assertThat(CycleHarness.outcome(r, "T-1").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.months(r).get("T-1").get(202305).amount()).isEqualByComparingTo("480.00");
        assertThat(CycleHarness.decisions(r).get("T-1").getString(3)).isEqualTo("HOURS_CAPPED");
    }

    @Test
    void publicInstitutionsCannotClaim() {
        Fixture f = base().claim("T-PI", Subsidy.TRAINING, W, INSTITUTION, TIANHE, "CITY_2023", 202305, 202305,
                "2023-06-01", null, 8, 1);
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202307), "T-PI").values())
                .containsOnly("REJECTED INELIGIBLE_UNIT");
    }

    /** Not (yet) the paying unit: PENDING while the training month is within grace, then REJECTED. */
    @Test
    void notThePayingUnitWaitsForGraceThenFails() {
        Fixture f = base().claim("T-OTHER", Subsidy.TRAINING, W, OTHER_FIRM, TIANHE, "CITY_2023", 202306, 202306,
                "2023-06-20", null, 8, 1);
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202309), "T-OTHER").values())
                .containsOnly("PENDING INELIGIBLE_UNIT");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202310), "T-OTHER").values())
                .containsOnly("REJECTED INELIGIBLE_UNIT");
    }

    @Test
    void filedInTheUnitsOwnDistrictAndByYearEnd() {
        Fixture f = base()
                .claim("T-HAIZHU", Subsidy.TRAINING, W, FIRM, HAIZHU, "CITY_2023", 202305, 202305, "2023-06-01", null, 8, 1)
                .claim("T-LATE", Subsidy.TRAINING, W, FIRM, TIANHE, "CITY_2023", 202306, 202306, "2024-01-02", null, 8, 1);
        CycleResult r = CycleHarness.run(f, 202402);
        assertThat(CycleHarness.outcome(r, "T-HAIZHU").values()).containsOnly("REJECTED WRONG_DISTRICT");
        assertThat(CycleHarness.outcome(r, "T-LATE").values()).containsOnly("REJECTED LATE_SUBMISSION");
    }
}
