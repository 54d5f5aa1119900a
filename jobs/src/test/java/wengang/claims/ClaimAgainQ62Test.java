package wengang.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P4a, P15, seeds/000 问题六(二): quarterly verification; after leaving a job the worker applies again. */
class ClaimAgainQ62Test {
    static final String XIAOMING = person(71);
    static final String UNIT_A = unit(71);
    static final String UNIT_B = unit(72);

    /** Example A: claimed in July 2023 at Yuexiu; verified and paid in the fourth quarter (cycle 2023-10). */
    @Test
    void exampleA_claimInJulyPaidInOctober() {
        Fixture f = new Fixture().enterprise(UNIT_A, YUEXIU).alleviated(XIAOMING, BIJIE_QIXINGGUAN)
                .worked(XIAOMING, UNIT_A, 202301, 202309).card(XIAOMING, "6217")
                .claim("C-JULY", Subsidy.LIVING, XIAOMING, YUEXIU, 202301, 202312, "2023-07-10");
        CycleResult r = CycleHarness.run(f, 202310);
        assertThat(r.paymentCycle()).isTrue();
        assertThat(CycleHarness.outcome(r, "C-JULY"))
                .containsEntry(202301, "PAYABLE").containsEntry(202309, "PAYABLE")
                .containsEntry(202310, "PENDING NO_PAID_CONTRIBUTION");
        assertThat(CycleHarness.ledgerEntries(r)).hasSize(9)
                .allSatisfy(e -> assertThat(e.<String>getAs("entry_type")).isEqualTo("PAY"));
    }

    /**
     * Example B: claimed in July at A; left in September; joined B (same district) in October.
     * The fourth quarter pays through August; B's months are a new spell begun after the
     * claim: SPELL_AFTER_CLAIM, to be claimed again.
     */
    @Test
    void exampleB_newSpellAfterTheClaimNeedsANewClaim() {
        Fixture f = new Fixture().enterprise(UNIT_A, YUEXIU).enterprise(UNIT_B, YUEXIU)
                .alleviated(XIAOMING, BIJIE_QIXINGGUAN).card(XIAOMING, "6217")
                .worked(XIAOMING, UNIT_A, 202301, 202308)
                .worked(XIAOMING, UNIT_B, 202310, 202312)
                .claim("C-JULY", Subsidy.LIVING, XIAOMING, YUEXIU, 202307, 202312, "2023-07-10");
        CycleResult r = CycleHarness.run(f, 202401);
        assertThat(CycleHarness.outcome(r, "C-JULY"))
                .containsEntry(202307, "PAYABLE").containsEntry(202308, "PAYABLE")
                .containsEntry(202309, "REJECTED NO_PAID_CONTRIBUTION")
                .containsEntry(202310, "REJECTED SPELL_AFTER_CLAIM")
                .containsEntry(202312, "REJECTED SPELL_AFTER_CLAIM");
    }
}
