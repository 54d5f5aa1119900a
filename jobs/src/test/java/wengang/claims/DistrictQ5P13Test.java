package wengang.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P13, seeds/000 问题五: the district where the month's paying unit is registered pays it. */
class DistrictQ5P13Test {
    static final String XIAOMING = person(51);

    /** Example A: unit registered in Liwan, shop in Tianhe: Liwan pays; a claim at Tianhe is WRONG_DISTRICT. */
    @Test
    void exampleA_registeredDistrictNotWorkplace() {
        String unitA = unit(51);
        Fixture f = new Fixture().enterprise(unitA, LIWAN).alleviated(XIAOMING, BIJIE_QIXINGGUAN)
                .worked(XIAOMING, unitA, 202301, 202303).card(XIAOMING, "c")
                .claim("C-LIWAN", Subsidy.LIVING, XIAOMING, LIWAN, 202301, 202303, "2023-04-01")
                .claim("C-TIANHE", Subsidy.SI_SUBSIDY, XIAOMING, TIANHE, 202301, 202303, "2023-04-01");
        CycleResult r = CycleHarness.run(f, 202305);
        assertThat(CycleHarness.outcome(r, "C-LIWAN").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "C-TIANHE").values()).containsOnly("REJECTED WRONG_DISTRICT");
    }

    /** Example B: contract and insurance with an agency registered in Baiyun, dispatched to Huangpu: Baiyun pays. */
    @Test
    void exampleB_dispatchedWorkerClaimsAtTheAgencysDistrict() {
        String agency = unit(52);
        String userUnit = unit(53);
        Fixture f = new Fixture().agency(agency, BAIYUN).enterprise(userUnit, HUANGPU)
                .alleviated(XIAOMING, BIJIE_QIXINGGUAN).card(XIAOMING, "c")
                .pension(XIAOMING, agency, 202301, "4000.00", "PAID", "2023-01-20", "DISPATCHED", userUnit)
                .pension(XIAOMING, agency, 202302, "4000.00", "PAID", "2023-02-20", "DISPATCHED", userUnit)
                .claim("C-BAIYUN", Subsidy.LIVING, XIAOMING, BAIYUN, 202301, 202302, "2023-03-01")
                .claim("C-HUANGPU", Subsidy.SI_SUBSIDY, XIAOMING, HUANGPU, 202301, 202302, "2023-03-01");
        CycleResult r = CycleHarness.run(f, 202304);
        assertThat(CycleHarness.outcome(r, "C-BAIYUN").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "C-HUANGPU").values()).containsOnly("REJECTED WRONG_DISTRICT");
    }

    /** Two paying units in one month: the higher base decides; equal bases: the smaller employer_id. */
    @Test
    void highestBaseDecidesThenSmallestEmployerId() {
        String small = unit(54);
        String large = unit(55);
        Fixture f = new Fixture().enterprise(small, YUEXIU).enterprise(large, HAIZHU)
                .alleviated(XIAOMING, BIJIE_QIXINGGUAN).card(XIAOMING, "c")
                .pension(XIAOMING, small, 202301, "3000.00", "PAID", "2023-01-20", "REGULAR", null)
                .pension(XIAOMING, large, 202301, "6000.00", "PAID", "2023-01-20", "REGULAR", null)
                .pension(XIAOMING, small, 202302, "5000.00", "PAID", "2023-02-20", "REGULAR", null)
                .pension(XIAOMING, large, 202302, "5000.00", "PAID", "2023-02-20", "REGULAR", null)
                .claim("C-HAIZHU", Subsidy.LIVING, XIAOMING, HAIZHU, 202301, 202302, "2023-03-01");
        assertThat(small.compareTo(large)).isNegative();
        CycleResult r = CycleHarness.run(f, 202304);
        assertThat(CycleHarness.outcome(r, "C-HAIZHU"))
                .containsEntry(202301, "PAYABLE")
                .containsEntry(202302, "REJECTED WRONG_DISTRICT");
    }

    /** A unit missing from the employers table has no district: WRONG_DISTRICT. */
    @Test
    void unknownUnitIsWrongDistrict() {
        Fixture f = new Fixture().alleviated(XIAOMING, BIJIE_QIXINGGUAN).card(XIAOMING, "c")
                .worked(XIAOMING, unit(56), 202301, 202301)
                .claim("C-1", Subsidy.LIVING, XIAOMING, LIWAN, 202301, 202301, "2023-02-01");
        assertThat(CycleHarness.outcome(CycleHarness.run(f, 202303), "C-1").values())
                .containsOnly("REJECTED WRONG_DISTRICT");
    }
}
