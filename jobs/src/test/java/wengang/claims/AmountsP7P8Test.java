package wengang.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P7 (问题一): SI_SUBSIDY = personal parts actually paid for 110, 210, 310 in Guangzhou, all units; P8 LIVING 500. */
class AmountsP7P8Test {
    @Test
    void siSubsidySumsThePersonalPartsOfPensionUnemploymentAndMedical() {
        String p = person(61);
        String unitA = unit(61);
        String unitB = unit(62);
        Fixture f = new Fixture().enterprise(unitA, YUEXIU).enterprise(unitB, HAIZHU)
                .alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                // main job: 110 (400.00), 210 (10.00), 310 (100.00)
                .worked(p, unitA, 202301, 202301)
                // a second job the same month: its 110 personal part counts too (all units)
                .pension(p, unitB, 202301, "2000.00", "PAID", "2023-01-20", "REGULAR", null)
                // work injury and maternity have no personal part to refund; another city does not count
                .contribution(p, unitA, null, GUANGZHOU, 202301, "410", "5000.00", "0.00", "PAID", "2023-01-20", "REGULAR")
                .contribution(p, unitA, null, "440300", 202301, "310", "5000.00", "100.00", "PAID", "2023-01-20", "REGULAR")
                // owed, not received: not paid, so not refunded
                .contribution(p, unitA, null, GUANGZHOU, 202301, "210", "5000.00", "10.00", "OWED", null, "REGULAR")
                .claim("C-SI", Subsidy.SI_SUBSIDY, p, YUEXIU, 202301, 202301, "2023-02-01")
                .claim("C-LIVING", Subsidy.LIVING, p, YUEXIU, 202301, 202301, "2023-02-01");
        CycleResult r = CycleHarness.run(f, 202303);
        assertThat(CycleHarness.months(r).get("C-SI").get(202301).amount()).isEqualByComparingTo("670.00");
        assertThat(CycleHarness.months(r).get("C-LIVING").get(202301).amount()).isEqualByComparingTo("500.00");
    }

    /** A rejected month shows amount 0.00 and the decision sums PAYABLE months only. */
    @Test
    void rejectedMonthsAreZeroAndDecisionSumsPayableMonths() {
        String p = person(63);
        String u = unit(63);
        Fixture f = new Fixture().enterprise(u, YUEXIU).alleviated(p, BIJIE_QIXINGGUAN).card(p, "c")
                .worked(p, u, 202212, 202302)
                .claim("C-1", Subsidy.LIVING, p, YUEXIU, 202212, 202302, "2023-03-01");
        CycleResult r = CycleHarness.run(f, 202304);
        assertThat(CycleHarness.months(r).get("C-1").get(202212).amount()).isEqualByComparingTo("0.00");
        assertThat(CycleHarness.decisions(r).get("C-1").getString(1)).isEqualTo("PARTIAL");
        assertThat(CycleHarness.decisions(r).get("C-1").getDecimal(2)).isEqualByComparingTo("1000.00");
        assertThat(CycleHarness.decisions(r).get("C-1").getString(3)).isEqualTo("OUTSIDE_POLICY_WINDOW");
    }
}
