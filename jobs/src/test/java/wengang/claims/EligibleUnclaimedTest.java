package wengang.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** "免申即享": payable months under P1–P4 that no SI_SUBSIDY or LIVING claim of any scheme covers. */
class EligibleUnclaimedTest {
    @Test
    void listsUnclaimedPayableMonthsPerPersonAndDistrict() {
        String claimed = person(111);
        String silent = person(112);
        String stranger = person(113);
        String unitA = unit(111);
        String unitB = unit(112);
        Fixture f = new Fixture().enterprise(unitA, LIWAN).enterprise(unitB, HAIZHU)
                .alleviated(claimed, BIJIE_QIXINGGUAN).alleviated(silent, QIANNAN_DUYUN)
                .worked(claimed, unitA, 202301, 202303)
                .worked(silent, unitA, 202301, 202302).worked(silent, unitB, 202303, 202303)
                .worked(stranger, unitA, 202301, 202303)
                .claim("C-1", Subsidy.LIVING, claimed, LIWAN, 202301, 202302, "2023-03-01")
                .grant("G-1", Subsidy.SI_SUBSIDY, claimed, "DISTRICT", 202303, 202303, "2023-03-01");
        CycleResult r = CycleHarness.run(f, 202305);
        List<Row> rows = r.eligibleUnclaimed().orderBy("person_id", "district").collectAsList();
        assertThat(rows).extracting(x -> x.getString(0) + " " + x.getString(2) + " " + x.getInt(3) + " "
                        + x.getInt(4) + "-" + x.getInt(5) + " " + x.getDecimal(6))
                .containsExactly(
                        silent + " " + LIWAN + " 2 202301-202302 2020.00",
                        silent + " " + HAIZHU + " 1 202303-202303 1010.00");
    }
}
