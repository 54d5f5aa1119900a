package wengang.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.UnitType;
import wengang.schemas.Months;

/**
 * Ordinary workers: the insured population around the registry persons, the bulk of a
 * province's contributions table. Never in the registry, never claimed for; they
 * exist so that the step that matters at province scale, narrowing every contribution
 * row to the registry persons and claimants, has something to narrow. Person
 * {@code index} (persons ≤ index &lt; insured) is a pure function of (seed, index), so a
 * Spark task can build any of them alone; their resident IDs come from the same
 * bijection as the registry persons' ({@link Ids#birth}), so no ID can collide, and
 * their card numbers from the same card serials (index × 4, index × 4 + 1).
 *
 * <p>Who: household registration Guangdong 45 %, Hunan 12 %, Guangxi 11 %, Guizhou 7 %
 * (covered counties among them: a covered county alone makes no one eligible), Sichuan
 * 7 %, Jiangxi 6 %, Henan 6 %, Hubei 4 %, others 2 % ({@link Geography#INSURED_ORIGINS}).
 * Cards as background workers.
 *
 * <p>Work, 2021-01..2025-12: 70 % are insured from January 2021, the others join later.
 * Each person has a home area, Guangzhou (40 %) or another city of the province (60 %,
 * region codes 4402xx..4453xx of the unit's city); a job is in the home area with 85 %.
 * Units are the {@link UnitCatalog}'s (the same units registry workers work at), picked
 * with its skew. Jobs last 1 + Geometric(mean 29) months; after a job 65 % change unit
 * without a gap, 28 % break 1–9 months, 7 % leave the insured population. Jobs at
 * licensed agencies are DISPATCHED to a user unit of the agency's area; 50 % of jobs at
 * government organs and public institutions are ESTABLISHED (120 instead of 110, no 210
 * at organs). Every month of work is one row per insurance type (110 or 120, 210, 310,
 * 410, 510, {@link Worker.WorkMonth#insuranceTypes}) with the personal and unit parts of
 * {@link Amounts}. Bases (skewed towards the low end, +3 % each July): 4,600–24,000 yuan
 * in Guangzhou, 4,000–18,000 elsewhere, 7,000–26,000 for established staff. Money
 * arrives as for background workers ({@link BackgroundWorkers#paidOn}); 12 % of jobs that
 * end in a break leave their last month OWED; 1.5 % of jobs have one 110 posting
 * REVERSED beside the paid one; money not arrived by the snapshot is OWED.
 *
 * <p>Two things a registry person would be flagged for, so that a screening that
 * forgot its scope would show: 1 % of jobs have one month back-paid 4–10 months late
 * (RETROACTIVE_PAYMENT), and 3 % of persons hold a second REGULAR job at another unit
 * for 2–12 months of their main job (PAID 110 from two units: CONCURRENT_EMPLOYERS).
 * Screening looks only at registry persons and claimants, so neither is a flag.
 */
final class OrdinaryWorkers {
    private OrdinaryWorkers() {}

    private static final int MONTHS = BackgroundWorkers.MONTHS;

    private record Job(Unit unit, int fromIdx, int toIdx, boolean owedLast, String staffType, Unit userUnit) {}

    /** Whether ordinary workers have rows in the table (they have none in registry and claims). */
    static boolean hasRows(String table) {
        return table.equals("contributions") || table.equals("cards");
    }

    /** Ordinary worker {@code index}'s identity and cards, without work (all the cards table needs). */
    static Worker person(World world, long index) {
        if (index < world.persons() || index >= world.insured()) {
            throw new IllegalArgumentException("ordinary workers are numbered " + world.persons() + ".."
                    + (world.insured() - 1) + ", not " + index);
        }
        long seed = world.seed();
        SplittableRandom r = Draw.rng(seed, index, "insured");
        Geography.Origin origin = Geography.INSURED_ORIGINS.get(Draw.weighted(r, Geography.insuredOriginWeights()));
        Geography.County county = Draw.pick(r, origin.counties());
        Ids.Birth birth = Ids.birth(seed, index);
        String id = Ids.residentId(county.code(), birth);
        Worker p = new Worker(index, id, Names.person(Draw.rng(seed, index, "name"), birth.male()), county.code());
        BackgroundWorkers.cards(world, p, false);
        return p;
    }

    /** Ordinary worker {@code index} with cards and contributions. */
    static Worker build(World world, long index) {
        Worker p = person(world, index);
        SplittableRandom t = Draw.rng(world.seed(), index, "insured-timeline");
        List<Job> jobs = timeline(world, t);
        for (int j = 0; j < jobs.size(); j++) {
            addMonths(world, p, jobs.get(j), j);
        }
        secondJob(world, p, jobs);
        return p;
    }

    private static List<Job> timeline(World world, SplittableRandom t) {
        boolean homeGuangzhou = Draw.chance(t, 0.4);
        List<Job> jobs = new ArrayList<>();
        int cur = Draw.chance(t, 0.7) ? 0 : Draw.between(t, 1, MONTHS - 1);
        while (cur < MONTHS) {
            boolean atHome = Draw.chance(t, 0.85);
            boolean guangzhou = atHome ? homeGuangzhou : !homeGuangzhou;
            Unit unit = UnitCatalog.pickIn(world, t, guangzhou);
            int end = Math.min(MONTHS - 1, cur + Draw.geometric(t, 29));
            double x = t.nextDouble();
            int gap = x < 0.65 ? 0 : (x < 0.93 ? Draw.between(t, 1, 9) : -1);
            boolean owedLast = gap != 0 && end > cur && Draw.chance(t, 0.12);
            String staff = StaffType.REGULAR;
            Unit user = null;
            if (unit.licensed()) {
                staff = StaffType.DISPATCHED;
                user = UnitCatalog.pickUserUnit(world, t, unit.inGuangzhou());
            } else if (unit.establishment() && Draw.chance(t, 0.5)) {
                staff = StaffType.ESTABLISHED;
            }
            jobs.add(new Job(unit, cur, end, owedLast, staff, user));
            if (gap < 0) {
                break;
            }
            cur = end + 1 + gap;
        }
        return jobs;
    }

    private static void addMonths(World world, Worker p, Job job, int jobNo) {
        SplittableRandom jr = Draw.rng(world.seed(), p.index, "insured-job", jobNo);
        int tens;
        if (StaffType.ESTABLISHED.equals(job.staffType())) {
            tens = skewed(jr, 700, 2600);
        } else if (job.unit().inGuangzhou()) {
            tens = skewed(jr, 460, 2400);
        } else {
            tens = skewed(jr, 400, 1800);
        }
        int reversedAt = Draw.chance(jr, 0.015) ? Draw.between(jr, job.fromIdx(), job.toIdx()) : -1;
        int backPaidAt = Draw.chance(jr, 0.01) ? Draw.between(jr, job.fromIdx(), job.toIdx()) : -1;
        long base = tens * 1_000L;
        for (int i = job.fromIdx(); i <= job.toIdx(); i++) {
            int m = BackgroundWorkers.month(i);
            if (m % 100 == 7 && i > job.fromIdx()) {
                base = Math.round(base * 1.03 / 100.0) * 100; // yearly adjustment, whole yuan
            }
            LocalDate paidOn = i == backPaidAt
                    ? Months.firstDay(Months.plus(m, Draw.between(jr, 4, 10))).withDayOfMonth(Draw.between(jr, 1, 28))
                    : BackgroundWorkers.paidOn(Draw.rng(world.seed(), p.index, "insured-paid", jobNo * 100L + i), m);
            Worker.WorkMonth wm = new Worker.WorkMonth(m, job.unit(), job.staffType(), job.userUnit(), base, paidOn);
            if (paidOn.isAfter(Worker.SNAPSHOT) || (job.owedLast() && i == job.toIdx())) {
                wm.owe();
            }
            wm.reversedExtra = i == reversedAt && wm.paid();
            p.months.add(wm);
        }
    }

    /** 3 %: a REGULAR second job at another enterprise during 2–12 consecutive months of the main jobs. */
    private static void secondJob(World world, Worker p, List<Job> jobs) {
        SplittableRandom s = Draw.rng(world.seed(), p.index, "insured-second-job");
        if (!Draw.chance(s, 0.03)) {
            return;
        }
        Set<Integer> worked = new HashSet<>();
        Set<Long> mainUnits = new HashSet<>();
        for (Job j : jobs) {
            for (int i = j.fromIdx(); i <= j.toIdx(); i++) {
                worked.add(i);
            }
            mainUnits.add(j.unit().index());
        }
        Job anchor = Draw.pick(s, jobs);
        int from = Draw.between(s, anchor.fromIdx(), anchor.toIdx());
        int to = from;
        int length = Draw.between(s, 2, 12);
        while (to + 1 < MONTHS && to + 1 - from < length && worked.contains(to + 1)) {
            to++;
        }
        Unit unit = null;
        for (int attempt = 0; attempt < 16 && unit == null; attempt++) {
            Unit u = UnitCatalog.pick(world, s);
            if (!u.licensed() && UnitType.ENTERPRISE.equals(u.unitType()) && !mainUnits.contains(u.index())) {
                unit = u;
            }
        }
        if (unit == null) {
            return;
        }
        long base = skewed(s, 400, 600) * 1_000L;
        for (int i = from; i <= to; i++) {
            int m = BackgroundWorkers.month(i);
            LocalDate paidOn = BackgroundWorkers.paidOn(Draw.rng(world.seed(), p.index, "insured-second-paid", i), m);
            Worker.WorkMonth wm = new Worker.WorkMonth(m, unit, StaffType.REGULAR, null, base, paidOn);
            if (paidOn.isAfter(Worker.SNAPSHOT)) {
                wm.owe();
            }
            p.months.add(wm);
        }
    }

    /** Tens of yuan in [lo, hi], skewed towards lo (most bases are near the floor). */
    private static int skewed(SplittableRandom r, int lo, int hi) {
        double u = r.nextDouble();
        return Math.min(hi, lo + (int) Math.floor((hi - lo + 1) * u * u));
    }
}
