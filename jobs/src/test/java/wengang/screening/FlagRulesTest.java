package wengang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.screening.ScreeningData.*;
import static wengang.testing.Fixture.*;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Decision;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.RegistryStatus;
import wengang.schemas.Codes.RemovalReason;
import wengang.schemas.Codes.Scheme;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Codes.UnitType;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/**
 * The ten rules of contract.md "Screening flags", each with a case that is flagged and
 * one that looks alike but is not. Thresholds come from conf/policies/guangzhou-2023.yaml
 * (retroactive_after_months 3, short_stay_months 3, short_stay_share 0.50,
 * overclaim_tolerance 0.10).
 */
class FlagRulesTest {

    /** SHARED_ACCOUNT: a card of two persons, a unit account that is a worker's card, an account of two units. */
    @Test
    void sharedAccountIsAnAccountWithTwoHoldersNotAnAgencyPaidForManyWorkers() {
        String p1 = person(201), p2 = person(202), p3 = person(203);
        String outsider1 = person(GUIYANG_NANMING, 204), outsider2 = person(GUIYANG_NANMING, 205);
        String ag = unit(201), u1 = unit(202), u2 = unit(203), u3 = unit(204);
        ScreeningData d = new ScreeningData();
        d.f.agency(ag, YUEXIU)
                .employer(u1, "壹", YUEXIU, UnitType.ENTERPRISE, false, "C-P3")
                .employer(u2, "贰", HAIZHU, UnitType.ENTERPRISE, false, "ACC-23")
                .employer(u3, "叁", TIANHE, UnitType.ENTERPRISE, false, " ACC-23 ")
                .alleviated(p1, BIJIE_QIXINGGUAN).alleviated(p2, BIJIE_QIXINGGUAN).alleviated(p3, BIJIE_QIXINGGUAN)
                .card(p1, "C-SHARED").card(p2, "C-SHARED").card(p3, "C-P3")
                // two people outside the registry and without claims: not screened
                .card(outsider1, "C-OUT").card(outsider2, "C-OUT")
                .claim("T-1", Subsidy.TRAINING, p1, u2, HAIZHU, Scheme.CITY_2023, 202303, 202303, "2023-04-01", null, 8, 1);
        // the agency's one account receives five workers' subsidies: normal
        for (int i = 0; i < 5; i++) {
            String w = person(210 + i);
            d.f.alleviated(w, BIJIE_QIXINGGUAN).card(w, "W-" + i)
                    .claim("D-" + i, Subsidy.DISPATCH_ONE_TIME, w, ag, YUEXIU, Scheme.CITY_2023, 202303, 202303,
                            "2023-04-01", null, null, null);
        }
        Map<String, Row> flags = bySubject(AccountRules.sharedAccount(d.inputs(202401)));

        assertThat(flags).containsOnlyKeys("C-SHARED", "C-P3", "ACC-23");
        Row card = flags.get("C-SHARED");
        assertThat(card.getString(card.fieldIndex(Columns.SUBJECT_TYPE))).isEqualTo("CARD");
        assertThat(card.getString(card.fieldIndex(Columns.SEVERITY))).isEqualTo("HIGH");
        assertThat(strings(card, FlagTable.NAMED_PERSONS)).containsExactly(p1, p2);
        assertThat(evidence(flags.get("C-P3"))).isEqualTo("held by persons " + p3 + "; units " + u1);
        Row units = flags.get("ACC-23");
        assertThat(evidence(units)).isEqualTo("held by units " + u2 + ", " + u3);
        assertThat(strings(units, FlagTable.NAMED_CLAIMS)).containsExactly("T-1");
        assertThat(strings(units, FlagTable.LINKED_NODES)).containsExactlyInAnyOrder("CARD:ACC-23", "UNIT:" + u2, "UNIT:" + u3);
    }

    /**
     * RETROACTIVE_PAYMENT (P6): April's pension arrived 2023-09-20, more than 3 months after
     * April ended; May's arrived 2023-08-31, exactly 3 months after: late but not a back-payment.
     * Month eligibility comes from the real cycle computation.
     */
    @Test
    void retroactivePaymentFlagsAMonthPayableOnlyThroughABackPayment() {
        String p = person(221), q = person(222), u = unit(221);
        Fixture f = new Fixture().enterprise(u, YUEXIU).alleviated(p, BIJIE_QIXINGGUAN).alleviated(q, BIJIE_QIXINGGUAN)
                .card(p, "c1").card(q, "c2").worked(q, u, 202301, 202306)
                .claim("C-P", Subsidy.SI_SUBSIDY, p, YUEXIU, 202301, 202306, "2023-09-25");
        for (int m : new int[] {202301, 202302, 202303, 202306}) {
            f.pension(p, u, m, "5000.00", PayStatus.PAID, Months.firstDay(m).plusDays(14).toString(), StaffType.REGULAR, null);
        }
        f.pension(p, u, 202304, "5000.00", PayStatus.PAID, "2023-09-20", StaffType.REGULAR, null);
        f.pension(p, u, 202305, "5000.00", PayStatus.PAID, "2023-08-31", StaffType.REGULAR, null);
        CycleResult r = CycleHarness.run(f, 202310);
        assertThat(CycleHarness.outcome(r, "C-P").values()).containsOnly("PAYABLE");

        ScreeningInputs in = ScreeningData.inputs(f, 202310, r.monthEligibility(), r.claimMonths(), r.claimDecisions());
        Map<String, Row> flags = bySubject(ContributionRules.retroactivePayment(in, rules(202310)));

        assertThat(flags).containsOnlyKeys(p);
        assertThat(evidence(flags.get(p))).isEqualTo(
                "payable only through back-payment: 202304 paid on 2023-09-20 by unit " + u + "; claims C-P");
        assertThat(strings(flags.get(p), FlagTable.NAMED_PERSONS)).containsExactly(p);
        assertThat(strings(flags.get(p), FlagTable.NAMED_CLAIMS)).containsExactly("C-P");
    }

    /** NAME_MISMATCH: another name on contributions; white space and an earlier registry name are no mismatch. */
    @Test
    void nameMismatchComparesRegistryAndContributionNames() {
        String renamed = person(231), spaced = person(232), earlierName = person(233), notInRegistry = person(234);
        String u = unit(231);
        ScreeningData d = new ScreeningData();
        d.f.enterprise(u, YUEXIU)
                .registry(renamed, "李四", BIJIE_QIXINGGUAN, RegistryStatus.ALLEVIATED, "2020-01-01", null, null)
                .registry(spaced, "张 三", BIJIE_QIXINGGUAN, RegistryStatus.ALLEVIATED, "2020-01-01", null, null)
                .registry(earlierName, "王五", BIJIE_QIXINGGUAN, RegistryStatus.ALLEVIATED, "2019-01-01", "2020-12-31",
                        RemovalReason.OTHER)
                .registry(earlierName, "张三", BIJIE_QIXINGGUAN, RegistryStatus.ALLEVIATED, "2021-01-01", null, null)
                .worked(renamed, u, 202301, 202302).worked(spaced, u, 202301, 202302)
                .worked(earlierName, u, 202301, 202302).worked(notInRegistry, u, 202301, 202302)
                .claim("C-1", Subsidy.LIVING, notInRegistry, YUEXIU, 202301, 202302, "2023-03-10");
        Map<String, Row> flags = bySubject(ContributionRules.nameMismatch(d.inputs(202304)));

        assertThat(flags).containsOnlyKeys(renamed);
        assertThat(evidence(flags.get(renamed))).isEqualTo("registry name 李四; contributions name 张三 (units " + u + ")");
        assertThat(strings(flags.get(renamed), FlagTable.LINKED_NODES)).containsExactly("PERSON:" + renamed, "UNIT:" + u);
    }

    /** DECEASED_CLAIM: months after the month of death (2023-08-14); the death month itself is no flag. */
    @Test
    void deceasedClaimCoversMonthsAfterTheDeathMonth() {
        String dead = person(241), removed = person(242);
        ScreeningData d = new ScreeningData();
        d.f.registry(dead, "张三", BIJIE_QIXINGGUAN, RegistryStatus.ALLEVIATED, "2020-01-01", "2023-08-14",
                        RemovalReason.DECEASED)
                .registry(removed, "张三", BIJIE_QIXINGGUAN, RegistryStatus.ALLEVIATED, "2020-01-01", "2023-03-31",
                        RemovalReason.OTHER)
                .claim("C-AFTER", Subsidy.LIVING, dead, YUEXIU, 202305, 202310, "2023-11-10")
                .claim("C-UNTIL", Subsidy.LIVING, dead, YUEXIU, 202305, 202308, "2023-09-10")
                .claim("T-2023", Subsidy.TRANSPORT, dead, YUEXIU, 202301, 202312, "2023-09-10")
                .claim("T-2024", Subsidy.TRANSPORT, dead, YUEXIU, 202401, 202412, "2023-12-20")
                .claim("C-OTHER", Subsidy.LIVING, removed, YUEXIU, 202305, 202306, "2023-07-10");
        Map<String, Row> flags = bySubject(ClaimRules.deceasedClaim(d.inputs(202401)));

        assertThat(flags).containsOnlyKeys("C-AFTER", "T-2024");
        assertThat(evidence(flags.get("C-AFTER"))).isEqualTo(
                "LIVING 202305-202310 covers 202309-202310, after the registry removed the person as DECEASED on 2023-08-14");
        assertThat(strings(flags.get("C-AFTER"), FlagTable.NAMED_CLAIMS)).containsExactly("C-AFTER");
        assertThat(strings(flags.get("C-AFTER"), FlagTable.NAMED_PERSONS)).isEmpty();
    }

    /** MULTI_AGENCY_SAME_YEAR (P10, 问题九): two agencies in one year; two years, or one agency twice, are not. */
    @Test
    void multiAgencySameYearNeedsTwoAgenciesInOneHireYear() {
        String w1 = person(251), w2 = person(252), w3 = person(253);
        String ag1 = unit(251), ag2 = unit(252);
        ScreeningData d = new ScreeningData();
        d.f.agency(ag1, YUEXIU).agency(ag2, HAIZHU);
        dispatch(d.f, "D-1", w1, ag1, 202401, "2024-02-20");
        dispatch(d.f, "D-2", w1, ag2, 202410, "2024-11-15");
        dispatch(d.f, "D-3", w2, ag1, 202312, "2023-12-20");
        dispatch(d.f, "D-4", w2, ag2, 202401, "2024-02-01");
        dispatch(d.f, "D-5", w3, ag1, 202402, "2024-03-01");
        dispatch(d.f, "D-6", w3, ag1, 202405, "2024-06-01");
        Map<String, Row> flags = bySubject(DispatchRules.multiAgencySameYear(d.inputs(202501)));

        assertThat(flags).containsOnlyKeys(w1);
        Row f = flags.get(w1);
        assertThat(evidence(f)).isEqualTo("DISPATCH_ONE_TIME claimed by several agencies in 2024: D-1 (agency " + ag1
                + ", hired 202401), D-2 (agency " + ag2 + ", hired 202410)");
        assertThat(strings(f, FlagTable.NAMED_CLAIMS)).containsExactly("D-1", "D-2");
        assertThat(strings(f, FlagTable.NAMED_PERSONS)).containsExactly(w1);
        assertThat(strings(f, FlagTable.LINKED_NODES)).containsExactlyInAnyOrder("PERSON:" + w1, "UNIT:" + ag1, "UNIT:" + ag2);
    }

    /** AGENCY_REPEAT (P10, 问题九(五)): one agency, one worker, two years; two agencies in two years are not. */
    @Test
    void agencyRepeatIsTheSameAgencyForTheSameWorkerInTwoYears() {
        String w1 = person(261), w2 = person(262), w3 = person(263);
        String ag1 = unit(261), ag2 = unit(262), ag3 = unit(263);
        ScreeningData d = new ScreeningData();
        d.f.agency(ag1, YUEXIU).agency(ag2, HAIZHU).agency(ag3, TIANHE);
        dispatch(d.f, "D-1", w1, ag1, 202303, "2023-04-18");
        dispatch(d.f, "D-2", w1, ag1, 202404, "2024-05-20");
        dispatch(d.f, "D-3", w2, ag2, 202303, "2023-04-18");
        dispatch(d.f, "D-4", w2, ag3, 202404, "2024-05-20");
        dispatch(d.f, "D-5", w3, ag1, 202305, "2023-06-01");
        Map<String, Row> flags = bySubject(DispatchRules.agencyRepeat(d.inputs(202407)));

        assertThat(flags).containsOnlyKeys(ag1);
        Row f = flags.get(ag1);
        assertThat(f.getString(f.fieldIndex(Columns.SUBJECT_TYPE))).isEqualTo("UNIT");
        assertThat(evidence(f)).isEqualTo("DISPATCH_ONE_TIME claimed again for the same worker: worker " + w1
                + ": D-1 (hired 202303), D-2 (hired 202404)");
        assertThat(strings(f, FlagTable.NAMED_CLAIMS)).containsExactly("D-1", "D-2");
        assertThat(strings(f, FlagTable.NAMED_PERSONS)).as("the worker did not claim").isEmpty();
    }

    /**
     * SHORT_STAY_CLUSTER (P10, 问题九 温馨提示) at 202407: a hire is judged once the 3 months after it are
     * past (hire ≤ 202403); AG_G: 2 of its 4 granted hires stopped (one went on at another agency) → 0.50, flagged;
     * AG_OK: 1 of 3 granted → 0.33; its rejected claim for a short stay is not a granted hire.
     */
    @Test
    void shortStayClusterIsHalfOfAnAgencysGrantedHiresStoppingWithinThreeMonths() {
        String agG = unit(271), agOk = unit(272);
        String g1 = person(271), g2 = person(272), g3 = person(273), g4 = person(274);
        String k1 = person(275), k2 = person(276), k3 = person(277), k4 = person(278);
        ScreeningData d = new ScreeningData();
        d.f.agency(agG, YUEXIU).agency(agOk, HAIZHU);
        d.paid(g1, agG, 202402, 202403).paid(g2, agG, 202402, 202402).paid(g2, agOk, 202403, 202406)
                .paid(g3, agG, 202403, 202407).paid(g4, agG, 202404, 202404)
                .paid(k1, agOk, 202402, 202406).paid(k2, agOk, 202402, 202406).paid(k3, agOk, 202402, 202402)
                .paid(k4, agOk, 202402, 202402);
        d.claimMonth("G-1", Subsidy.DISPATCH_ONE_TIME, g1, agG, 202402, MonthStatus.PAYABLE, "5000")
                .claimMonth("G-2", Subsidy.DISPATCH_ONE_TIME, g2, agG, 202402, MonthStatus.PAYABLE, "5000")
                .claimMonth("G-3", Subsidy.DISPATCH_ONE_TIME, g3, agG, 202403, MonthStatus.PAYABLE, "5000")
                .claimMonth("G-4", Subsidy.DISPATCH_ONE_TIME, g4, agG, 202404, MonthStatus.PAYABLE, "5000")
                .claimMonth("K-1", Subsidy.DISPATCH_ONE_TIME, k1, agOk, 202402, MonthStatus.PAYABLE, "5000")
                .claimMonth("K-2", Subsidy.DISPATCH_ONE_TIME, k2, agOk, 202402, MonthStatus.PAYABLE, "5000")
                .claimMonth("K-3", Subsidy.DISPATCH_ONE_TIME, k3, agOk, 202402, MonthStatus.PAYABLE, "5000")
                .claimMonth("K-4", Subsidy.DISPATCH_ONE_TIME, k4, agOk, 202402, MonthStatus.REJECTED, "0");
        for (String w : new String[] {g1, g2, g3, g4, k1, k2, k3, k4}) {
            d.f.alleviated(w, BIJIE_QIXINGGUAN);
        }
        ScreeningInputs in = d.inputs(202407);
        Map<String, Row> flags = bySubject(DispatchRules.shortStayCluster(in, rules(202407), 202407));

        assertThat(flags).containsOnlyKeys(agG);
        assertThat(evidence(flags.get(agG))).isEqualTo("2024: 2 of 4 granted hires stopped within 3 months: G-1 (" + g1
                + ", hired 202402, paid 1 of 3 months after), G-2 (" + g2 + ", hired 202402, paid 0 of 3 months after)");
        assertThat(strings(flags.get(agG), FlagTable.NAMED_CLAIMS)).containsExactly("G-1", "G-2");
        Map<String, String> shares = new java.util.TreeMap<>();
        DispatchRules.shortStayShares(in, rules(202407), 202407).collectAsList()
                .forEach(r -> shares.put(r.getString(0), r.getDecimal(r.fieldIndex(DispatchRules.SHARE)).toPlainString()));
        assertThat(shares).containsEntry(agG, "0.5000").containsEntry(agOk, "0.3333");
    }

    /** OVERCLAIM: claimed more than approved × 1.10 on an APPROVED or PARTIAL claim; exactly 10 % more is not. */
    @Test
    void overclaimIsMoreThanTheToleranceAboveTheApprovedAmount() {
        String p = person(281);
        ScreeningData d = new ScreeningData()
                .decision("C-OVER", Decision.APPROVED, "1000.00", Subsidy.SI_SUBSIDY, p, p, "1100.01")
                .decision("C-EDGE", Decision.APPROVED, "1000.00", Subsidy.SI_SUBSIDY, p, p, "1100.00")
                .decision("C-PART", Decision.PARTIAL, "500.00", Subsidy.LIVING, p, p, "1000.00")
                .decision("C-REJ", Decision.REJECTED, "0.00", Subsidy.LIVING, p, p, "1000.00")
                .decision("C-EMPTY", Decision.APPROVED, "500.00", Subsidy.LIVING, p, p, null);
        d.f.alleviated(p, BIJIE_QIXINGGUAN);
        Map<String, Row> flags = bySubject(ClaimRules.overclaim(d.inputs(202401), rules(202401)));

        assertThat(flags).containsOnlyKeys("C-OVER", "C-PART");
        assertThat(evidence(flags.get("C-PART"))).isEqualTo("PARTIAL LIVING: claimed 1000.00, approved 500.00 (+100.0 %)");
        assertThat(flags.get("C-OVER").getString(flags.get("C-OVER").fieldIndex(Columns.SEVERITY))).isEqualTo("LOW");
    }

    /** CONCURRENT_EMPLOYERS: two units pay the pension of one month; a job change without overlap does not. */
    @Test
    void concurrentEmployersNeedsTwoUnitsInTheSameMonth() {
        String both = person(291), changed = person(292), outsider = person(GUIYANG_NANMING, 293);
        String ua = unit(291), ub = unit(292);
        ScreeningData d = new ScreeningData();
        d.f.enterprise(ua, YUEXIU).enterprise(ub, HAIZHU)
                .alleviated(both, BIJIE_QIXINGGUAN).alleviated(changed, BIJIE_QIXINGGUAN)
                .worked(both, ua, 202301, 202312).worked(both, ub, 202303, 202305).worked(both, ub, 202308, 202308)
                .worked(changed, ua, 202301, 202306).worked(changed, ub, 202307, 202312)
                .worked(outsider, ua, 202301, 202312).worked(outsider, ub, 202301, 202312);
        Map<String, Row> flags = bySubject(ContributionRules.concurrentEmployers(d.inputs(202401), rules(202401), 202401));

        assertThat(flags).containsOnlyKeys(both);
        assertThat(evidence(flags.get(both))).isEqualTo(
                "PAID pension from several units in 202303-202305, 202308: units " + ua + ", " + ub);
        assertThat(strings(flags.get(both), FlagTable.LINKED_NODES))
                .containsExactlyInAnyOrder("PERSON:" + both, "UNIT:" + ua, "UNIT:" + ub);
    }

    /** DOUBLE_SCHEME (P18, 问题十二): same person and subsidy in a month (TRANSPORT: a year) under another scheme. */
    @Test
    void doubleSchemeIsAnOverlapWithAGrantOfAnotherSchemeForTheSameSubsidy() {
        String p1 = person(301), p2 = person(302), p3 = person(303);
        ScreeningData d = new ScreeningData();
        d.f.alleviated(p1, BIJIE_QIXINGGUAN).alleviated(p2, BIJIE_QIXINGGUAN).alleviated(p3, BIJIE_QIXINGGUAN)
                .grant("G-LIVING", Subsidy.LIVING, p1, Scheme.DISTRICT, 202301, 202303, "2023-04-10")
                .claim("C-LIVING", Subsidy.LIVING, p1, YUEXIU, 202301, 202306, "2023-07-15")
                .claim("C-SI", Subsidy.SI_SUBSIDY, p1, YUEXIU, 202301, 202306, "2023-07-15")
                .grant("G-T2023", Subsidy.TRANSPORT, p2, Scheme.CITY_2021, 202301, 202312, "2023-03-01")
                .claim("T-2023", Subsidy.TRANSPORT, p2, YUEXIU, 202301, 202312, "2023-05-01")
                .claim("T-2024", Subsidy.TRANSPORT, p2, YUEXIU, 202401, 202412, "2023-12-20")
                // granted after the cycle's first day: not visible yet
                .grant("G-LATE", Subsidy.LIVING, p3, Scheme.DISTRICT, 202301, 202301, "2024-05-01")
                .claim("C-P3", Subsidy.LIVING, p3, YUEXIU, 202301, 202303, "2023-04-01");
        Map<String, Row> flags = bySubject(ClaimRules.doubleScheme(d.inputs(202401)));

        assertThat(flags).containsOnlyKeys("C-LIVING", "T-2023");
        assertThat(evidence(flags.get("C-LIVING"))).isEqualTo("LIVING 202301-202306 overlaps DISTRICT grant G-LIVING 202301-202303");
        assertThat(flags.get("T-2023").getString(flags.get("T-2023").fieldIndex(Columns.SEVERITY))).isEqualTo("MEDIUM");
    }

    static void dispatch(Fixture f, String claimId, String worker, String agency, int hire, String submitted) {
        f.claim(claimId, Subsidy.DISPATCH_ONE_TIME, worker, agency, YUEXIU, Scheme.CITY_2023, hire, hire, submitted,
                "5000.00", null, null);
    }
}
