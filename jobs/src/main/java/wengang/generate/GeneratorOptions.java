package wengang.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to generate: how many persons (scripted anomaly persons included), how many
 * insured persons in all, the seed (same seed, same bytes), the output folder and the
 * format (csv or parquet). Checked here, where they are set, before Spark starts: the
 * output folder is kept as the user names it, a Hadoop path ({@code hdfs:}, {@code s3a:},
 * {@code file:} or plain), and opened as a {@link wengang.engine.Location} by the generator.
 *
 * <p>{@code persons} are the registry-side persons, as before ordinary workers existed:
 * the scripted anomaly persons and the background workers, all in the registry but the
 * few a case keeps out of it. {@code insured} counts them and the ordinary workers
 * ({@link OrdinaryWorkers}): insured − persons persons who are never in the registry
 * and never claimed for. {@code insured == persons} is the province of earlier
 * versions, byte for byte. The registry share is persons ÷ insured; {@link #of} derives
 * whichever of the three the user did not give.
 */
public record GeneratorOptions(long persons, long insured, long seed, String out, String format) {
    public static final String CSV = "csv";
    public static final String PARQUET = "parquet";
    public static final List<String> FORMATS = List.of(CSV, PARQUET);
    /** Persons the scripted anomaly cases need, plus room for some background. */
    public static final long MIN_PERSONS = 50;
    /** The resident-ID bijection numbers about 14 million persons; stay well inside it. */
    public static final long MAX_PERSONS = 10_000_000;
    /** Registry-side persons and ordinary workers share the resident-ID bijection ({@link Ids#PERSON_CAPACITY}). */
    public static final long MAX_INSURED = 14_000_000;
    /** --persons when neither it nor --insured is given. */
    public static final long DEFAULT_PERSONS = 2_000;
    /**
     * --registry-share when only --insured is given: registry persons are a few per cent of
     * a province's insured (issue 11: 5–10 %).
     */
    public static final double DEFAULT_REGISTRY_SHARE = 0.07;

    public GeneratorOptions {
        Objects.requireNonNull(out, "--out is required");
        if (out.isBlank()) {
            throw new IllegalArgumentException("--out is empty");
        }
        if (persons < MIN_PERSONS) {
            throw new IllegalArgumentException("--persons must be at least " + MIN_PERSONS + " (the injected anomaly cases use "
                    + AnomalyCases.PERSONS + " scripted persons and need background around them), got " + persons);
        }
        if (persons > MAX_PERSONS) {
            throw new IllegalArgumentException("--persons must be at most " + MAX_PERSONS + ", got " + persons);
        }
        if (insured < persons) {
            throw new IllegalArgumentException("--insured counts every insured person, the " + persons
                    + " registry-side persons (--persons) included: it must be at least " + persons + ", got " + insured);
        }
        if (insured > MAX_INSURED) {
            throw new IllegalArgumentException("--insured must be at most " + MAX_INSURED
                    + " (the resident IDs of one province are numbered in one space), got " + insured);
        }
        format = format == null ? CSV : format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("--format must be csv or parquet, got '" + format + "'");
        }
    }

    /** A province written into a folder on this machine's disk (tests, the demo). */
    public GeneratorOptions(long persons, long insured, long seed, Path out, String format) {
        this(persons, insured, seed, local(out), format);
    }

    /** A province of registry-side persons only (insured = persons), as before ordinary workers existed, on this machine's disk. */
    public GeneratorOptions(long persons, long seed, Path out, String format) {
        this(persons, persons, seed, out, format);
    }

    /** The same province written into another folder. */
    public GeneratorOptions withOut(String folder) {
        return new GeneratorOptions(persons, insured, seed, folder, format);
    }

    private static String local(Path folder) {
        return Objects.requireNonNull(folder, "--out is required").toAbsolutePath().normalize().toUri().toString();
    }

    /**
     * The options from the command line, each of --persons, --insured and --registry-share
     * null when not given. At most two may be given; the third follows from
     * persons = round(insured × share):
     * <ul>
     *   <li>none, or --persons alone: insured = persons (default persons {@value #DEFAULT_PERSONS}), no ordinary workers;</li>
     *   <li>--insured alone: persons = round(insured × {@value #DEFAULT_REGISTRY_SHARE});</li>
     *   <li>--insured and --registry-share: persons = round(insured × share);</li>
     *   <li>--persons and --registry-share: insured = round(persons ÷ share);</li>
     *   <li>--persons and --insured: insured − persons ordinary workers (share = persons ÷ insured);</li>
     *   <li>--registry-share alone: persons = {@value #DEFAULT_PERSONS}, insured = round(persons ÷ share).</li>
     * </ul>
     */
    public static GeneratorOptions of(Long persons, Long insured, Double registryShare, long seed, String out, String format) {
        if (persons != null && insured != null && registryShare != null) {
            throw new IllegalArgumentException("give at most two of --persons, --insured and --registry-share: the third "
                    + "follows from persons = insured × share (got " + persons + ", " + insured + " and " + registryShare + ")");
        }
        if (registryShare != null && !(registryShare > 0 && registryShare <= 1)) {
            throw new IllegalArgumentException("--registry-share is the share of the insured who are registry-side persons, "
                    + "more than 0 and at most 1 (e.g. 0.07 for 7 %), got " + registryShare);
        }
        if (insured != null && insured < 1) {
            throw new IllegalArgumentException("--insured must be positive, got " + insured);
        }
        if (insured == null) {
            long p = persons != null ? persons : DEFAULT_PERSONS;
            long i = registryShare == null ? p : Math.round(p / registryShare);
            if (i > MAX_INSURED) {
                throw new IllegalArgumentException("--persons " + p + " at --registry-share " + registryShare + " means "
                        + i + " insured persons, more than the " + MAX_INSURED + " allowed: raise --registry-share");
            }
            return new GeneratorOptions(p, Math.max(p, i), seed, out, format);
        }
        if (persons != null) {
            if (persons > insured) {
                throw new IllegalArgumentException("--insured counts every insured person, the registry-side persons "
                        + "(--persons) included: --insured " + insured + " is less than --persons " + persons);
            }
            return new GeneratorOptions(persons, insured, seed, out, format);
        }
        double share = registryShare != null ? registryShare : DEFAULT_REGISTRY_SHARE;
        long p = Math.round(insured * share);
        if (p < MIN_PERSONS) {
            throw new IllegalArgumentException("--insured " + insured + " at --registry-share " + share + " gives " + p
                    + " registry-side persons, fewer than the " + MIN_PERSONS + " the anomaly cases need: give --insured "
                    + (long) Math.ceil((MIN_PERSONS - 0.5) / share) + " or more, or a larger --registry-share");
        }
        if (p > MAX_PERSONS) {
            throw new IllegalArgumentException("--insured " + insured + " at --registry-share " + share + " gives " + p
                    + " registry-side persons, more than the " + MAX_PERSONS + " allowed: lower --registry-share");
        }
        return new GeneratorOptions(p, insured, seed, out, format);
    }

    /**
     * As {@link #of(Long, Long, Double, long, String, String)}, or, when {@code contributionRows}
     * is given instead of --insured, with --insured chosen so that the contributions table
     * has about that many rows ({@link ProvinceSize}): at --registry-share (default
     * {@value #DEFAULT_REGISTRY_SHARE}), or around a given --persons.
     */
    public static GeneratorOptions of(Long persons, Long insured, Double registryShare, Long contributionRows, long seed,
                                      String out, String format) {
        if (contributionRows == null) {
            return of(persons, insured, registryShare, seed, out, format);
        }
        if (insured != null) {
            throw new IllegalArgumentException("give --insured or --contribution-rows, not both: --contribution-rows "
                    + "chooses --insured");
        }
        if (persons != null && registryShare != null) {
            throw new IllegalArgumentException("with --contribution-rows give --persons or --registry-share, not both: "
                    + "--insured follows from the rows and either of them");
        }
        if (contributionRows < 1) {
            throw new IllegalArgumentException("--contribution-rows must be positive, got " + contributionRows);
        }
        ProvinceSize size = ProvinceSize.estimate(seed);
        if (persons != null) {
            return of(persons, size.insuredFor(contributionRows, persons), null, seed, out, format);
        }
        double share = registryShare != null ? registryShare : DEFAULT_REGISTRY_SHARE;
        long chosen = size.insuredFor(contributionRows, share);
        if (Math.round(chosen * share) < MIN_PERSONS) {
            throw new IllegalArgumentException("--contribution-rows " + contributionRows + " at --registry-share " + share
                    + " is too small a province (" + chosen + " insured, fewer than " + MIN_PERSONS
                    + " registry-side persons): ask for more rows or a larger --registry-share");
        }
        return of(null, chosen, share, seed, out, format);
    }

    public boolean csv() {
        return CSV.equals(format);
    }

    /** Insured persons who are not registry-side persons: never in the registry, never claimed for. */
    public long ordinaryWorkers() {
        return insured - persons;
    }

    /** Registry-side persons ÷ insured persons (1 when there are no ordinary workers). */
    public double registryShare() {
        return (double) persons / insured;
    }
}
