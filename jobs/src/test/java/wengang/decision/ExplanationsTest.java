package wengang.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import wengang.policy.Rules;
import wengang.schemas.ReasonCode;
import wengang.testing.CycleHarness;

/** What `explain` prints for a reason: every code has a rule, a seed paragraph and words whose numbers come from the policy. */
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
}
