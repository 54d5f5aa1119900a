package wengang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.ResidentId;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P1 (seeds/000 问题二): ALLEVIATED persons from Bijie, Qiannan, Anshun, status valid in the month; codes 1, 3, 4. */
class RegistryP1Test {
    static final String UNIT = unit(21);

    /** Four workers, one claim each: not in the registry, uncovered origin, status from May, MONITORED only. */
    @Test
    void registryStatusAndOriginDecideWhoIsATarget() {
        String stranger = person(21);
        String guiyang = person(GUIYANG_NANMING, 22);
        String lateStatus = person(QIANNAN_DUYUN, 23);
        String monitored = person(ANSHUN_XIXIU, 24);
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU)
                .alleviated(guiyang, GUIYANG_NANMING)
                .registry(lateStatus, "李四", QIANNAN_DUYUN, "ALLEVIATED", "2023-05-20", null, null)
                .registry(monitored, "王五", ANSHUN_XIXIU, "MONITORED", "2020-01-01", null, null);
        for (String p : new String[] {stranger, guiyang, lateStatus, monitored}) {
            f.worked(p, UNIT, 202301, 202306).card(p, "card-" + p);
        }
        f.claim("C-STRANGER", Subsidy.LIVING, stranger, HAIZHU, 202303, 202304, "2023-07-01")
                .claim("C-GUIYANG", Subsidy.LIVING, guiyang, HAIZHU, 202303, 202304, "2023-07-01")
                .claim("C-LATE", Subsidy.LIVING, lateStatus, HAIZHU, 202304, 202306, "2023-07-01")
                .claim("C-MONITORED", Subsidy.LIVING, monitored, HAIZHU, 202303, 202303, "2023-07-01");
        CycleResult r = CycleHarness.run(f, 202308);
        assertThat(CycleHarness.outcome(r, "C-STRANGER").values()).containsOnly("REJECTED NOT_IN_REGISTRY");
        assertThat(CycleHarness.outcome(r, "C-GUIYANG").values()).containsOnly("REJECTED ORIGIN_NOT_COVERED");
        // status from 20 May: April not covered, May (valid from within the month) and June payable
        assertThat(CycleHarness.outcome(r, "C-LATE"))
                .containsEntry(202304, "REJECTED NOT_IN_REGISTRY")
                .containsEntry(202305, "PAYABLE")
                .containsEntry(202306, "PAYABLE");
        assertThat(CycleHarness.decisions(r).get("C-LATE").getString(1)).isEqualTo("PARTIAL");
        assertThat(CycleHarness.decisions(r).get("C-LATE").getString(3)).isEqualTo("NOT_IN_REGISTRY");
        assertThat(CycleHarness.outcome(r, "C-MONITORED").values()).containsOnly("REJECTED NOT_IN_REGISTRY");
    }

    /** Code 1 comes first: an invalid ID number (bad checksum) is decided, every month REJECTED INVALID_ID. */
    @Test
    void invalidIdOnAClaimIsDecidedNotDropped() {
        String valid = person(25);
        String badChecksum = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU).alleviated(valid, BIJIE_QIXINGGUAN)
                .worked(valid, UNIT, 202301, 202303).card(valid, "c1")
                .claim("C-BAD", Subsidy.SI_SUBSIDY, badChecksum, HAIZHU, 202301, 202302, "2023-04-01");
        CycleResult r = CycleHarness.run(f, 202305);
        assertThat(CycleHarness.outcome(r, "C-BAD").values()).containsOnly("REJECTED INVALID_ID");
        assertThat(CycleHarness.decisions(r).get("C-BAD").getString(1)).isEqualTo("REJECTED");
        assertThat(CycleHarness.decisions(r).get("C-BAD").getString(3)).isEqualTo("INVALID_ID");
    }

    /**
     * Code 1 for a birth date after the cycle's first day (the bound of a cycle, so a
     * re-run decides alike) and for a control character in the ID (not a blank).
     */
    @Test
    void anIdBornAfterTheCyclesFirstDayOrHoldingANulIsInvalid() {
        String valid = person(26);
        String bodyBornAfter = BIJIE_QIXINGGUAN + "20230502" + "026"; // born 2 May 2023, cycle 2023-05
        String bornAfter = bodyBornAfter + ResidentId.checkChar(bodyBornAfter);
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU).alleviated(valid, BIJIE_QIXINGGUAN)
                .alleviated(bornAfter, BIJIE_QIXINGGUAN)
                .worked(valid, UNIT, 202301, 202303).card(valid, "c1")
                .worked(bornAfter, UNIT, 202301, 202303).card(bornAfter, "c2")
                .claim("C-OK", Subsidy.SI_SUBSIDY, valid, HAIZHU, 202301, 202302, "2023-04-01")
                .claim("C-NUL", Subsidy.SI_SUBSIDY, valid + "\u0000", HAIZHU, 202301, 202302, "2023-04-01")
                .claim("C-UNBORN", Subsidy.SI_SUBSIDY, bornAfter, HAIZHU, 202301, 202302, "2023-04-01");
        CycleResult r = CycleHarness.run(f, 202305);
        assertThat(CycleHarness.outcome(r, "C-OK").values()).containsOnly("PAYABLE");
        assertThat(CycleHarness.outcome(r, "C-NUL").values()).containsOnly("REJECTED INVALID_ID");
        assertThat(CycleHarness.outcome(r, "C-UNBORN").values()).containsOnly("REJECTED INVALID_ID");
        assertThat(CycleHarness.decisions(r).get("C-UNBORN").getString(3)).isEqualTo("INVALID_ID");
    }

    /** A registry removal (status_to) ends coverage from the month after. */
    @Test
    void statusEndsWithRemoval() {
        String p = person(26);
        Fixture f = new Fixture().enterprise(UNIT, HAIZHU)
                .registry(p, "赵六", BIJIE_QIXINGGUAN, "ALLEVIATED", "2020-01-01", "2023-02-10", "OTHER")
                .worked(p, UNIT, 202301, 202303).card(p, "c1")
                .claim("C-1", Subsidy.LIVING, p, HAIZHU, 202301, 202303, "2023-04-01");
        CycleResult r = CycleHarness.run(f, 202305);
        assertThat(CycleHarness.outcome(r, "C-1"))
                .containsEntry(202301, "PAYABLE").containsEntry(202302, "PAYABLE")
                .containsEntry(202303, "REJECTED NOT_IN_REGISTRY");
    }
}
