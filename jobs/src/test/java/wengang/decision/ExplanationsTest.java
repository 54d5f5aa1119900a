package wengang.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static wengang.testing.Fixture.person;
import static wengang.testing.Fixture.unit;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import wengang.decision.Explanations.RowUse;
import wengang.eligibility.AsOf;
import wengang.policy.Rules;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.ReasonCode;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.TestSpark;

/**
 * What `explain` prints for a reason: every code has a rule, a seed paragraph and words whose
 * numbers come from the policy; and which contribution rows a cycle decided with (P5).
 */
class ExplanationsTest {
    private final Rules rules = CycleHarness.policy().rulesAt(202401);

    @Test
    void everyReasonCodeIsExplainedWithItsRuleAndSeedParagraph() {
        for (ReasonCode code : ReasonCode.values()) {
            Explanations.Explanation e = Explanations.of(code, rules);
            assertThat(e.rule()).as(code.name()).isNotBlank();
            assertThat(e.source()).as(code.name()).startsWith("seeds/000 ");
            assertThat(e.meaning()).as(code.name()).isNotBlank();
        }
        assertThat(Explanations.of("", rules)).isNull();
    }

    @Test
    void numbersInTheWordsAreThePolicysOwn() {
        // P2 window 2023-01..2025-12, P4 three requalifying months, P6 three months' grace, P10 five hires, P11 eight hours
        assertThat(Explanations.of(ReasonCode.OUTSIDE_POLICY_WINDOW, rules).meaning()).endsWith("2023-01..2025-12");
        assertThat(Explanations.of(ReasonCode.REQUALIFYING, rules).meaning()).contains("not reached 3 consecutive");
        assertThat(Explanations.of(ReasonCode.NO_PAID_CONTRIBUTION, rules).meaning()).contains("PENDING for 3 months");
        assertThat(Explanations.of(ReasonCode.AGENCY_BELOW_MIN_HIRES, rules).meaning()).contains("fewer than 5 ");
        assertThat(Explanations.of(ReasonCode.HOURS_CAPPED, rules).meaning()).contains("above 8 per day");
        assertThat(Explanations.of(ReasonCode.LATE_SUBMISSION, rules).meaning()).contains("2025-12-31");
    }

    @Test
    void contributionRowsAreUsedOnlyIfTheCycleSawThemForAMonthItDecides() {
        // P5: cycle 2024-04 sees PAID rows paid before 2024-04-01 and every non-PAID row; it decides months up to 202403
        String p = person(210);
        String u = unit(210);
        Fixture f = new Fixture()
                .pension(p, u, 202401, "5000.00", PayStatus.PAID, "2024-01-15", StaffType.REGULAR, null) // line 2
                .pension(p, u, 202402, "5000.00", PayStatus.OWED, null, StaffType.REGULAR, null)         // line 3
                .pension(p, u, 202402, "5000.00", PayStatus.PAID, "2024-03-31", StaffType.REGULAR, null) // line 4
                .pension(p, u, 202403, "5000.00", PayStatus.PAID, "2024-04-01", StaffType.REGULAR, null) // line 5: back-payment
                .pension(p, u, 202312, "5000.00", PayStatus.PAID, "2024-06-20", StaffType.REGULAR, null) // line 6: back-payment
                .pension(p, u, 202404, "5000.00", PayStatus.PAID, "2024-03-30", StaffType.REGULAR, null) // line 7: prepaid
                .pension(p, u, 202512, "5000.00", PayStatus.PAID, "2025-12-24", StaffType.REGULAR, null); // line 8

        Map<Long, String> use = new TreeMap<>();
        for (Row r : Explanations.contributionUse(f.contributions(TestSpark.session()), 202404).collectAsList()) {
            use.put(r.getAs("source_line"), r.getAs(Explanations.ROW_USE));
        }
        assertThat(use).containsExactly(
                entry(2L, RowUse.USED.name()),
                entry(3L, RowUse.USED.name()),
                entry(4L, RowUse.USED.name()),
                entry(5L, RowUse.NOT_VISIBLE.name()),
                entry(6L, RowUse.NOT_VISIBLE.name()),
                entry(7L, RowUse.LATER_MONTH.name()),
                entry(8L, RowUse.LATER_MONTH.name()));
        // the same rule as the cycle's own filter: exactly the USED rows of decided months are visible
        assertThat(AsOf.contributions(f.contributions(TestSpark.session()), 202404)
                .filter("month <= 202403").count()).isEqualTo(3);
    }
}
