package wengang.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Months;
import wengang.schemas.ResidentId;

/**
 * The background population is clean by construction: checked here on 6,000 persons in
 * plain Java (no Spark), against the rules the screening flags and claim decisions use.
 */
class BackgroundWorkersTest {
    private static final World WORLD = new World(11, 6_000, AnomalyCases.PERSONS, 300);
    private static final List<Worker> PEOPLE = new ArrayList<>();

    @BeforeAll
    static void build() {
        for (long i = WORLD.scriptedPersons(); i < WORLD.persons(); i++) {
            PEOPLE.add(BackgroundWorkers.build(WORLD, i));
        }
    }

    @Test
    void aPersonIsAPureFunctionOfSeedAndNumber() {
        Worker again = BackgroundWorkers.build(WORLD, 1234);
        Worker first = PEOPLE.get((int) (1234 - WORLD.scriptedPersons()));
        assertThat(again.contributionRows()).usingRecursiveComparison().isEqualTo(first.contributionRows());
        assertThat(again.claimRows()).usingRecursiveComparison().isEqualTo(first.claimRows());
        Worker otherSeed = BackgroundWorkers.build(new World(12, 6_000, AnomalyCases.PERSONS, 300), 1234);
        assertThat(otherSeed.id).isNotEqualTo(first.id);
    }

    @Test
    void idsCardsAndClaimIdsAreValidAndUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> cards = new HashSet<>();
        Set<String> claims = new HashSet<>();
        for (Worker p : PEOPLE) {
            assertThat(ResidentId.normalise(p.id)).contains(p.id);
            assertThat(ResidentId.normalise(p.registryId)).contains(p.id);
            assertThat(ResidentId.normalise(p.selfId)).contains(p.id);
            assertThat(ids.add(p.id)).as("unique id").isTrue();
            p.cards.forEach(c -> assertThat(cards.add(c.cardNo())).as("unique card").isTrue());
            p.claims.forEach(c -> assertThat(claims.add(c.claimId())).as("unique claim id").isTrue());
        }
        assertThat(PEOPLE.stream().filter(p -> p.registryId.length() == 15)).isNotEmpty();
        assertThat(PEOPLE.stream().filter(p -> p.selfId.endsWith("x"))).isNotEmpty();
    }

    @Test
    void oneEmployerAMonthAndNoMoneyLaterThanGrace() {
        for (Worker p : PEOPLE) {
            Set<Integer> paidMonths = new HashSet<>();
            for (Worker.WorkMonth m : p.months) {
                if (m.paid()) {
                    assertThat(paidMonths.add(m.month)).as("one paying unit per month").isTrue();
                    // RETROACTIVE_PAYMENT needs money after the 3 months following the month
                    assertThat(m.paidOn).isBefore(Months.firstDay(Months.plus(m.month, 4)));
                    assertThat(m.paidOn).isAfterOrEqualTo(Months.firstDay(m.month));
                } else {
                    assertThat(m.payStatus).isEqualTo(PayStatus.OWED);
                    assertThat(m.paidOn).isNull();
                }
            }
        }
    }

    @Test
    void claimsAskForPayableMonthsWhoseMoneyHasArrived() {
        int claims = 0;
        for (Worker p : PEOPLE) {
            List<Worker.WorkMonth> employed = p.employedMonths();
            Map<Integer, Worker.WorkMonth> byMonth = new HashMap<>();
            employed.forEach(m -> byMonth.put(m.month, m));
            Set<Integer> payable = new HashSet<>();
            ClaimPlanner.payableMonths(employed).forEach(m -> payable.add(m.month().month));
            for (Worker.Claim c : p.claims) {
                claims++;
                assertThat(c.submittedOn()).isBefore(LocalDate.of(2026, 1, 1));
                if (!c.scheme().equals("CITY_2023")) {
                    assertThat(c.periodTo()).isLessThan(202301); // grants never overlap the 2023 window
                    continue;
                }
                switch (c.subsidy()) {
                    case Subsidy.SI_SUBSIDY, Subsidy.LIVING -> {
                        for (int m = c.periodFrom(); m <= c.periodTo(); m = Months.plus(m, 1)) {
                            assertThat(payable).contains(m);
                            Worker.WorkMonth wm = byMonth.get(m);
                            assertThat(wm.paidOn).isBefore(c.submittedOn());
                            assertThat(wm.unit.district()).isEqualTo(c.district());
                        }
                        long exact = c.subsidy().equals(Subsidy.LIVING)
                                ? 50_000L * (Months.between(c.periodFrom(), c.periodTo()) + 1)
                                : p.siCents(c.periodFrom(), c.periodTo());
                        if (c.amountCents() != null) {
                            assertThat(c.amountCents()).isEqualTo(exact);
                        }
                    }
                    case Subsidy.TRANSPORT -> {
                        int year = c.periodFrom() / 100;
                        assertThat(c.submittedOn().getYear()).isEqualTo(year);
                        assertThat(payable.stream().filter(m -> m / 100 == year
                                && byMonth.get(m).unit.district().equals(c.district())
                                && byMonth.get(m).paidOn.isBefore(c.submittedOn()))).isNotEmpty();
                    }
                    case Subsidy.TRAINING -> {
                        Worker.WorkMonth wm = byMonth.get(c.periodFrom());
                        assertThat(wm.unit.id()).isEqualTo(c.claimantId());
                        assertThat(wm.paidOn).isBefore(c.submittedOn());
                        assertThat(c.trainingHours()).isLessThanOrEqualTo(8 * c.trainingDays());
                        assertThat(c.submittedOn().getYear()).isEqualTo(c.periodFrom() / 100);
                    }
                    case Subsidy.DISPATCH_ONE_TIME -> { } // dispatchCohorts
                    default -> throw new AssertionError(c.subsidy());
                }
            }
        }
        assertThat(claims).isGreaterThan(PEOPLE.size());
    }

    @Test
    void dispatchCohortsAreNewHiresThatStayAndReachFivePerAgencyYear() {
        Map<String, Set<String>> hiresPerAgencyYear = new HashMap<>();
        Map<String, Set<Integer>> yearsPerWorker = new HashMap<>();
        for (Worker p : PEOPLE) {
            for (Worker.Claim c : p.claims) {
                if (!c.subsidy().equals(Subsidy.DISPATCH_ONE_TIME)) {
                    continue;
                }
                int hire = c.periodFrom();
                assertThat(c.submittedOn().getYear()).isEqualTo(hire / 100);
                assertThat(yearsPerWorker.computeIfAbsent(p.id, k -> new HashSet<>()).add(hire / 100)).isTrue();
                assertThat(yearsPerWorker.get(p.id)).hasSize(1); // one agency claim per worker, ever
                for (Worker.WorkMonth m : p.months) {
                    boolean lookback = m.month >= Months.plus(hire, -3) && m.month < hire;
                    assertThat(lookback && m.unit.inGuangzhou()).as("no Guangzhou row in the 3 months before hire").isFalse();
                }
                int stay = 0;
                for (int m = hire; ; m = Months.plus(m, 1)) {
                    int month = m;
                    Worker.WorkMonth wm = p.months.stream()
                            .filter(x -> x.month == month && x.unit.id().equals(c.claimantId()) && x.paid())
                            .findFirst().orElse(null);
                    if (wm == null) {
                        break;
                    }
                    assertThat(wm.staffType).isEqualTo(StaffType.DISPATCHED);
                    assertThat(wm.userUnit.inGuangzhou()).isTrue();
                    stay++;
                }
                assertThat(stay).as("no short stays").isGreaterThanOrEqualTo(6);
                hiresPerAgencyYear.computeIfAbsent(c.claimantId() + "/" + hire / 100, k -> new HashSet<>()).add(p.id);
            }
        }
        assertThat(hiresPerAgencyYear).isNotEmpty();
        hiresPerAgencyYear.forEach((k, v) -> assertThat(v).as(k).hasSizeGreaterThanOrEqualTo(5));
    }

    @Test
    void theProvinceLooksLikeTheBrief() {
        long guangzhouMonths = PEOPLE.stream().flatMap(p -> p.months.stream()).filter(m -> m.unit.inGuangzhou()).count();
        long allMonths = PEOPLE.stream().mapToLong(p -> p.months.size()).sum();
        assertThat((double) guangzhouMonths / allMonths).isBetween(0.6, 0.9);
        long covered = PEOPLE.stream().filter(p -> Geography.coveredCounty(p.county)).count();
        assertThat((double) covered / PEOPLE.size()).isBetween(0.7, 0.9);
        assertThat(PEOPLE.stream().flatMap(p -> p.registry.stream()).filter(r -> "DECEASED".equals(r.removalReason())))
                .isNotEmpty();
        assertThat(PEOPLE.stream().flatMap(p -> p.months.stream()).filter(Worker.WorkMonth::established)).isNotEmpty();
        assertThat(PEOPLE.stream().flatMap(p -> p.months.stream()).filter(m -> m.reversedExtra)).isNotEmpty();
        assertThat(PEOPLE.stream().flatMap(p -> p.cards.stream()).filter(c -> "LOST".equals(c.status()))).isNotEmpty();
    }
}
