package wengang.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import wengang.schemas.Codes.Scheme;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Codes.UnitType;
import wengang.schemas.Months;

/**
 * Claims of a background target worker (covered origin, ALLEVIATED, alive), chosen so
 * that every one is clean: APPROVED in full at every cycle after it was submitted, with
 * no screening flag. That means:
 * <ul>
 *   <li>only months payable under P1–P4 with the final data: the first spell that
 *       reaches 2023 from 2023-01, later spells only when they have ≥ 3 months;</li>
 *   <li>submitted after the money of every Guangzhou pension month up to the last
 *       claimed month (and, for a later spell, its third month) has arrived, so no
 *       cycle that sees the claim sees a month still in grace or a spell still short;</li>
 *   <li>SI_SUBSIDY and LIVING per run of months at one unit within a half-year, filed in
 *       that unit's district (P13), by the worker (60 %) or the unit on their behalf;</li>
 *   <li>TRANSPORT once a year at the district of the year's first payable month,
 *       submitted in that year; TRAINING by a Guangzhou enterprise or social
 *       organisation in a REGULAR worker's first month there, ≤ 8 hours a day;</li>
 *   <li>amount_claimed is exactly what is payable, or empty (never an OVERCLAIM);</li>
 *   <li>grants of other schemes (CITY_2021 LIVING in 2021–2022, DISTRICT SI in 2022)
 *       lie before the 2023 window, so they never overlap a CITY_2023 claim.</li>
 * </ul>
 * Offices of Panyu (440113) and Conghua (440117) write months as yyyy-MM (the contract
 * accepts both).
 */
final class ClaimPlanner {
    private ClaimPlanner() {}

    static final int WINDOW_FIRST = 202301;
    static final int WINDOW_LAST = 202512;
    static final LocalDate LAST_APPLICATION_DAY = LocalDate.of(2025, 12, 31);

    static boolean dashed(String district) {
        return "440113".equals(district) || "440117".equals(district);
    }

    /** A maximal run of consecutive P3 months. */
    record Spell(int start, int end, boolean first) {
        int length() {
            return Months.between(start, end) + 1;
        }
    }

    record PayableMonth(Worker.WorkMonth month, Spell spell) {}

    static void plan(World world, Worker p, SplittableRandom r) {
        List<Worker.WorkMonth> employed = p.employedMonths();
        if (employed.isEmpty()) {
            return;
        }
        grants(world, p, r, employed);
        List<PayableMonth> payable = payableMonths(employed);
        if (payable.isEmpty()) {
            return;
        }
        double siRate = Draw.chance(r, 0.65) ? 0.85 : 0;
        double livingRate = Draw.chance(r, 0.55) ? 0.85 : 0;
        double transportRate = Draw.chance(r, 0.6) ? 0.8 : 0;
        monthly(world, p, r, employed, payable, siRate, livingRate);
        transport(world, p, r, employed, payable, transportRate);
        training(world, p, r, employed);
    }

    /** P4 with the final data: months of the first qualifying spell from 2023-01, and of later spells of ≥ 3 months. */
    static List<PayableMonth> payableMonths(List<Worker.WorkMonth> employed) {
        List<PayableMonth> out = new ArrayList<>();
        List<List<Worker.WorkMonth>> runs = new ArrayList<>();
        List<Worker.WorkMonth> run = null;
        for (Worker.WorkMonth m : employed) {
            if (run == null || Months.plus(run.get(run.size() - 1).month, 1) != m.month) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(m);
        }
        boolean seenFirst = false;
        for (List<Worker.WorkMonth> months : runs) {
            int start = months.get(0).month;
            int end = months.get(months.size() - 1).month;
            boolean qualifies = end >= WINDOW_FIRST && start <= WINDOW_LAST;
            if (!qualifies && !seenFirst) {
                continue;
            }
            boolean first = !seenFirst;
            seenFirst = true;
            Spell spell = new Spell(start, end, first);
            if (!first && spell.length() < 3) {
                continue;
            }
            for (Worker.WorkMonth m : months) {
                if (m.month >= WINDOW_FIRST && m.month <= WINDOW_LAST) {
                    out.add(new PayableMonth(m, spell));
                }
            }
        }
        return out;
    }

    /** The day after the money of every P3 month up to {@code upTo} has arrived. */
    static LocalDate allArrivedAfter(List<Worker.WorkMonth> employed, int upTo) {
        LocalDate latest = LocalDate.MIN;
        for (Worker.WorkMonth m : employed) {
            if (m.month <= upTo && m.paidOn.isAfter(latest)) {
                latest = m.paidOn;
            }
        }
        return latest.plusDays(1);
    }

    /** The month up to which all money must be visible before months up to {@code last} of the spell are final. */
    private static int mustSee(Spell spell, int last) {
        return spell.first() ? last : Math.max(last, Months.plus(spell.start(), 2));
    }

    private static void monthly(World world, Worker p, SplittableRandom r, List<Worker.WorkMonth> employed,
                                List<PayableMonth> payable, double siRate, double livingRate) {
        int i = 0;
        while (i < payable.size()) {
            int j = i;
            while (j + 1 < payable.size() && sameChunk(payable.get(j), payable.get(j + 1))) {
                j++;
            }
            PayableMonth a = payable.get(i);
            PayableMonth b = payable.get(j);
            int from = a.month().month;
            int to = b.month().month;
            int n = j - i + 1;
            LocalDate earliest = max(allArrivedAfter(employed, mustSee(b.spell(), to)), Months.firstDay(Months.plus(to, 1)));
            Unit unit = a.month().unit;
            if (Draw.chance(r, siRate)) {
                add(world, p, r, Subsidy.SI_SUBSIDY, unit, from, to, earliest, p.siCents(from, to));
            }
            if (Draw.chance(r, livingRate)) {
                add(world, p, r, Subsidy.LIVING, unit, from, to, earliest, 50_000L * n);
            }
            i = j + 1;
        }
    }

    private static boolean sameChunk(PayableMonth x, PayableMonth y) {
        return x.spell() == y.spell()
                && Months.plus(x.month().month, 1) == y.month().month
                && x.month().unit.index() == y.month().unit.index()
                && x.month().month / 100 == y.month().month / 100
                && (x.month().month % 100 <= 6) == (y.month().month % 100 <= 6);
    }

    private static void add(World world, Worker p, SplittableRandom r, String subsidy, Unit unit, int from, int to,
                            LocalDate earliest, long exactCents) {
        LocalDate submitted = earliest.plusDays(Draw.between(r, 3, 45));
        boolean self = Draw.chance(r, 0.6);
        Long amount = Draw.chance(r, 0.15) ? null : exactCents;
        if (submitted.isAfter(LAST_APPLICATION_DAY) || !room(p)) {
            return;
        }
        p.claims.add(new Worker.Claim(p.nextClaimId(world), subsidy, self ? p.selfId : p.id,
                self ? p.selfId : unit.id(), unit.district(), Scheme.CITY_2023, from, to, submitted, amount,
                null, null, dashed(unit.district())));
    }

    private static void transport(World world, Worker p, SplittableRandom r, List<Worker.WorkMonth> employed,
                                  List<PayableMonth> payable, double rate) {
        for (int year = 2023; year <= 2025; year++) {
            boolean claims = Draw.chance(r, rate);
            PayableMonth first = null;
            for (PayableMonth m : payable) {
                if (m.month().month / 100 == year) {
                    first = m;
                    break;
                }
            }
            if (!claims || first == null) {
                continue;
            }
            LocalDate earliest = allArrivedAfter(employed, mustSee(first.spell(), first.month().month));
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            LocalDate submitted = earliest.plusDays(Draw.between(r, 1, 60));
            if (earliest.isAfter(yearEnd) || !room(p)) {
                continue;
            }
            if (submitted.isAfter(yearEnd)) {
                submitted = yearEnd;
            }
            String district = first.month().unit.district();
            boolean self = Draw.chance(r, 0.8);
            p.claims.add(new Worker.Claim(p.nextClaimId(world), Subsidy.TRANSPORT, self ? p.selfId : p.id,
                    self ? p.selfId : first.month().unit.id(), district, Scheme.CITY_2023, year * 100 + 1,
                    year * 100 + 12, submitted, Draw.chance(r, 0.15) ? null : 80_000L, null, null, dashed(district)));
        }
    }

    private static void training(World world, Worker p, SplittableRandom r, List<Worker.WorkMonth> employed) {
        Worker.WorkMonth previous = null;
        for (Worker.WorkMonth m : employed) {
            boolean jobStart = previous == null || Months.plus(previous.month, 1) != m.month
                    || previous.unit.index() != m.unit.index();
            previous = m;
            boolean trainingUnit = UnitType.ENTERPRISE.equals(m.unit.unitType()) || UnitType.SOCIAL_ORG.equals(m.unit.unitType());
            if (!jobStart || !trainingUnit || !StaffType.REGULAR.equals(m.staffType)
                    || m.month < WINDOW_FIRST || m.month > 202511 || !Draw.chance(r, 0.12)) {
                continue;
            }
            int days = Draw.between(r, 1, 5);
            int hours = days * Draw.between(r, 4, 8);
            LocalDate earliest = allArrivedAfter(employed, m.month);
            LocalDate yearEnd = LocalDate.of(m.month / 100, 12, 31);
            if (earliest.isAfter(yearEnd) || !room(p)) {
                continue;
            }
            LocalDate submitted = earliest.plusDays(Draw.between(r, 5, 40));
            if (submitted.isAfter(yearEnd)) {
                submitted = yearEnd;
            }
            p.claims.add(new Worker.Claim(p.nextClaimId(world), Subsidy.TRAINING, p.id, m.unit.id(), m.unit.district(),
                    Scheme.CITY_2023, m.month, m.month, submitted, 3_000L * hours, hours, days, dashed(m.unit.district())));
        }
    }

    /** Grants already made under the 2021 city procedure or a district scheme, all before 2023. */
    private static void grants(World world, Worker p, SplittableRandom r, List<Worker.WorkMonth> employed) {
        if (Draw.chance(r, 0.2)) {
            grant(world, p, r, employed, 202107, 202212, Scheme.CITY_2021, Subsidy.LIVING);
        }
        if (Draw.chance(r, 0.08)) {
            grant(world, p, r, employed, 202201, 202212, Scheme.DISTRICT, Subsidy.SI_SUBSIDY);
        }
    }

    private static void grant(World world, Worker p, SplittableRandom r, List<Worker.WorkMonth> employed,
                              int from, int to, String scheme, String subsidy) {
        List<Worker.WorkMonth> chunk = new ArrayList<>();
        for (Worker.WorkMonth m : employed) {
            if (m.month < from || m.month > to) {
                continue;
            }
            Worker.WorkMonth last = chunk.isEmpty() ? null : chunk.get(chunk.size() - 1);
            if (last != null && (Months.plus(last.month, 1) != m.month || last.unit.index() != m.unit.index())) {
                break;
            }
            chunk.add(m);
            if (chunk.size() == 6) {
                break;
            }
        }
        if (chunk.isEmpty() || !room(p)) {
            return;
        }
        int a = chunk.get(0).month;
        int b = chunk.get(chunk.size() - 1).month;
        LocalDate submitted = allArrivedAfter(employed, b).plusDays(Draw.between(r, 10, 60));
        long amount = Subsidy.LIVING.equals(subsidy) ? 50_000L * chunk.size() : p.siCents(a, b);
        Unit unit = chunk.get(0).unit;
        p.claims.add(new Worker.Claim(p.nextClaimId(world), subsidy, p.selfId, p.selfId, unit.district(), scheme,
                a, b, submitted, amount, null, null, dashed(unit.district())));
    }

    private static boolean room(Worker p) {
        return p.claims.size() < World.CLAIMS_PER_PERSON;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
