package wengang.generate;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import wengang.schemas.Codes.UnitType;

/**
 * The catalogue of units, as a pure function of (seed, unit number): any task can
 * compute unit j without a broadcast table. About 75 % of units are registered in a
 * Guangzhou district (weighted towards Baiyun, Panyu, Tianhe, Huangpu), the rest in
 * the other 20 cities. Types: ENTERPRISE most, then PUBLIC_INSTITUTION, SOCIAL_ORG,
 * GOVERNMENT. Every 25th unit (j % 25 == 5) is a licensed dispatch agency registered in
 * Guangzhou, and j % 25 == 17 a licensed agency elsewhere in Guangdong. Unit 0 is
 * always a Guangzhou enterprise. Workers pick units with a skew (j = ⌊units · u²⌋), so
 * a few units employ many target workers, as base enterprises do (P12).
 */
final class UnitCatalog {
    private UnitCatalog() {}

    private static final String[] TYPES = {
        UnitType.ENTERPRISE, UnitType.PUBLIC_INSTITUTION, UnitType.GOVERNMENT, UnitType.SOCIAL_ORG};
    private static final int[] TYPE_WEIGHTS = {86, 6, 3, 5};

    /** Units are pure values of (seed, catalogue size, number): a task computes each once. */
    private record Key(long seed, long units, long j) {}

    private static final int CACHE_LIMIT = 500_000;
    private static final Map<Key, Unit> CACHE = new ConcurrentHashMap<>();

    static Unit unit(World world, long j) {
        Key key = new Key(world.seed(), world.units(), j);
        Unit u = CACHE.get(key);
        if (u == null) {
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            u = compute(world, j);
            CACHE.put(key, u);
        }
        return u;
    }

    private static Unit compute(World world, long j) {
        SplittableRandom r = Draw.rng(world.seed(), j, "unit");
        boolean gzAgency = j % 25 == 5;
        boolean otherAgency = j % 25 == 17;
        String type;
        boolean guangzhou;
        if (j == 0 || gzAgency) {
            type = UnitType.ENTERPRISE;
            guangzhou = true;
        } else if (otherAgency) {
            type = UnitType.ENTERPRISE;
            guangzhou = false;
        } else {
            type = TYPES[Draw.weighted(r, TYPE_WEIGHTS)];
            guangzhou = Draw.chance(r, 0.75);
        }
        String district = guangzhou ? guangzhouDistrict(r) : otherDistrict(r);
        return make(world, j, type, district, gzAgency || otherAgency, r);
    }

    /** A unit outside the catalogue (scripted anomaly units), numbered after it. */
    static Unit scripted(World world, long j, String type, String district, boolean licensed) {
        return make(world, j, type, district, licensed, Draw.rng(world.seed(), j, "unit"));
    }

    private static Unit make(World world, long j, String type, String district, boolean licensed, SplittableRandom r) {
        String region = Geography.cityOf(district).code();
        String name = Names.unit(r, j, type, licensed, district);
        String id = Ids.creditCode(world.seed(), j, type, district);
        boolean lowerCaseX = j % 5 == 2 && j < world.units();
        return new Unit(j, id, name, district, region, type, licensed, Ids.bankAccount(world.seed(), j), lowerCaseX);
    }

    static String guangzhouDistrict(SplittableRandom r) {
        return Geography.GUANGZHOU_DISTRICTS.get(Draw.weighted(r, Geography.weights(Geography.GUANGZHOU_DISTRICTS))).code();
    }

    static String otherDistrict(SplittableRandom r) {
        Geography.City city = Geography.OTHER_CITIES.get(Draw.weighted(r, Geography.cityWeights()));
        return city.districts().get(Draw.weighted(r, Geography.weights(city.districts()))).code();
    }

    /** A unit a worker takes a job at: skewed towards low numbers (big employers). */
    static Unit pick(World world, SplittableRandom r) {
        double u = r.nextDouble();
        long j = Math.min(world.units() - 1, (long) Math.floor(world.units() * u * u));
        return unit(world, j);
    }

    /**
     * A unit in Guangzhou (or, when {@code guangzhou} is false, in another city of the
     * province), with the same skew as {@link #pick}; any unit if none is found quickly.
     */
    static Unit pickIn(World world, SplittableRandom r, boolean guangzhou) {
        for (int attempt = 0; attempt < 32; attempt++) {
            Unit u = pick(world, r);
            if (u.inGuangzhou() == guangzhou) {
                return u;
            }
        }
        return pick(world, r);
    }

    /** A Guangzhou unit a dispatched worker can be sent to (not an agency, an enterprise or institution). */
    static Unit pickUserUnit(World world, SplittableRandom r, boolean guangzhou) {
        for (int attempt = 0; attempt < 64; attempt++) {
            Unit u = pick(world, r);
            boolean kind = UnitType.ENTERPRISE.equals(u.unitType()) || UnitType.PUBLIC_INSTITUTION.equals(u.unitType());
            if (u.inGuangzhou() == guangzhou && !u.licensed() && kind) {
                return u;
            }
        }
        return unit(world, 0);
    }
}
