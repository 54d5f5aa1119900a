package wengang.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P17 (问题八: one subsidy whoever applies) and P18 (问题十二: choose one scheme, never both). */
class DoubleClaimsP17P18Test {
    static final String P = person(91);
    static final String UNIT = unit(91);

    /** The unit's claim on the worker's behalf and the worker's own claim are one subsidy: the earlier keeps it. */
    @Test
    void earlierSubmittedClaimKeepsTheMonth() {
        Fixture f = base()
                .claim("C-UNIT", Subsidy.LIVING, P, UNIT, YUEXIU, "CITY_2023", 202301, 202303, "2023-04-02", null, null, null)
                .claim("C-SELF", Subsidy.LIVING, P, YUEXIU, 202302, 202304, "2023-04-20");
        CycleResult r = CycleHarness.run(f, 202306);
        assertThat(CycleHarness.outcome(r, "C-UNIT").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "C-SELF"))
                .containsEntry(202302, "REJECTED DUPLICATE_CLAIM")
                .containsEntry(202303, "REJECTED DUPLICATE_CLAIM")
                .containsEntry(202304, "PAYABLE");
    }

    /** Same submission day: the smaller claim_id is earlier. A month rejected on the earlier claim does not block. */
    @Test
    void tiesGoToTheSmallerClaimIdAndRejectedMonthsDoNotBlock() {
        Fixture f = base()
                .claim("C-B", Subsidy.SI_SUBSIDY, P, YUEXIU, 202303, 202303, "2023-04-02")
                .claim("C-A", Subsidy.SI_SUBSIDY, P, HAIZHU, 202303, 202303, "2023-04-02")
                .claim("C-C", Subsidy.SI_SUBSIDY, P, YUEXIU, 202303, 202303, "2023-04-02");
        CycleResult r = CycleHarness.run(f, 202306);
        // C-A is first but filed at the wrong district: rejected, so it does not hold the month
        assertThat(CycleHarness.outcome(r, "C-A").values()).containsOnly("REJECTED WRONG_DISTRICT");
        assertThat(CycleHarness.outcome(r, "C-B").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "C-C").values()).containsOnly("REJECTED DUPLICATE_CLAIM");
    }

    /** A PENDING month on the earlier claim still holds it. */
    @Test
    void pendingMonthOnTheEarlierClaimHoldsIt() {
        Fixture f = base()
                .claim("C-1", Subsidy.LIVING, P, YUEXIU, 202305, 202305, "2023-05-10")
                .claim("C-2", Subsidy.LIVING, P, YUEXIU, 202305, 202305, "2023-05-11");
        CycleResult r = CycleHarness.run(f, 202306);
        assertThat(CycleHarness.outcome(r, "C-1").values()).containsOnly("PENDING NO_PAID_CONTRIBUTION");
        assertThat(CycleHarness.outcome(r, "C-2").values()).containsOnly("REJECTED DUPLICATE_CLAIM");
    }

    /** Months granted under the 2021 procedure or a district scheme are DOUBLE_SCHEME; other subsidies are not. */
    @Test
    void grantsOfOtherSchemesAreDoubleScheme() {
        Fixture f = base()
                .grant("G-2021", Subsidy.LIVING, P, "CITY_2021", 202301, 202302, "2023-03-01")
                .grant("G-DISTRICT", Subsidy.SI_SUBSIDY, P, "DISTRICT", 202303, 202303, "2023-03-01")
                .claim("C-LIVING", Subsidy.LIVING, P, YUEXIU, 202301, 202303, "2023-04-01")
                .claim("C-SI", Subsidy.SI_SUBSIDY, P, YUEXIU, 202302, 202303, "2023-04-01");
        CycleResult r = CycleHarness.run(f, 202306);
        assertThat(CycleHarness.outcome(r, "C-LIVING"))
                .containsEntry(202301, "REJECTED DOUBLE_SCHEME").containsEntry(202302, "REJECTED DOUBLE_SCHEME")
                .containsEntry(202303, "PAYABLE");
        assertThat(CycleHarness.outcome(r, "C-SI"))
                .containsEntry(202302, "PAYABLE").containsEntry(202303, "REJECTED DOUBLE_SCHEME");
        // grants are never decided or listed
        assertThat(CycleHarness.months(r)).doesNotContainKeys("G-2021", "G-DISTRICT");
    }

    private static Fixture base() {
        return new Fixture().enterprise(UNIT, YUEXIU).alleviated(P, BIJIE_QIXINGGUAN).card(P, "c")
                .worked(P, UNIT, 202301, 202304);
    }
}
