package wengang.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wengang.schemas.Codes.InsuranceType;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Months;
import wengang.schemas.ResidentId;

/**
 * Ordinary workers, in plain Java (no Spark): 1,500 of them around 300 registry-side
 * persons. Valid IDs that collide with no registry-side person, no registry row and no
 * claim, and the contribution histories of an insured population: several insurance
 * types a month, job changes, other Guangdong cities, established and dispatched staff.
 */
class OrdinaryWorkersTest {
    private static final World WORLD = new World(11, 300, AnomalyCases.PERSONS, 200, 1_800);
    private static final List<Worker> REGISTRY_SIDE = new ArrayList<>();
    private static final List<Worker> ORDINARY = new ArrayList<>();

    @BeforeAll
    static void build() {
        REGISTRY_SIDE.addAll(AnomalyCases.build(WORLD).workers());
        for (long i = WORLD.scriptedPersons(); i < WORLD.persons(); i++) {
            REGISTRY_SIDE.add(BackgroundWorkers.build(WORLD, i));
        }
        for (long i = WORLD.persons(); i < WORLD.insured(); i++) {
            ORDINARY.add(OrdinaryWorkers.build(WORLD, i));
        }
    }

    @Test
    void aWorkerIsAPureFunctionOfSeedAndNumber() {
        Worker first = ORDINARY.get(123);
        Worker again = OrdinaryWorkers.build(WORLD, first.index);
        assertThat(again.contributionRows()).usingRecursiveComparison().isEqualTo(first.contributionRows());
        assertThat(again.cardRows()).usingRecursiveComparison().isEqualTo(first.cardRows());
        // the cards table is built without the work: the same person, the same cards
        assertThat(OrdinaryWorkers.person(WORLD, first.index).cardRows()).usingRecursiveComparison()
                .isEqualTo(first.cardRows());
        // more insured persons do not change anyone already there
        Worker inLarger = OrdinaryWorkers.build(new World(11, 300, AnomalyCases.PERSONS, 200, 5_000), first.index);
        assertThat(inLarger.contributionRows()).usingRecursiveComparison().isEqualTo(first.contributionRows());
        Worker otherSeed = OrdinaryWorkers.build(new World(12, 300, AnomalyCases.PERSONS, 200, 1_800), first.index);
        assertThat(otherSeed.id).isNotEqualTo(first.id);
        assertThatThrownBy(() -> OrdinaryWorkers.build(WORLD, WORLD.persons() - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrdinaryWorkers.build(WORLD, WORLD.insured()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreValidAndCollideWithNoRegistrySidePerson() {
        Set<String> registrySide = new HashSet<>();
        Set<String> cards = new HashSet<>();
        for (Worker p : REGISTRY_SIDE) {
            registrySide.add(p.id);
            p.cards.forEach(c -> cards.add(c.cardNo()));
        }
        Set<String> ids = new HashSet<>();
        for (Worker p : ORDINARY) {
            assertThat(ResidentId.normalise(p.id)).contains(p.id);
            assertThat(ids.add(p.id)).as("unique id").isTrue();
            assertThat(registrySide).doesNotContain(p.id);
            for (String[] row : p.contributionRows()) {
                assertThat(ResidentId.normalise(row[0])).contains(p.id);
            }
            p.cards.forEach(c -> assertThat(cards.add(c.cardNo())).as("unique card " + c.cardNo()).isTrue());
        }
        assertThat(ORDINARY.stream().filter(p -> p.cards.isEmpty()).count()).isLessThan(ORDINARY.size() / 20);
    }

    @Test
    void neverInTheRegistryAndNeverClaimedFor() {
        for (Worker p : ORDINARY) {
            assertThat(p.registry).isEmpty();
            assertThat(p.registryRows()).isEmpty();
            assertThat(p.claims).isEmpty();
            assertThat(p.claimRows()).isEmpty();
        }
        // household counties of the covered origins too: a covered county alone makes no one eligible
        assertThat(ORDINARY.stream().filter(p -> Geography.coveredCounty(p.county))).isNotEmpty();
        assertThat(ORDINARY.stream().filter(p -> p.county.startsWith("44")).count())
                .isBetween(ORDINARY.size() * 35L / 100, ORDINARY.size() * 55L / 100);
    }

    @Test
    void everyMonthOfWorkHasSeveralInsuranceTypes() {
        Map<String, Set<String>> typesPerWorkMonth = new HashMap<>();
        for (Worker p : ORDINARY) {
            for (String[] r : p.contributionRows()) {
                if (!r[10].equals(PayStatus.REVERSED)) {
                    typesPerWorkMonth.computeIfAbsent(r[0] + "/" + r[2] + "/" + r[5], k -> new TreeSet<>()).add(r[6]);
                }
            }
        }
        Set<String> seen = new TreeSet<>();
        typesPerWorkMonth.values().forEach(types -> {
            assertThat(types).hasSizeGreaterThanOrEqualTo(4).containsAnyOf(InsuranceType.ENTERPRISE_PENSION,
                    InsuranceType.PUBLIC_PENSION);
            seen.addAll(types);
        });
        assertThat(seen).containsExactlyInAnyOrderElementsOf(InsuranceType.ALL);
        long rows = ORDINARY.stream().mapToLong(Worker::contributionRowCount).sum();
        assertThat((double) rows / typesPerWorkMonth.size()).isGreaterThan(4.8);
        assertThat(ORDINARY.stream().mapToLong(p -> p.contributionRows().size()).sum()).isEqualTo(rows);
    }

    @Test
    void theInsuredPopulationLooksLikeAProvince() {
        List<Worker.WorkMonth> months = ORDINARY.stream().flatMap(p -> p.months.stream()).toList();
        double guangzhou = (double) months.stream().filter(m -> m.unit.inGuangzhou()).count() / months.size();
        assertThat(guangzhou).isBetween(0.3, 0.6);
        Set<String> regions = new TreeSet<>();
        months.forEach(m -> regions.add(m.unit.region()));
        assertThat(regions).allMatch(r -> r.matches("44(0[1-9]|[1-4][0-9]|5[0-3])00")).contains(Geography.GUANGZHOU)
                .hasSizeGreaterThan(8);
        // job changes: several units over the five years, and breaks between jobs
        long changed = ORDINARY.stream().filter(p -> p.months.stream().map(m -> m.unit.index()).distinct().count() > 1)
                .count();
        assertThat(changed).isGreaterThan(ORDINARY.size() / 3);
        long withBreak = ORDINARY.stream().filter(OrdinaryWorkersTest::hasBreak).count();
        assertThat(withBreak).isGreaterThan(ORDINARY.size() / 10);
        // established staff only at organs and institutions; dispatched staff with a user unit
        assertThat(months.stream().filter(Worker.WorkMonth::established)).isNotEmpty()
                .allMatch(m -> m.unit.establishment());
        assertThat(months.stream().filter(m -> StaffType.DISPATCHED.equals(m.staffType))).isNotEmpty()
                .allMatch(m -> m.unit.licensed() && m.userUnit != null);
        assertThat(months.stream().filter(m -> !m.paid())).isNotEmpty();
        assertThat(months.stream().filter(m -> m.reversedExtra)).isNotEmpty();
        double perPerson = (double) ORDINARY.stream().mapToLong(Worker::contributionRowCount).sum() / ORDINARY.size();
        assertThat(perPerson).isBetween(150.0, 300.0);
    }

    @Test
    void whatWouldBeAFlagForARegistryPersonIsThereToBeIgnored() {
        // RETROACTIVE_PAYMENT material: a PAID month whose money came more than 3 months after it ended
        assertThat(ORDINARY.stream().flatMap(p -> p.months.stream())
                .filter(m -> m.paid() && !m.paidOn.isBefore(Months.firstDay(Months.plus(m.month, 4))))).isNotEmpty();
        // CONCURRENT_EMPLOYERS material: PAID pension from two units in one month
        long concurrent = ORDINARY.stream().filter(p -> {
            Map<Integer, Set<Long>> units = new HashMap<>();
            p.months.stream().filter(m -> m.paid() && !m.established())
                    .forEach(m -> units.computeIfAbsent(m.month, k -> new HashSet<>()).add(m.unit.index()));
            return units.values().stream().anyMatch(u -> u.size() > 1);
        }).count();
        assertThat(concurrent).isBetween(5L, ORDINARY.size() / 15L);
    }

    @Test
    void theSizeEstimateMatchesTheWorkersBuilt() {
        ProvinceSize size = ProvinceSize.estimate(11);
        assertThat(ProvinceSize.estimate(11)).isEqualTo(size);
        double ordinary = (double) ORDINARY.stream().mapToLong(Worker::contributionRowCount).sum() / ORDINARY.size();
        assertThat(size.rowsPerOrdinaryWorker()).isCloseTo(ordinary, org.assertj.core.data.Percentage.withPercentage(8));
        assertThat(size.rowsPerInsured(1.0)).isEqualTo(size.rowsPerRegistryPerson());
        long insured = size.insuredFor(10_000_000, 0.07);
        assertThat(size.contributionRows(Math.round(insured * 0.07), insured)).isCloseTo(10_000_000L,
                org.assertj.core.data.Offset.offset(1_000L));
        assertThat(size.insuredFor(10_000_000, 20_000)).isGreaterThan(20_000);
        assertThat(size.insuredFor(1_000, 20_000)).isEqualTo(20_000);
    }

    private static boolean hasBreak(Worker p) {
        TreeSet<Integer> worked = new TreeSet<>();
        p.months.forEach(m -> worked.add(m.month));
        Integer previous = null;
        for (int m : worked) {
            if (previous != null && Months.plus(previous, 1) != m) {
                return true;
            }
            previous = m;
        }
        return false;
    }
}
