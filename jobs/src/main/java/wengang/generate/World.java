package wengang.generate;

import java.io.Serializable;

/**
 * The fixed facts of one generated province, shipped to every Spark task: the seed,
 * how many persons (scripted anomaly persons first, background persons after), how
 * many catalogue units there are and how many insured persons in all (ordinary
 * workers numbered after the persons, up to {@code insured}). Everything else is a pure
 * function of these and an entity number.
 *
 * <p>Units, claim ids and every registry-side person depend on {@code persons} only,
 * never on {@code insured}: adding ordinary workers leaves the registry-side rows as
 * they were.
 */
record World(long seed, long persons, int scriptedPersons, long units, long insured) implements Serializable {
    /** Claims per person at most: claim ids are C + (person number × 32 + k). */
    static final int CLAIMS_PER_PERSON = 32;

    World {
        if (insured < persons) {
            throw new IllegalArgumentException("insured (" + insured + ") < persons (" + persons + ")");
        }
    }

    /** A province without ordinary workers (insured = persons). */
    World(long seed, long persons, int scriptedPersons, long units) {
        this(seed, persons, scriptedPersons, units, persons);
    }

    static World of(GeneratorOptions options) {
        long units = Math.max(40, options.persons() / 20);
        return new World(options.seed(), options.persons(), AnomalyCases.PERSONS, units, options.insured());
    }

    long backgroundPersons() {
        return persons - scriptedPersons;
    }

    /** Insured persons who are not registry-side persons: numbered persons..insured − 1. */
    long ordinaryWorkers() {
        return insured - persons;
    }

    /**
     * The k-th claim of person {@code index}. Person numbers are permuted (a bijection on
     * [0, persons)) so that scripted cases do not take the smallest claim ids.
     */
    String claimId(long index, int k) {
        if (k < 0 || k >= CLAIMS_PER_PERSON) {
            throw new IllegalStateException("claim number " + k + " out of range");
        }
        long n = Math.floorMod(claimMultiplier() * index + Draw.offset(seed, "claim-number", persons), persons);
        return "C" + Ids.pad(n * CLAIMS_PER_PERSON + k, 8);
    }

    private long claimMultiplier() {
        long a = 999_983L;
        while (gcd(a, persons) != 1) {
            a++;
        }
        return a;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Catalogue units j with j % 25 == 5 are licensed dispatch agencies registered in Guangzhou. */
    long guangzhouAgencies() {
        return units <= 5 ? 0 : (units - 5 + 24) / 25;
    }

    long guangzhouAgencyIndex(long k) {
        return 25 * k + 5;
    }
}
