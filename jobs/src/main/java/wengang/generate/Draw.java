package wengang.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random draws. Every draw comes from a generator seeded by (run seed,
 * entity, purpose[, sub-key]) through a 64-bit mix, never from a shared stream, so the
 * value a person, unit or month gets does not depend on the order in which Spark
 * happens to visit them, nor on how the work is partitioned.
 */
final class Draw {
    private Draw() {}

    /** SplitMix64's finaliser: a bijective 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A generator for one entity and purpose (purpose: a fixed string; String.hashCode is specified by the JLS). */
    static SplittableRandom rng(long seed, long entity, String purpose) {
        return rng(seed, entity, purpose, 0L);
    }

    /** A generator for one entity, purpose and sub-key (a month, a job number). */
    static SplittableRandom rng(long seed, long entity, String purpose, long sub) {
        long h = mix(seed ^ 0x3C6EF372FE94F82BL);
        h = mix(h + entity * 0x9E3779B97F4A7C15L);
        h = mix(h ^ ((long) purpose.hashCode() * 0xC2B2AE3D27D4EB4FL));
        h = mix(h + sub * 0x165667B19E3779F9L);
        return new SplittableRandom(h);
    }

    /** A long in [0, bound) from (seed, purpose) alone: offsets of the bijections in {@link Ids}. */
    static long offset(long seed, String purpose, long bound) {
        return Math.floorMod(mix(mix(seed) ^ purpose.hashCode()), bound);
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    /** Uniform in [lo, hi], both included. */
    static int between(SplittableRandom r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static char pick(SplittableRandom r, String chars) {
        return chars.charAt(r.nextInt(chars.length()));
    }

    /** Index of an entry drawn with the given non-negative integer weights. */
    static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Geometric number of failures (≥ 0) with the given mean. */
    static int geometric(SplittableRandom r, double mean) {
        double p = 1.0 / (mean + 1.0);
        double u = r.nextDouble();
        return (int) Math.floor(Math.log(1.0 - u) / Math.log(1.0 - p));
    }
}
