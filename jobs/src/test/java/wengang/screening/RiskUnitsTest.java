package wengang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Codes.UnitType;

/**
 * risk_units.csv: units ranked by score = 10 × HIGH + 3 × MEDIUM + 1 × LOW flags linking them
 * (risk_score_points of the policy file),
 * then by money involved, then by unit id.
 */
class RiskUnitsTest {
    @Test
    void unitsAreRankedByScoreThenMoneyThenUnitId() {
        String ag1 = unit(321), ua = unit(322), ub = unit(323), uc = unit(324), ud = unit(325);
        String w1 = person(321), p = person(322);
        ScreeningData d = new ScreeningData();
        d.f.agency(ag1, YUEXIU).enterprise(ua, YUEXIU).enterprise(ub, HAIZHU)
                .employer(uc, "丙", TIANHE, UnitType.ENTERPRISE, false, "ACC-CD")
                .employer(ud, "丁", TIANHE, UnitType.ENTERPRISE, false, "ACC-CD")
                .alleviated(w1, BIJIE_QIXINGGUAN).alleviated(p, BIJIE_QIXINGGUAN)
                .worked(p, ua, 202303, 202303).worked(p, ub, 202303, 202303);
        d.paid(w1, ag1, 202303, 202312);
        // AGENCY_REPEAT: ag1 claims w1 in 2023 (granted) and again in 2024
        FlagRulesTest.dispatch(d.f, "D-1", w1, ag1, 202303, "2023-04-18");
        FlagRulesTest.dispatch(d.f, "D-2", w1, ag1, 202404, "2024-05-20");
        d.claimMonth("D-1", Subsidy.DISPATCH_ONE_TIME, w1, ag1, 202303, MonthStatus.PAYABLE, "5000.00")
                .claimMonth("D-2", Subsidy.DISPATCH_ONE_TIME, w1, ag1, 202404, MonthStatus.REJECTED, "0.00")
                // month eligibility names ub as p's paying unit of 202303 (P13): the SI month's money concerns ub
                .claimMonth("C-P", Subsidy.SI_SUBSIDY, p, p, 202303, MonthStatus.PAYABLE, "410.00")
                .eligible(p, 202303, MonthStatus.PAYABLE, false, "2023-03-15", ub);
        ScreeningInputs in = d.inputs(202407);
        Dataset<Row> flags = Screening.flags(in, ScreeningData.rules(202407), 202407);
        Dataset<Row> ranked = Screening.riskUnits(flags, in, ScreeningData.rules(202407), 202407);

        assertThat(ranked.columns()).startsWith(RiskUnits.COLUMNS.toArray(String[]::new));
        assertThat(ranked.columns()[0]).isEqualTo("rank");
        List<String> rows = ranked.orderBy("rank").collectAsList().stream()
                .map(r -> r.getInt(0) + " " + r.getString(1) + " H" + r.getInt(4) + " M" + r.getInt(5) + " L" + r.getInt(6)
                        + " " + r.getDecimal(8).toPlainString() + " " + (r.isNullAt(9) ? "-" : r.getDecimal(9).toPlainString())
                        + " " + r.getInt(10) + " " + r.getString(11))
                .toList();
        assertThat(rows).containsExactly(
                "1 " + ag1 + " H1 M0 L0 5000.00 0.0000 10 AGENCY_REPEAT",
                "2 " + uc + " H1 M0 L0 0.00 - 10 SHARED_ACCOUNT",
                "3 " + ud + " H1 M0 L0 0.00 - 10 SHARED_ACCOUNT",
                "4 " + ub + " H0 M0 L1 410.00 - 1 CONCURRENT_EMPLOYERS",
                "5 " + ua + " H0 M0 L1 0.00 - 1 CONCURRENT_EMPLOYERS");
        Row first = ranked.filter("rank = 1").first();
        assertThat(first.getString(2)).startsWith("派遣");
        assertThat(first.getString(3)).isEqualTo(YUEXIU);
    }
}
