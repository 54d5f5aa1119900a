package wengang.generate;

/**
 * How many contribution rows a province has, and how many insured persons give a target
 * number of rows (a benchmark chooses its scale by rows). Registry-side persons (migrant
 * workers who arrive, leave and come back) and ordinary workers (a settled insured
 * population) have different working lives, so the rows per insured person depend on
 * the registry share. Both averages are measured on a sample of {@value #SAMPLE} persons
 * of each kind built on the driver (no Spark, well under a second): deterministic per
 * seed, within about 1 % of a generated province (the scripted anomaly persons' few
 * thousand rows are left out).
 *
 * @param rowsPerRegistryPerson average contribution rows of a background (registry-side) person
 * @param rowsPerOrdinaryWorker average contribution rows of an ordinary worker
 */
public record ProvinceSize(double rowsPerRegistryPerson, double rowsPerOrdinaryWorker) {
    static final int SAMPLE = 4_000;

    /** Measures both averages on {@value #SAMPLE} persons of each kind of a large province of this seed. */
    public static ProvinceSize estimate(long seed) {
        long persons = 200_000;
        World world = new World(seed, persons, AnomalyCases.PERSONS, persons / 20, 2 * persons);
        long registryRows = 0;
        long ordinaryRows = 0;
        for (int k = 0; k < SAMPLE; k++) {
            registryRows += BackgroundWorkers.build(world, world.scriptedPersons()
                    + k * (world.backgroundPersons() / SAMPLE)).contributionRowCount();
            ordinaryRows += OrdinaryWorkers.build(world, world.persons() + k * (world.ordinaryWorkers() / SAMPLE))
                    .contributionRowCount();
        }
        return new ProvinceSize((double) registryRows / SAMPLE, (double) ordinaryRows / SAMPLE);
    }

    /** Contribution rows per insured person when registry-side persons are {@code registryShare} of the insured. */
    public double rowsPerInsured(double registryShare) {
        return registryShare * rowsPerRegistryPerson + (1 - registryShare) * rowsPerOrdinaryWorker;
    }

    /** Estimated contribution rows of a province of {@code persons} registry-side persons among {@code insured}. */
    public long contributionRows(long persons, long insured) {
        return Math.round(persons * rowsPerRegistryPerson + (insured - persons) * rowsPerOrdinaryWorker);
    }

    /** Insured persons that give about {@code rows} contribution rows at the registry share. */
    public long insuredFor(long rows, double registryShare) {
        return Math.round(rows / rowsPerInsured(registryShare));
    }

    /** Insured persons that give about {@code rows} contribution rows with {@code persons} registry-side persons (at least persons). */
    public long insuredFor(long rows, long persons) {
        double rest = rows - persons * rowsPerRegistryPerson;
        return persons + Math.max(0, Math.round(rest / rowsPerOrdinaryWorker));
    }
}
