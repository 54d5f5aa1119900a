package wengang.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import wengang.schemas.Codes.CardStatus;
import wengang.schemas.Codes.RegistryStatus;
import wengang.schemas.Codes.RemovalReason;
import wengang.schemas.Codes.Scheme;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Months;

/**
 * Background workers: the realistic, harmless bulk of the province. Person {@code index}
 * is a pure function of (seed, index), so a Spark task can build any person alone.
 *
 * <p>Who: origin Bijie 40 %, Qiannan 22 %, Anshun 18 %, other Guizhou 10 %, Guangxi 7 %,
 * Hunan/Yunnan 3 %. Registry: ALLEVIATED (status_from at a year end 2016–2020) 80 %,
 * MONITORED 8 %, MONITORED until mid-2022 then ALLEVIATED 5 %, removed (OTHER) 5 %,
 * DECEASED 1 %. About 6 % of those born before 1975 appear in the registry with their
 * legacy 15-digit number; one unit in five writes a check character X as lower-case x.
 *
 * <p>Work, 2021-01..2025-12: 45 % already work in January 2021, the others arrive later.
 * Jobs last 1 + Geometric(mean 17) months; after a job 55 % change unit without a gap,
 * 35 % break 1–6 months, 10 % leave. Units are picked with a skew from the
 * {@link UnitCatalog} (about three jobs in four in Guangzhou). Jobs at agencies are
 * DISPATCHED to a (mostly Guangzhou) user unit; 30 % of jobs at government organs and
 * public institutions are ESTABLISHED (120 instead of 110). Bases 4,600–9,000 yuan in
 * Guangzhou (4,000–8,000 elsewhere, 7,000–12,000 established), +3 % each July. Money
 * arrives in the month (65 %), the next month (30 %), or 2–3 months late (5 %, always
 * before the month is out of P6's grace and never late enough for RETROACTIVE_PAYMENT);
 * 12 % of jobs that end in a break leave their last month OWED; 1.5 % of jobs have one
 * 110 posting REVERSED beside the paid one. Money not arrived by the snapshot
 * (2026-01-31) is OWED.
 *
 * <p>Cards: 86 % ACTIVE with the bank function since before any cycle, 4 % activated
 * 2019–2022, 3 % without bank function, 3 % activated only in 2023–2024, 2 % LOST and
 * replaced, 1 % CANCELLED and replaced, 1 % no card; a deceased person's card is
 * CANCELLED.
 *
 * <p>Dispatch cohorts: every tenth background person (ordinal % 10 == 3) belongs to a
 * cohort of 8 (ordinal / 80); a full cohort is hired by one Guangzhou agency in one
 * year (January–June, after ≥ 3 months without Guangzhou contributions) and stays at
 * least 6 months, and the agency claims DISPATCH_ONE_TIME for each, so every agency-year
 * has ≥ 5 qualifying hires and no short stays. Cohort members are covered ALLEVIATED
 * workers. Other claims: {@link ClaimPlanner}.
 */
final class BackgroundWorkers {
    private BackgroundWorkers() {}

    static final int FIRST_MONTH = 202101;
    static final int MONTHS = 60;

    private enum RegistryKind { ALLEVIATED, MONITORED, MONITORED_THEN_ALLEVIATED, REMOVED, DECEASED }

    private static final RegistryKind[] KINDS = RegistryKind.values();
    private static final int[] KIND_WEIGHTS = {80, 8, 5, 5, 1};
    private static final LocalDate[] ALLEVIATED_ON = {
        LocalDate.of(2016, 12, 31), LocalDate.of(2017, 12, 31), LocalDate.of(2018, 12, 31),
        LocalDate.of(2019, 12, 31), LocalDate.of(2020, 11, 30)};
    private static final int[] ALLEVIATED_WEIGHTS = {10, 15, 25, 30, 20};

    /** A dispatch cohort: one agency hiring its members in January–June of one year. */
    record Cohort(long number, Unit agency, int year) {}

    private record Job(Unit unit, int fromIdx, int toIdx, boolean owedLast, String staffType, Unit userUnit) {}

    static int month(int idx) {
        return Months.plus(FIRST_MONTH, idx);
    }

    static int idx(int yyyymm) {
        return Months.between(FIRST_MONTH, yyyymm);
    }

    static Worker build(World world, long index) {
        long seed = world.seed();
        SplittableRandom r = Draw.rng(seed, index, "person");
        Cohort cohort = cohort(world, index);

        Geography.Origin origin = cohort != null
                ? Geography.COVERED_ORIGINS.get(Draw.weighted(r, Geography.coveredOriginWeights()))
                : Geography.ORIGINS.get(Draw.weighted(r, Geography.originWeights()));
        Geography.County county = Draw.pick(r, origin.counties());
        Ids.Birth birth = Ids.birth(seed, index);
        String id = Ids.residentId(county.code(), birth);
        Worker p = new Worker(index, id, Names.person(Draw.rng(seed, index, "name"), birth.male()), county.code());
        if (birth.date().getYear() < 1975 && Draw.chance(r, 0.25)) {
            p.registryId = Ids.legacy15(id);
        }
        if (id.endsWith("X") && Draw.chance(r, 0.5)) {
            p.selfId = id.toLowerCase();
        }

        RegistryKind kind = cohort != null ? RegistryKind.ALLEVIATED : KINDS[Draw.weighted(r, KIND_WEIGHTS)];
        LocalDate death = registry(p, kind, r);

        int lastIdx = death == null ? MONTHS - 1 : idx(Months.of(death)) - 1;
        List<Job> jobs = timeline(world, index, cohort, lastIdx);
        for (int j = 0; j < jobs.size(); j++) {
            addMonths(world, p, jobs.get(j), j);
        }
        cards(world, p, death != null);

        boolean target = origin.covered()
                && (kind == RegistryKind.ALLEVIATED || kind == RegistryKind.MONITORED_THEN_ALLEVIATED);
        if (cohort != null) {
            dispatchClaim(world, p, cohort);
        }
        if (target) {
            ClaimPlanner.plan(world, p, Draw.rng(seed, index, "claims"));
        }
        return p;
    }

    /** The full dispatch cohort person {@code index} belongs to, or null. */
    static Cohort cohort(World world, long index) {
        long ordinal = index - world.scriptedPersons();
        if (ordinal < 0 || ordinal % 10 != 3 || world.guangzhouAgencies() == 0) {
            return null;
        }
        long number = ordinal / 80;
        if ((number + 1) * 80 > world.backgroundPersons()) {
            return null;
        }
        SplittableRandom r = Draw.rng(world.seed(), number, "cohort");
        Unit agency = UnitCatalog.unit(world, world.guangzhouAgencyIndex(r.nextLong(world.guangzhouAgencies())));
        return new Cohort(number, agency, 2023 + r.nextInt(3));
    }

    /** The month a cohort member is hired by the cohort's agency (January–June of the cohort's year). */
    static int hireMonth(World world, long index, Cohort cohort) {
        return cohort.year() * 100 + Draw.between(Draw.rng(world.seed(), index, "hire"), 1, 6);
    }

    /** Registry rows of the kind; returns the date of death, or null. */
    private static LocalDate registry(Worker p, RegistryKind kind, SplittableRandom r) {
        LocalDate alleviated = ALLEVIATED_ON[Draw.weighted(r, ALLEVIATED_WEIGHTS)];
        switch (kind) {
            case ALLEVIATED -> p.registry.add(new Worker.RegistryEntry(RegistryStatus.ALLEVIATED, alleviated, null, null));
            case MONITORED -> p.registry.add(new Worker.RegistryEntry(RegistryStatus.MONITORED,
                    LocalDate.of(2021, 1, 1).plusDays(r.nextInt(700)), null, null));
            case MONITORED_THEN_ALLEVIATED -> {
                p.registry.add(new Worker.RegistryEntry(RegistryStatus.MONITORED,
                        LocalDate.of(2021, Draw.between(r, 1, 12), 1), LocalDate.of(2022, 6, 30), null));
                p.registry.add(new Worker.RegistryEntry(RegistryStatus.ALLEVIATED, LocalDate.of(2022, 7, 1), null, null));
            }
            case REMOVED -> p.registry.add(new Worker.RegistryEntry(RegistryStatus.ALLEVIATED, alleviated,
                    LocalDate.of(2023, 6, 30).plusDays(r.nextInt(731)), RemovalReason.OTHER));
            case DECEASED -> {
                LocalDate death = LocalDate.of(2022, 3, 1).plusDays(r.nextInt(1218));
                p.registry.add(new Worker.RegistryEntry(RegistryStatus.ALLEVIATED, alleviated, death, RemovalReason.DECEASED));
                return death;
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return null;
    }

    private static List<Job> timeline(World world, long index, Cohort cohort, int lastIdx) {
        SplittableRandom t = Draw.rng(world.seed(), index, "timeline");
        List<Job> jobs = new ArrayList<>();
        int start = Draw.chance(t, 0.45) ? 0 : Draw.between(t, 1, 53);
        if (cohort == null) {
            fill(world, t, jobs, start, lastIdx);
            return jobs;
        }
        int hire = idx(hireMonth(world, index, cohort));
        // P10 "newly hired": no Guangzhou row of any kind in the 3 months before the hire month
        fill(world, t, jobs, start, hire - 4);
        int end = Math.min(MONTHS - 1, hire + 5 + Draw.geometric(t, 12));
        Unit user = UnitCatalog.pickUserUnit(world, t, true);
        jobs.add(new Job(cohort.agency(), hire, end, false, StaffType.DISPATCHED, user));
        if (end < MONTHS - 1 && !Draw.chance(t, 0.1)) {
            fill(world, t, jobs, end + 1 + (Draw.chance(t, 0.5) ? 0 : Draw.between(t, 1, 6)), lastIdx);
        }
        return jobs;
    }

    private static void fill(World world, SplittableRandom t, List<Job> jobs, int from, int to) {
        int cur = from;
        while (cur <= to) {
            Unit unit = UnitCatalog.pick(world, t);
            int end = Math.min(to, cur + Draw.geometric(t, 17));
            double x = t.nextDouble();
            int gap = x < 0.55 ? 0 : (x < 0.90 ? Draw.between(t, 1, 6) : -1);
            boolean owedLast = gap != 0 && end > cur && Draw.chance(t, 0.12);
            String staff = StaffType.REGULAR;
            Unit user = null;
            if (unit.licensed()) {
                staff = StaffType.DISPATCHED;
                user = UnitCatalog.pickUserUnit(world, t, !Draw.chance(t, 0.05));
            } else if (unit.establishment() && Draw.chance(t, 0.3)) {
                staff = StaffType.ESTABLISHED;
            }
            jobs.add(new Job(unit, cur, end, owedLast, staff, user));
            if (gap < 0) {
                return;
            }
            cur = end + 1 + gap;
        }
    }

    private static void addMonths(World world, Worker p, Job job, int jobNo) {
        SplittableRandom jr = Draw.rng(world.seed(), p.index, "job", jobNo);
        int baseYuan;
        if (StaffType.ESTABLISHED.equals(job.staffType())) {
            baseYuan = Draw.between(jr, 700, 1200) * 10;
        } else if (job.unit().inGuangzhou()) {
            baseYuan = Draw.between(jr, 460, 900) * 10;
        } else {
            baseYuan = Draw.between(jr, 400, 800) * 10;
        }
        int reversedAt = Draw.chance(jr, 0.015) ? Draw.between(jr, job.fromIdx(), job.toIdx()) : -1;
        long base = baseYuan * 100L;
        for (int i = job.fromIdx(); i <= job.toIdx(); i++) {
            int m = month(i);
            if (m % 100 == 7 && i > job.fromIdx()) {
                base = Math.round(base * 1.03 / 100.0) * 100; // yearly adjustment, whole yuan
            }
            LocalDate paidOn = paidOn(Draw.rng(world.seed(), p.index, "paid", jobNo * 100L + i), m);
            Worker.WorkMonth wm = new Worker.WorkMonth(m, job.unit(), job.staffType(), job.userUnit(), base, paidOn);
            if (paidOn.isAfter(Worker.SNAPSHOT) || (job.owedLast() && i == job.toIdx())) {
                wm.owe();
            }
            wm.reversedExtra = i == reversedAt && wm.paid();
            p.months.add(wm);
        }
    }

    /** When a month's money arrives: in the month, the next, or 2–3 months late (within grace). */
    static LocalDate paidOn(SplittableRandom r, int m) {
        double x = r.nextDouble();
        if (x < 0.65) {
            return Months.firstDay(m).withDayOfMonth(Draw.between(r, 5, 28));
        }
        if (x < 0.95) {
            return Months.firstDay(Months.plus(m, 1)).withDayOfMonth(Draw.between(r, 1, 25));
        }
        if (x < 0.985) {
            return Months.firstDay(Months.plus(m, 2)).withDayOfMonth(Draw.between(r, 1, 28));
        }
        return Months.firstDay(Months.plus(m, 3)).withDayOfMonth(Draw.between(r, 1, 20));
    }

    static void cards(World world, Worker p, boolean deceased) {
        SplittableRandom c = Draw.rng(world.seed(), p.index, "card");
        String first = Ids.cardNo(world.seed(), p.index * 4);
        String second = Ids.cardNo(world.seed(), p.index * 4 + 1);
        if (deceased) {
            p.cards.add(new Worker.CardEntry(first, true, CardStatus.CANCELLED, null));
            return;
        }
        double x = c.nextDouble();
        if (x < 0.86) {
            p.cards.add(new Worker.CardEntry(first, true, CardStatus.ACTIVE, null));
        } else if (x < 0.90) {
            p.cards.add(new Worker.CardEntry(first, true, CardStatus.ACTIVE, LocalDate.of(2019, 1, 1).plusDays(c.nextInt(1460))));
        } else if (x < 0.93) {
            p.cards.add(new Worker.CardEntry(first, false, CardStatus.ACTIVE, null));
        } else if (x < 0.96) {
            p.cards.add(new Worker.CardEntry(first, true, CardStatus.ACTIVE, LocalDate.of(2023, 1, 1).plusDays(c.nextInt(730))));
        } else if (x < 0.98) {
            p.cards.add(new Worker.CardEntry(first, true, CardStatus.LOST, null));
            p.cards.add(new Worker.CardEntry(second, true, CardStatus.ACTIVE, LocalDate.of(2023, 3, 1).plusDays(c.nextInt(600))));
        } else if (x < 0.99) {
            p.cards.add(new Worker.CardEntry(first, true, CardStatus.CANCELLED, null));
            p.cards.add(new Worker.CardEntry(second, true, CardStatus.ACTIVE, null));
        }
        // else: no card yet
    }

    /** The cohort agency's DISPATCH_ONE_TIME claim: filed in its district after the hire month's money arrived. */
    private static void dispatchClaim(World world, Worker p, Cohort cohort) {
        int hireMonth = hireMonth(world, p.index, cohort);
        Worker.WorkMonth hire = p.months.stream()
                .filter(m -> m.unit.index() == cohort.agency().index() && m.month == hireMonth)
                .findFirst().orElseThrow(() -> new IllegalStateException("cohort member without a hire month"));
        SplittableRandom r = Draw.rng(world.seed(), p.index, "dispatch-claim");
        LocalDate submitted = hire.paidOn.plusDays(Draw.between(r, 5, 40));
        Long amount = Draw.chance(r, 0.1) ? null : 500_000L;
        String district = cohort.agency().district();
        p.claims.add(new Worker.Claim(p.nextClaimId(world), Subsidy.DISPATCH_ONE_TIME, p.id,
                cohort.agency().id(), district, Scheme.CITY_2023, hire.month, hire.month,
                submitted, amount, null, null, ClaimPlanner.dashed(district)));
    }
}
