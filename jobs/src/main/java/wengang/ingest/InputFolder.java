package wengang.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import wengang.engine.Location;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;

/**
 * Finds the file of every contract table in an input folder and checks it before
 * anything is written: every required table is there, once, every CSV file is in the
 * given encoding (at most the allowed share of its lines undecodable, judged on its
 * first MiB: {@link EncodingCheck}) and every header holds every contract column. All
 * problems are reported together in one {@link InputContractException}.
 *
 * <p>File names are matched case-insensitively ({@code Contributions.CSV} is found).
 * A table given in two forms (say {@code claims.csv} and {@code claims.parquet}) is
 * an error: the folder must say which one is the snapshot.
 */
public final class InputFolder {
    /** Where the default quotas live among the bundled conf files ({@link wengang.engine.Bundled}). */
    public static final String DEFAULT_QUOTAS = "reference/quotas.csv";

    private InputFolder() {}

    /**
     * The sources to ingest, one per table of {@link Tables#ALL}, in that order.
     *
     * @param defaultQuotas       the quotas (UTF-8 CSV) used when the folder has no quotas table
     * @param maxUndecodableShare a CSV file with more than this share of its (sampled) lines not
     *                            valid in {@code charset} is refused
     * @throws InputContractException when a required table or a column is missing, or a CSV
     *                                file is not in {@code charset}
     */
    public static List<InputSource> scan(SparkSession spark, Location dir, Charset charset, byte[] defaultQuotas,
                                         double maxUndecodableShare) {
        return scan(spark, dir, charset, defaultQuotas, maxUndecodableShare, false);
    }

    /**
     * As {@link #scan(SparkSession, Location, Charset, byte[], double)}; an increment
     * ({@code increment} true) holds only the tables that changed: none is required, an
     * absent one is left as it is (no default quotas), but the folder must hold at least one.
     */
    public static List<InputSource> scan(SparkSession spark, Location dir, Charset charset, byte[] defaultQuotas,
                                         double maxUndecodableShare, boolean increment) {
        List<Location> entries;
        try {
            if (!dir.isDirectory()) {
                throw new InputContractException("input folder " + dir + " does not exist or is not a folder");
            }
            entries = dir.list();
        } catch (UncheckedIOException e) {
            throw new InputContractException("cannot list input folder " + dir + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<InputSource> sources = new ArrayList<>();
        for (TableSpec table : Tables.ALL) {
            InputSource source = find(spark, dir, entries, table, charset, defaultQuotas, maxUndecodableShare,
                    problems, increment);
            if (source != null) {
                sources.add(source);
            }
        }
        if (increment && problems.isEmpty() && sources.isEmpty()) {
            problems.add("increment folder " + dir + " holds no table file: expected one or more of "
                    + String.join(", ", Tables.ALL.stream().map(t -> t.name() + ".csv").toList())
                    + " (or .parquet, or a Delta folder)");
        }
        if (!problems.isEmpty()) {
            throw new InputContractException(String.join("\n", problems));
        }
        return List.copyOf(sources);
    }

    private static InputSource find(SparkSession spark, Location dir, List<Location> entries, TableSpec table,
                                    Charset charset, byte[] defaultQuotas, double maxUndecodableShare,
                                    List<String> problems, boolean increment) {
        String name = table.name();
        List<InputSource> found = new ArrayList<>();
        List<String> notDelta = new ArrayList<>();
        for (Location p : entries) {
            String fileName = p.name();
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.equals(name + ".csv") && p.isFile()) {
                found.add(new InputSource(table, fileName, p, InputFormat.CSV, charset, List.of()));
            } else if (lower.equals(name + ".parquet")) {
                found.add(new InputSource(table, fileName, p, InputFormat.PARQUET, null, List.of()));
            } else if (lower.equals(name) && p.isDirectory()) {
                if (p.resolve("_delta_log").isDirectory()) {
                    found.add(new InputSource(table, fileName, p, InputFormat.DELTA, null, List.of()));
                } else {
                    notDelta.add(fileName + "/");
                }
            }
        }
        if (found.size() > 1) {
            problems.add("table " + name + " is given more than once in " + dir + ": "
                    + String.join(", ", found.stream().map(InputSource::fileName).toList())
                    + "; keep one of them");
            return null;
        }
        InputSource source;
        if (found.size() == 1) {
            source = found.get(0);
        } else if (increment) {
            return null;
        } else if (table.requiredTable()) {
            problems.add("missing required file for table " + name + ": expected " + name + ".csv, " + name
                    + ".parquet or a Delta folder " + name + "/ in " + dir
                    + (notDelta.isEmpty() ? "" : " (folder " + notDelta.get(0) + " has no _delta_log)")
                    + "; columns: " + Headers.expected(table));
            return null;
        } else if (name.equals(Tables.QUOTAS.name())) {
            source = new InputSource(table, DEFAULT_LABEL, null, InputFormat.DEFAULT, StandardCharsets.UTF_8,
                    List.of(), defaultQuotas);
        } else {
            return InputSource.none(table);
        }
        EncodingCheck.Sample encoding = null;
        if (source.format() == InputFormat.CSV) {
            // before the header: a header in the wrong encoding would only say "missing column"
            try {
                encoding = EncodingCheck.sample(source.path(), source.charset());
            } catch (IOException e) {
                problems.add(source.fileName() + ": cannot read it: " + e.getMessage());
                return null;
            }
            if (encoding.exceeds(maxUndecodableShare)) {
                problems.add(encoding.problem(source.fileName(), maxUndecodableShare));
                return null;
            }
        }
        List<String> header;
        try {
            header = readHeader(spark, source);
        } catch (IOException | RuntimeException e) {
            problems.add(source.fileName() + ": cannot read its header: " + e.getMessage()
                    + "; expected columns: " + Headers.expected(table));
            return null;
        }
        List<String> headerProblems = Headers.problems(table, header);
        if (!headerProblems.isEmpty()) {
            problems.add(source.fileName() + ": " + String.join("; ", headerProblems)
                    + (encoding == null ? "" : encoding.headerNote())
                    + "; expected columns: " + Headers.expected(table));
            return null;
        }
        return source.withHeader(header);
    }

    private static List<String> readHeader(SparkSession spark, InputSource source) throws IOException {
        return switch (source.format()) {
            case CSV -> Headers.readCsvHeader(source.path(), source.charset());
            case DEFAULT -> Headers.readCsvHeader(new ByteArrayInputStream(source.content()), source.charset());
            case PARQUET -> Arrays.asList(spark.read().parquet(source.path().uri()).schema().fieldNames());
            case DELTA -> Arrays.asList(spark.read().format("delta").load(source.path().uri())
                    .schema().fieldNames());
            case NONE -> source.table().columnNames();
        };
    }

    /** How the default quotas are named in rejects and ingest_runs. */
    static final String DEFAULT_LABEL = "conf/" + DEFAULT_QUOTAS;
}
