package wengang.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import wengang.schemas.Codes.CardStatus;
import wengang.schemas.Codes.RegistryStatus;
import wengang.schemas.Codes.RemovalReason;
import wengang.schemas.Codes.Scheme;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Codes.UnitType;
import wengang.schemas.FlagRule;
import wengang.schemas.Months;
import wengang.schemas.ReasonCode;

/**
 * The injected anomalies: persons 0..{@value #PERSONS}-1 and a dozen units, written out
 * month by month so that each case produces exactly the stated code at the stated cycle
 * and nothing else by accident. Built on the driver (a few hundred rows).
 *
 * <p>Shared facts: unless a case says otherwise a scripted person is ALLEVIATED since
 * 2019-12-31, from a covered county, has one ACTIVE card with the bank function, works
 * REGULAR at unit U_A (天河 440106) and every month's money arrives on the 20th of the
 * month. Claims are filed in the paying unit's district and ask for exactly what is
 * payable, or leave amount_claimed empty when the claim is meant to be PARTIAL (so no
 * accidental OVERCLAIM). Cycle c sees money paid and claims submitted before c's first
 * day and decides months up to c − 1; "grace": month m is pending at c while
 * (c − 1) − m &lt; 3. Case ids (A01…) number the cases in the order they are built.
 * Why each stated code wins (contract precedence 1–19):
 * <ul>
 *   <li>multi_agency_same_year: W1 hired by AG2 2024-01 (first time in Guangzhou), works to
 *       2024-06, goes home, hired by AG3 2024-10. AG2 claims (submitted 2024-02-20), AG3
 *       claims (2024-11-15). At 202501 AG3's claim passes 1–11 (both hire months are
 *       new hires), AG2's earlier claim passes 1–11 → DUPLICATE_CLAIM (12) on AG3's;
 *       flag MULTI_AGENCY_SAME_YEAR on W1. A stay of 6 months is no short stay.</li>
 *   <li>agency_repeat: AG1 hires five newcomers in 2023-03..06 and claims each
 *       (five qualifying hires: its 2023 claims are PAYABLE). W_r1 leaves AG1 after
 *       2023-12, is home Jan–Mar 2024 and AG1 rehires and claims him again in 2024-04.
 *       At 202407 that claim passes 1–9 and finds the PAYABLE 2023 claim →
 *       REPEAT_SAME_AGENCY (10); flag AGENCY_REPEAT on AG1.</li>
 *   <li>ghost_hires: agency AG_G hires five newcomers in 2024-02/03 who contribute
 *       two months each; its five claims are PAYABLE (granted) at 202407 and all five
 *       stopped within 3 months → SHORT_STAY_CLUSTER on AG_G.</li>
 *   <li>card_shared_by_two_persons, unit_account_is_worker_card, units_share_bank_account:
 *       SHARED_ACCOUNT (subject CARD = the number): two persons hold one card number;
 *       unit U_SH's bank_account is its worker's card number; U_X and U_Y share one.</li>
 *   <li>back_paid_month: month 2023-06 is paid on 2023-11-15 (more than 3 months after
 *       it ended); the SI claim for 2023-04..09 (submitted 2023-12-05) is APPROVED at
 *       202401 and 2023-06 is payable only through that payment → RETROACTIVE_PAYMENT.</li>
 *   <li>name_mismatch: the insurance system spells the name differently → NAME_MISMATCH.</li>
 *   <li>deceased_claim: died 2023-08-14 (last contribution 2023-07); a LIVING claim for 2023-05..10
 *       is filed 2023-11-10 → DECEASED_CLAIM; at 202401 months 09–10 are NOT_IN_REGISTRY
 *       (status_to before the month), 08 NO_PAID_CONTRIBUTION, 05–07 PAYABLE.</li>
 *   <li>overclaim: SI claim 2023-01..06 APPROVED at 202310 asking 1.5 × the payable → OVERCLAIM.</li>
 *   <li>concurrent_employers: a second unit U_B pays 110 in 2023-03..05 too → CONCURRENT_EMPLOYERS.</li>
 *   <li>double_scheme_district_grant: a DISTRICT LIVING grant for 2023-01..03 (2023-04-10) and a CITY_2023 LIVING
 *       claim for 2023-01..06: at 202310 months 01–03 DOUBLE_SCHEME (11, nothing before
 *       applies), 04–06 PAYABLE; flag DOUBLE_SCHEME. double_scheme_city2021_grant: the same with a CITY_2021 SI
 *       grant for 2023-01..02 and a CITY_2023 SI claim for 2023 (2024-01-20), cycle 202404.</li>
 *   <li>late_transport_claim: TRANSPORT for 2023 submitted 2024-01-15 → LATE_SUBMISSION (2) at 202402.</li>
 *   <li>wrong_district: works in 天河 (440106), files SI in 白云 (440111) → WRONG_DISTRICT (18) at 202310.</li>
 *   <li>origin_not_covered: household county 450921 (Guangxi), ALLEVIATED → ORIGIN_NOT_COVERED (4).</li>
 *   <li>not_in_registry: works and claims but has no registry row → NOT_IN_REGISTRY (3).</li>
 *   <li>invalid_person_id: a claim whose person_id fails the checksum → INVALID_ID (1); kept, not rejected.</li>
 *   <li>requalifying_two_month_spell: first spell 2022-05..2023-06, break, spell 2023-09..10, break: SI claim for
 *       2023-09..10 → REQUALIFYING (16) at 202401 (PENDING: 202310 ≥ 202401 − 4).</li>
 *   <li>established_staff: ESTABLISHED staff of public institution U_PUB (120 rows) claims LIVING →
 *       ESTABLISHED_STAFF (14, before NO_PAID_CONTRIBUTION).</li>
 *   <li>agency_below_min_hires: AG2 has one 2024 claim (W1's) → AGENCY_BELOW_MIN_HIRES, PENDING at 202407.</li>
 *   <li>duplicate_claim_by_unit: the worker claims LIVING 2023-01..06, later the unit claims 2023-04..09 for
 *       him → DUPLICATE_CLAIM on months 04–06 of the unit's claim at 202401.</li>
 *   <li>outside_policy_window: LIVING 2022-10..2023-03 → OUTSIDE_POLICY_WINDOW for 2022's months at 202307.</li>
 *   <li>not_dispatch_agency: unlicensed U_B claims DISPATCH_ONE_TIME → NOT_DISPATCH_AGENCY (6).</li>
 *   <li>ineligible_training_unit: public institution U_PUB claims TRAINING → INELIGIBLE_UNIT (7).</li>
 *   <li>user_unit_outside_city: AG1 dispatches a newcomer to Shenzhen unit U_SZ → USER_UNIT_OUTSIDE_CITY (8).</li>
 *   <li>not_new_hire: moves from U_A straight to AG1, which claims him → NOT_NEW_HIRE (9).</li>
 *   <li>spell_after_claim: works 2022-08..2023-08, no 2023-09, back 2023-10; LIVING claim for
 *       2023-04..12 filed 2023-09-15 → at 202404 SPELL_AFTER_CLAIM (17) on 10–12 and
 *       NO_PAID_CONTRIBUTION (15, out of grace) on 09.</li>
 *   <li>card_activated_late: card usable only from 2024-03-12: LIVING 2023-01..06 payable but held at
 *       202310 → NO_FINANCIAL_CARD.</li>
 *   <li>job_change_without_gap (NONE): job change from U_A to U_B without a gap, one SI claim in each
 *       district; arrears_within_grace (NONE): months 2023-03/04 paid on 2023-06-10 (arrears within grace).</li>
 * </ul>
 * Person 0 is clean and has no claims: the bad input rows ({@link BadRows}) are
 * corrupted copies of its rows.
 */
final class AnomalyCases {
    /** Scripted persons: they take person numbers 0..PERSONS-1; background persons follow. */
    static final int PERSONS = 39;

    private static final LocalDate ALLEVIATED_ON = LocalDate.of(2019, 12, 31);

    private final World world;
    private final List<Worker> workers = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private final List<Expectation> expectations = new ArrayList<>();
    private int caseNo;
    private String caseId;
    private String anomaly;

    final Unit uA;
    final Unit uB;
    final Unit uUser;
    final Unit uShenzhen;
    final Unit uPublic;
    final Unit uShared;
    final Unit uX;
    final Unit uY;
    final Unit ag1;
    final Unit ag2;
    final Unit ag3;
    final Unit agGhost;
    /** Never in employers' good rows: the source of bad employers rows. */
    final Unit badUnit;
    final Unit badUnit2;
    /** The clean person whose rows the bad input rows copy. */
    final Worker badRowSource;

    private AnomalyCases(World world) {
        this.world = world;
        uA = unit(0, UnitType.ENTERPRISE, "440106", false);
        uB = unit(1, UnitType.ENTERPRISE, "440111", false);
        uUser = unit(2, UnitType.ENTERPRISE, "440105", false);
        uShenzhen = unit(3, UnitType.ENTERPRISE, "440304", false);
        uPublic = unit(4, UnitType.PUBLIC_INSTITUTION, "440104", false);
        Unit shared = unit(5, UnitType.ENTERPRISE, "440105", false);
        uX = unit(6, UnitType.ENTERPRISE, "440111", false);
        uY = replace(unit(7, UnitType.ENTERPRISE, "440112", false).withBankAccount(uX.bankAccount()));
        ag1 = unit(8, UnitType.ENTERPRISE, "440113", true);
        ag2 = unit(9, UnitType.ENTERPRISE, "440112", true);
        ag3 = unit(10, UnitType.ENTERPRISE, "440118", true);
        agGhost = unit(11, UnitType.ENTERPRISE, "440114", true);
        badUnit = UnitCatalog.scripted(world, world.units() + 12, UnitType.ENTERPRISE, "440103", false);
        badUnit2 = UnitCatalog.scripted(world, world.units() + 13, UnitType.SOCIAL_ORG, "440103", false);

        badRowSource = person(0);
        work(badRowSource, uA, 202201, 202512);

        multiAgencySameYear();
        agencyRepeat();
        notNewHireAndUserUnit();
        notDispatchAgencyAndIneligibleUnit();
        ghostHires();
        uShared = replace(sharedAccounts(shared));
        retroactivePayment();
        nameMismatch();
        deceasedClaim();
        overclaim();
        concurrentEmployers();
        doubleScheme();
        lateTransport();
        wrongDistrict();
        originNotCovered();
        notInRegistry();
        invalidId();
        requalifying();
        establishedStaff();
        duplicateMonthlyClaim();
        outsideWindow();
        spellAfterClaim();
        noFinancialCard();
        background();
        if (workers.size() != PERSONS) {
            throw new IllegalStateException("scripted persons: " + workers.size() + ", expected " + PERSONS);
        }
    }

    static AnomalyCases build(World world) {
        return new AnomalyCases(world);
    }

    List<Worker> workers() {
        return workers;
    }

    /** The scripted units that belong in the employers table. */
    List<Unit> units() {
        return units;
    }

    List<Expectation> expectations() {
        return expectations;
    }

    // ---- the cases ----

    private void multiAgencySameYear() {
        Worker w1 = person(1);
        dispatched(w1, ag2, 202401, 202406, uUser);
        dispatched(w1, ag3, 202410, 202512, uUser);
        Worker.Claim first = dispatchClaim(w1, ag2, 202401, date(2024, 2, 20));
        Worker.Claim second = dispatchClaim(w1, ag3, 202410, date(2024, 11, 15));
        begin("multi_agency_same_year");
        flag(FlagRule.MULTI_AGENCY_SAME_YEAR, "PERSON", w1.id, 202501);
        reason(ReasonCode.DUPLICATE_CLAIM, second, 202501);
        begin("agency_below_min_hires");
        reason(ReasonCode.AGENCY_BELOW_MIN_HIRES, first, 202407);
    }

    private void agencyRepeat() {
        Worker repeat = person(2);
        dispatched(repeat, ag1, 202303, 202312, uUser);
        dispatched(repeat, ag1, 202404, 202512, uUser);
        dispatchClaim(repeat, ag1, 202303, date(2023, 4, 18));
        int[] hires = {202304, 202305, 202305, 202306};
        LocalDate[] submitted = {date(2023, 5, 16), date(2023, 6, 12), date(2023, 6, 21), date(2023, 7, 14)};
        for (int i = 0; i < hires.length; i++) {
            Worker w = person(3 + i);
            dispatched(w, ag1, hires[i], 202512, uUser);
            dispatchClaim(w, ag1, hires[i], submitted[i]);
        }
        Worker.Claim again = dispatchClaim(repeat, ag1, 202404, date(2024, 5, 20));
        begin("agency_repeat");
        flag(FlagRule.AGENCY_REPEAT, "UNIT", ag1.id(), 202407);
        reason(ReasonCode.REPEAT_SAME_AGENCY, again, 202407);
    }

    private void notNewHireAndUserUnit() {
        Worker moved = person(7);
        work(moved, uA, 202209, 202306);
        dispatched(moved, ag1, 202307, 202512, uUser);
        Worker.Claim c = dispatchClaim(moved, ag1, 202307, date(2023, 8, 21));
        begin("not_new_hire");
        reason(ReasonCode.NOT_NEW_HIRE, c, 202310);

        Worker toShenzhen = person(8);
        dispatched(toShenzhen, ag1, 202305, 202512, uShenzhen);
        Worker.Claim d = dispatchClaim(toShenzhen, ag1, 202305, date(2023, 6, 19));
        begin("user_unit_outside_city");
        reason(ReasonCode.USER_UNIT_OUTSIDE_CITY, d, 202310);
    }

    private void notDispatchAgencyAndIneligibleUnit() {
        Worker z = person(9);
        work(z, uB, 202304, 202512);
        Worker.Claim c = dispatchClaim(z, uB, 202304, date(2023, 5, 25));
        begin("not_dispatch_agency");
        reason(ReasonCode.NOT_DISPATCH_AGENCY, c, 202310);

        Worker v = person(10);
        work(v, uPublic, 202303, 202512);
        Worker.Claim t = claim(v, Subsidy.TRAINING, uPublic.id(), uPublic.district(), Scheme.CITY_2023, 202303, 202303,
                date(2023, 4, 20), 3_000L * 16, 16, 2);
        begin("ineligible_training_unit");
        reason(ReasonCode.INELIGIBLE_UNIT, t, 202310);
    }

    private void ghostHires() {
        int[] hires = {202402, 202402, 202402, 202403, 202403};
        LocalDate[] submitted = {date(2024, 4, 8), date(2024, 4, 12), date(2024, 4, 15), date(2024, 4, 22), date(2024, 4, 26)};
        for (int i = 0; i < hires.length; i++) {
            Worker g = person(11 + i);
            dispatched(g, agGhost, hires[i], Months.plus(hires[i], 1), uUser);
            dispatchClaim(g, agGhost, hires[i], submitted[i]);
        }
        begin("ghost_hires");
        flag(FlagRule.SHORT_STAY_CLUSTER, "UNIT", agGhost.id(), 202407);
    }

    private Unit sharedAccounts(Unit shared) {
        Worker a = person(16);
        work(a, uA, 202201, 202512);
        Worker b = person(17);
        work(b, uB, 202203, 202512);
        String card = a.cards.get(0).cardNo();
        b.cards.set(0, new Worker.CardEntry(card, true, CardStatus.ACTIVE, null));
        begin("card_shared_by_two_persons");
        flag(FlagRule.SHARED_ACCOUNT, "CARD", card, 202401);

        Worker c = person(18);
        String cardC = c.cards.get(0).cardNo();
        Unit withCard = shared.withBankAccount(cardC);
        work(c, withCard, 202202, 202512);
        begin("unit_account_is_worker_card");
        flag(FlagRule.SHARED_ACCOUNT, "CARD", cardC, 202401);

        begin("units_share_bank_account");
        flag(FlagRule.SHARED_ACCOUNT, "CARD", uX.bankAccount(), 202401);
        return withCard;
    }

    private void retroactivePayment() {
        Worker p = person(19);
        work(p, uA, 202203, 202512);
        paidOn(p, 202306, date(2023, 11, 15));
        claim(p, Subsidy.SI_SUBSIDY, p.id, uA.district(), Scheme.CITY_2023, 202304, 202309, date(2023, 12, 5),
                p.siCents(202304, 202309), null, null);
        begin("back_paid_month");
        flag(FlagRule.RETROACTIVE_PAYMENT, "PERSON", p.id, 202401);
    }

    private void nameMismatch() {
        Worker p = person(20);
        work(p, uA, 202201, 202512);
        p.contributionName = Names.misspelt(p.name);
        begin("name_mismatch");
        flag(FlagRule.NAME_MISMATCH, "PERSON", p.id, 202401);
    }

    private void deceasedClaim() {
        Worker p = person(21);
        p.registry.set(0, new Worker.RegistryEntry(RegistryStatus.ALLEVIATED, ALLEVIATED_ON, date(2023, 8, 14),
                RemovalReason.DECEASED));
        work(p, uA, 202201, 202307);
        Worker.Claim c = claim(p, Subsidy.LIVING, p.id, uA.district(), Scheme.CITY_2023, 202305, 202310,
                date(2023, 11, 10), null, null, null);
        begin("deceased_claim");
        flag(FlagRule.DECEASED_CLAIM, "CLAIM", c.claimId(), 202401);
        reason(ReasonCode.NOT_IN_REGISTRY, c, 202401);
    }

    private void overclaim() {
        Worker p = person(22);
        work(p, uA, 202206, 202512);
        long exact = p.siCents(202301, 202306);
        Worker.Claim c = claim(p, Subsidy.SI_SUBSIDY, p.id, uA.district(), Scheme.CITY_2023, 202301, 202306,
                date(2023, 7, 20), exact * 3 / 2, null, null);
        begin("overclaim");
        flag(FlagRule.OVERCLAIM, "CLAIM", c.claimId(), 202310);
    }

    private void concurrentEmployers() {
        Worker p = person(23);
        work(p, uA, 202201, 202512, StaffType.REGULAR, null, 6_000);
        work(p, uB, 202303, 202305, StaffType.REGULAR, null, 4_600);
        begin("concurrent_employers");
        flag(FlagRule.CONCURRENT_EMPLOYERS, "PERSON", p.id, 202401);
    }

    private void doubleScheme() {
        Worker p = person(24);
        work(p, uA, 202201, 202512);
        claim(p, Subsidy.LIVING, p.id, uA.district(), Scheme.DISTRICT, 202301, 202303, date(2023, 4, 10),
                living(202301, 202303), null, null);
        Worker.Claim c = claim(p, Subsidy.LIVING, p.id, uA.district(), Scheme.CITY_2023, 202301, 202306,
                date(2023, 7, 15), null, null, null);
        begin("double_scheme_district_grant");
        flag(FlagRule.DOUBLE_SCHEME, "CLAIM", c.claimId(), 202310);
        reason(ReasonCode.DOUBLE_SCHEME, c, 202310);

        Worker q = person(25);
        work(q, uB, 202201, 202512);
        claim(q, Subsidy.SI_SUBSIDY, uB.id(), uB.district(), Scheme.CITY_2021, 202301, 202302, date(2023, 3, 10),
                q.siCents(202301, 202302), null, null);
        Worker.Claim d = claim(q, Subsidy.SI_SUBSIDY, uB.id(), uB.district(), Scheme.CITY_2023, 202301, 202312,
                date(2024, 1, 20), null, null, null);
        begin("double_scheme_city2021_grant");
        flag(FlagRule.DOUBLE_SCHEME, "CLAIM", d.claimId(), 202404);
        reason(ReasonCode.DOUBLE_SCHEME, d, 202404);
    }

    private void lateTransport() {
        Worker p = person(26);
        work(p, uA, 202201, 202512);
        Worker.Claim c = claim(p, Subsidy.TRANSPORT, p.id, uA.district(), Scheme.CITY_2023, 202301, 202312,
                date(2024, 1, 15), 80_000L, null, null);
        begin("late_transport_claim");
        reason(ReasonCode.LATE_SUBMISSION, c, 202402);
    }

    private void wrongDistrict() {
        Worker p = person(27);
        work(p, uA, 202201, 202512);
        Worker.Claim c = claim(p, Subsidy.SI_SUBSIDY, p.id, "440111", Scheme.CITY_2023, 202301, 202306,
                date(2023, 7, 10), p.siCents(202301, 202306), null, null);
        begin("wrong_district");
        reason(ReasonCode.WRONG_DISTRICT, c, 202310);
    }

    private void originNotCovered() {
        Worker p = person(28, "450921");
        work(p, uA, 202201, 202512);
        Worker.Claim c = claim(p, Subsidy.LIVING, p.id, uA.district(), Scheme.CITY_2023, 202303, 202308,
                date(2023, 9, 12), living(202303, 202308), null, null);
        begin("origin_not_covered");
        reason(ReasonCode.ORIGIN_NOT_COVERED, c, 202310);
    }

    private void notInRegistry() {
        Worker p = person(29);
        p.registry.clear();
        work(p, uA, 202201, 202512);
        Worker.Claim c = claim(p, Subsidy.SI_SUBSIDY, p.id, uA.district(), Scheme.CITY_2023, 202302, 202307,
                date(2023, 8, 20), p.siCents(202302, 202307), null, null);
        begin("not_in_registry");
        reason(ReasonCode.NOT_IN_REGISTRY, c, 202310);
    }

    private void invalidId() {
        Worker p = person(30);
        p.registry.clear();
        p.cards.clear();
        String invalid = Ids.withWrongCheck(p.id);
        Worker.Claim c = new Worker.Claim(p.nextClaimId(world), Subsidy.LIVING, invalid, invalid, uA.district(),
                Scheme.CITY_2023, 202301, 202306, date(2023, 7, 12), living(202301, 202306), null, null, false);
        p.claims.add(c);
        begin("invalid_person_id");
        reason(ReasonCode.INVALID_ID, c, 202310);
    }

    private void requalifying() {
        Worker p = person(31);
        work(p, uA, 202205, 202306);
        work(p, uA, 202309, 202310);
        work(p, uA, 202403, 202512);
        Worker.Claim c = claim(p, Subsidy.SI_SUBSIDY, p.id, uA.district(), Scheme.CITY_2023, 202309, 202310,
                date(2023, 11, 20), null, null, null);
        begin("requalifying_two_month_spell");
        reason(ReasonCode.REQUALIFYING, c, 202401);
    }

    private void establishedStaff() {
        Worker p = person(32);
        work(p, uPublic, 202201, 202512, StaffType.ESTABLISHED, null, 8_800);
        Worker.Claim c = claim(p, Subsidy.LIVING, p.id, uPublic.district(), Scheme.CITY_2023, 202301, 202306,
                date(2023, 7, 5), null, null, null);
        begin("established_staff");
        reason(ReasonCode.ESTABLISHED_STAFF, c, 202310);
    }

    private void duplicateMonthlyClaim() {
        Worker p = person(33);
        work(p, uA, 202201, 202512);
        claim(p, Subsidy.LIVING, p.id, uA.district(), Scheme.CITY_2023, 202301, 202306, date(2023, 7, 3),
                living(202301, 202306), null, null);
        Worker.Claim later = claim(p, Subsidy.LIVING, uA.id(), uA.district(), Scheme.CITY_2023, 202304, 202309,
                date(2023, 10, 8), null, null, null);
        begin("duplicate_claim_by_unit");
        reason(ReasonCode.DUPLICATE_CLAIM, later, 202401);
    }

    private void outsideWindow() {
        Worker p = person(34);
        work(p, uA, 202201, 202512);
        Worker.Claim c = claim(p, Subsidy.LIVING, p.id, uA.district(), Scheme.CITY_2023, 202210, 202303,
                date(2023, 4, 10), null, null, null);
        begin("outside_policy_window");
        reason(ReasonCode.OUTSIDE_POLICY_WINDOW, c, 202307);
    }

    private void spellAfterClaim() {
        Worker p = person(35);
        work(p, uA, 202208, 202308);
        work(p, uA, 202310, 202512);
        Worker.Claim c = claim(p, Subsidy.LIVING, p.id, uA.district(), Scheme.CITY_2023, 202304, 202312,
                date(2023, 9, 15), null, null, null);
        begin("spell_after_claim");
        reason(ReasonCode.SPELL_AFTER_CLAIM, c, 202404);
        reason(ReasonCode.NO_PAID_CONTRIBUTION, c, 202404);
    }

    private void noFinancialCard() {
        Worker p = person(36);
        p.cards.set(0, new Worker.CardEntry(p.cards.get(0).cardNo(), true, CardStatus.ACTIVE, date(2024, 3, 12)));
        work(p, uA, 202201, 202512);
        Worker.Claim c = claim(p, Subsidy.LIVING, p.id, uA.district(), Scheme.CITY_2023, 202301, 202306,
                date(2023, 7, 5), living(202301, 202306), null, null);
        begin("card_activated_late");
        reason(ReasonCode.NO_FINANCIAL_CARD, c, 202310);
    }

    private void background() {
        Worker p = person(37);
        work(p, uA, 202201, 202305);
        work(p, uB, 202306, 202512);
        claim(p, Subsidy.SI_SUBSIDY, p.id, uA.district(), Scheme.CITY_2023, 202301, 202305, date(2023, 6, 25),
                p.siCents(202301, 202305), null, null);
        claim(p, Subsidy.SI_SUBSIDY, p.id, uB.district(), Scheme.CITY_2023, 202306, 202311, date(2023, 12, 8),
                p.siCents(202306, 202311), null, null);
        begin("job_change_without_gap");
        none(p, 202401);

        Worker q = person(38);
        work(q, uA, 202201, 202512);
        paidOn(q, 202303, date(2023, 6, 10));
        paidOn(q, 202304, date(2023, 6, 10));
        claim(q, Subsidy.LIVING, q.id, uA.district(), Scheme.CITY_2023, 202301, 202306, date(2023, 7, 10),
                living(202301, 202306), null, null);
        begin("arrears_within_grace");
        none(q, 202310);
    }

    // ---- building blocks ----

    private Unit unit(int k, String type, String district, boolean licensed) {
        Unit u = UnitCatalog.scripted(world, world.units() + k, type, district, licensed);
        units.add(u);
        return u;
    }

    /** Puts a changed unit (another bank account) in place of the one registered under its number. */
    private Unit replace(Unit changed) {
        units.replaceAll(u -> u.index() == changed.index() ? changed : u);
        return changed;
    }

    private Worker person(int slot) {
        List<Geography.County> counties = new ArrayList<>();
        Geography.COVERED_ORIGINS.forEach(o -> counties.addAll(o.counties()));
        return person(slot, counties.get(slot % counties.size()).code());
    }

    private Worker person(int slot, String county) {
        if (slot != workers.size()) {
            throw new IllegalStateException("scripted persons must be created in order: " + slot);
        }
        Ids.Birth birth = Ids.birth(world.seed(), slot);
        String id = Ids.residentId(county, birth);
        Worker p = new Worker(slot, id, Names.person(Draw.rng(world.seed(), slot, "name"), birth.male()), county);
        p.registry.add(new Worker.RegistryEntry(RegistryStatus.ALLEVIATED, ALLEVIATED_ON, null, null));
        p.cards.add(new Worker.CardEntry(Ids.cardNo(world.seed(), slot * 4L), true, CardStatus.ACTIVE, null));
        workers.add(p);
        return p;
    }

    private void work(Worker p, Unit unit, int from, int to) {
        work(p, unit, from, to, StaffType.REGULAR, null, 5_000 + 100 * (p.index % 20));
    }

    private void dispatched(Worker p, Unit agency, int from, int to, Unit userUnit) {
        work(p, agency, from, to, StaffType.DISPATCHED, userUnit, 5_000 + 100 * (p.index % 20));
    }

    /** Months from..to at the unit, each paid on the 20th of the month. */
    private void work(Worker p, Unit unit, int from, int to, String staff, Unit userUnit, long baseYuan) {
        for (int m = from; m <= to; m = Months.plus(m, 1)) {
            p.months.add(new Worker.WorkMonth(m, unit, staff, userUnit, baseYuan * 100, Months.firstDay(m).withDayOfMonth(20)));
        }
    }

    private static void paidOn(Worker p, int month, LocalDate date) {
        p.months.stream().filter(m -> m.month == month).forEach(m -> m.paidOn = date);
    }

    private Worker.Claim claim(Worker p, String subsidy, String claimant, String district, String scheme, int from,
                               int to, LocalDate submitted, Long amountCents, Integer hours, Integer days) {
        Worker.Claim c = new Worker.Claim(p.nextClaimId(world), subsidy, p.id, claimant, district, scheme, from, to,
                submitted, amountCents, hours, days, false);
        p.claims.add(c);
        return c;
    }

    private Worker.Claim dispatchClaim(Worker p, Unit claimant, int hireMonth, LocalDate submitted) {
        return claim(p, Subsidy.DISPATCH_ONE_TIME, claimant.id(), claimant.district(), Scheme.CITY_2023, hireMonth,
                hireMonth, submitted, 500_000L, null, null);
    }

    private static long living(int from, int to) {
        return 50_000L * (Months.between(from, to) + 1);
    }

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    private void begin(String name) {
        caseNo++;
        caseId = String.format("A%02d", caseNo);
        anomaly = name;
    }

    private void flag(FlagRule rule, String subjectType, String subject, int cycle) {
        if (!rule.subjectType().equals(subjectType)) {
            throw new IllegalStateException(rule + " is about a " + rule.subjectType() + ", not a " + subjectType);
        }
        expectations.add(new Expectation(caseId, anomaly, Expectation.FLAG, rule.name(), subjectType, subject, cycle));
    }

    private void reason(ReasonCode code, Worker.Claim claim, int cycle) {
        if (!claim.submittedOn().isBefore(Months.firstDay(cycle))) {
            throw new IllegalStateException(caseId + ": claim " + claim.claimId() + " is not visible at " + cycle);
        }
        expectations.add(new Expectation(caseId, anomaly, Expectation.REASON, code.name(), "CLAIM", claim.claimId(), cycle));
    }

    private void none(Worker p, int cycle) {
        expectations.add(new Expectation(caseId, anomaly, Expectation.NONE, "", "PERSON", p.id, cycle));
    }
}
