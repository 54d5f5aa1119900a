package wengang.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wengang.engine.Bundled;
import wengang.engine.CodeVersion;
import wengang.engine.Location;
import wengang.engine.Materialised;
import wengang.engine.Progress;
import wengang.engine.Warehouse;
import wengang.output.FaultInjection;
import wengang.schemas.ResidentId;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;

/**
 * Ingests an input folder (a full snapshot) into the warehouse: per table a new Delta
 * version of {@code bronze/<table>} with the accepted rows typed (plus
 * {@code source_line} and {@code source_file}), that table's rejects replaced in {@code bronze/_rejects}, and a
 * row in {@code meta/ingest_runs}. A file whose content equals the last ingest's (same
 * SHA-256, format and encoding, bronze table untouched since) writes nothing but the
 * ingest_runs row. The folder is checked first ({@link InputFolder}): a missing
 * required file or column, or a CSV file mostly undecodable in the encoding
 * ({@link EncodingCheck}), stops the run before anything is written.
 *
 * <p>The run's date is decided here, once: the date of the run's time (stored as
 * {@code ingested_at} in {@code meta/ingest_runs}) in China time
 * ({@link ResidentId#ISSUING_ZONE}). A resident ID whose birth date is after it is
 * BAD_ID ({@link RowValidation#validate}).
 *
 * <p>The steps are pure transforms ({@link CsvLines#parse}, {@link TableRows#asText},
 * {@link RowValidation#check}, {@link RowValidation#repeated},
 * {@link RowValidation#duplicateMarks}, {@link RowValidation#withDuplicates}); this class
 * only reads, counts and writes. A CSV file is decoded once to count its lines and once more to
 * split them into columnar files under the warehouse ({@link Materialised#keptAsFiles}, removed
 * after the file); from there, as from a Parquet or Delta input, a file's rows are read once to
 * find repeated rows (8 bytes a row move) and once to write the accepted rows; rejected rows,
 * usually few, are read again when there are any. Repeated-row groups and copies, when few,
 * are broadcast to the file's rows rather than the rows shuffled to meet them.
 */
public final class IngestJob {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
    /** The key of the rejects table in {@link #currentVersions}. */
    public static final String REJECTS_KEY = "_rejects";
    /**
     * Repeated-row groups or copies up to this many are sent to every task rather than the whole
     * file shuffled to meet them (a few hashes and line numbers: at most some tens of MB).
     */
    private static final long BROADCAST_ROWS = 1_000_000;
    private static final String EXCLUDED_RULES = "spark.sql.optimizer.excludedRules";
    private static final String KEEP_FILTERS_IN_PLACE = "org.apache.spark.sql.catalyst.optimizer.PushDownPredicates,"
            + "org.apache.spark.sql.catalyst.optimizer.PushPredicateThroughNonJoin,"
            + "org.apache.spark.sql.catalyst.optimizer.CombineFilters";

    private IngestJob() {}

    /** Ingests {@code inputDir}, taking absent quotas from conf/reference/quotas.csv (bundled in the jar). */
    public static IngestReport run(SparkSession spark, Location inputDir, Charset encoding, Warehouse warehouse) {
        return run(spark, inputDir, encoding, warehouse, defaultQuotasFile());
    }

    /** As {@link #run(SparkSession, Location, Charset, Warehouse)}, with the default quotas (CSV bytes) given. */
    public static IngestReport run(SparkSession spark, Location inputDir, Charset encoding, Warehouse warehouse,
                                   byte[] defaultQuotas) {
        return run(spark, inputDir, encoding, warehouse, defaultQuotas, false);
    }

    /**
     * @param increment true when {@code inputDir} is an increment: only new and changed rows of
     *                  the tables it holds, each row replacing the bronze rows with its key
     *                  ({@link Tables#KEYS}); false for a full snapshot
     */
    public static IngestReport run(SparkSession spark, Location inputDir, Charset encoding, Warehouse warehouse,
                                   byte[] defaultQuotas, boolean increment) {
        requireLineBased(encoding);
        Materialised.checkpointsUnder(spark, warehouse);
        List<InputSource> sources = InputFolder.scan(spark, inputDir, encoding, defaultQuotas,
                EncodingCheck.maxShare(spark), increment);
        // an increment's files are named by folder and file: each month's rejects stay beside the others
        String folder = increment ? inputDir.name() + "/" : "";
        Map<String, IngestRuns.LastRun> last = IngestRuns.lastByTable(spark, warehouse);
        String ingestId = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // the one place the run's date is decided: no one may be born after it
        LocalDate runDate = LocalDate.ofInstant(at, ResidentId.ISSUING_ZONE);
        // rows of rejects stored (an empty table, as a run that died may leave, holds none to replace)
        boolean rejectsStored = Warehouse.exists(warehouse.rejects())
                && !Warehouse.read(spark, warehouse.rejects()).limit(1).isEmpty();
        List<FileIngest> files = new ArrayList<>();
        FaultInjection.point("ingest-start");
        for (InputSource source : sources) {
            FileIngest f = ingest(spark, warehouse, source, folder + source.fileName(),
                    last.get(source.table().name()), rejectsStored, runDate, increment);
            LOG.info("ingest {} {}: read {}, accepted {}, rejected {}{}; bronze version {}{}", f.table(),
                    f.file().isEmpty() ? "(absent: empty)" : f.file(), f.rowsRead(), f.rowsAccepted(),
                    f.rowsRejected(), f.rowsRejected() == 0 ? "" : " (" + f.topReasons(3) + ")",
                    f.bronzeVersion(), f.changed() ? "" : " (same content as last ingest: unchanged)");
            files.add(f);
            FaultInjection.point("ingest-after-" + f.table());
        }
        RejectsTable.ensureExists(spark, warehouse);
        FaultInjection.point("ingest-before-snapshot");
        // one commit for the run, last: it makes the run's tables the snapshot cycles read
        // (snapshotVersions); a run that dies before it is not seen, and is re-done next time
        IngestRuns.append(spark, warehouse, ingestId, at, files, sources, version(spark, warehouse.rejects()));
        return new IngestReport(ingestId, at, files);
    }

    /** The current Delta version of every bronze table that exists, and of the rejects ({@value #REJECTS_KEY}). */
    public static Map<String, Long> currentVersions(SparkSession spark, Warehouse warehouse) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (TableSpec t : Tables.ALL) {
            if (Warehouse.exists(warehouse.bronze(t.name()))) {
                out.put(t.name(), version(spark, warehouse.bronze(t.name())));
            }
        }
        if (Warehouse.exists(warehouse.rejects())) {
            out.put(REJECTS_KEY, version(spark, warehouse.rejects()));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The versions a cycle reads: the last complete ingest's ({@link IngestRuns#snapshot}),
     * never the latest version of each table, which a run that died halfway may have
     * moved for some tables only. A warehouse whose bronze tables were written by other
     * means (no ingest_runs) is read at the tables' current versions.
     */
    public static Map<String, Long> snapshotVersions(SparkSession spark, Warehouse warehouse) {
        Map<String, Long> recorded = IngestRuns.snapshot(spark, warehouse);
        if (recorded.isEmpty()) {
            return currentVersions(spark, warehouse);
        }
        Map<String, Long> out = new LinkedHashMap<>(recorded);
        // runs before rejects_version was recorded: the rejects as they are
        if (!out.containsKey(REJECTS_KEY) && Warehouse.exists(warehouse.rejects())) {
            out.put(REJECTS_KEY, version(spark, warehouse.rejects()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** rejects.csv of every current reject (sorted by table, file, line). Returns the rows written. */
    public static long writeRejectsCsv(SparkSession spark, Warehouse warehouse, Location file) {
        return RejectsTable.writeCsv(spark, warehouse, file);
    }

    /** conf/reference/quotas.csv as bundled in the jar. */
    public static byte[] defaultQuotasFile() {
        return Bundled.bytes(InputFolder.DEFAULT_QUOTAS);
    }

    /**
     * The charset named by --encoding. Unknown names, and encodings in which a line
     * break or a comma is not the ASCII byte (UTF-16, UTF-32), are refused.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static Charset charset(String name) {
        Charset cs;
        try {
            cs = Charset.forName(name == null ? "" : name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown encoding '" + name
                    + "': use UTF-8 (the default) or GBK (any charset name Java knows is accepted)");
        }
        requireLineBased(cs);
        return cs;
    }

    private static void requireLineBased(Charset cs) {
        String probe = "person_id,\"0-9\"\n";
        if (!Arrays.equals(probe.getBytes(cs), probe.getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("encoding " + cs.name() + " cannot be read one record per line:"
                    + " use an ASCII-compatible encoding such as UTF-8 or GBK");
        }
    }

    private static FileIngest ingest(SparkSession spark, Warehouse warehouse, InputSource source, String fileLabel,
                                     IngestRuns.LastRun last, boolean rejectsStored, LocalDate runDate,
                                     boolean increment) {
        TableSpec table = source.table();
        String bronze = warehouse.bronze(table.name());
        // a province's contributions take minutes: say which phase is running
        Progress progress = Progress.start("ingest " + table.name() + " " + source.fileName());
        progress.step("hashing the input");
        String sha = ContentHash.of(source);
        String format = source.format().label();
        Long current = Warehouse.exists(bronze) ? version(spark, bronze) : null;
        boolean untouched = last != null && current != null && last.file().bronzeVersion() == current;
        if (untouched && last.sameContent(sha, format, source.encodingLabel())) {
            FileIngest was = last.file();
            progress.done();
            return new FileIngest(table.name(), fileLabel, format, sha, was.rowsRead(), was.rowsAccepted(),
                    was.rowsRejected(), current, false, was.rejectReasons());
        }
        String madeFrom = madeFrom(table, fileLabel, format, source.encodingLabel(), sha, runDate, increment);
        // a run that died after committing this table from this very file (its snapshot was never
        // recorded): its commit is the one this run would make, so it is kept, and the warehouse's
        // versions stay those of a run that never died
        boolean adopted = !increment && current != null && !untouched && madeFrom.equals(commitName(spark, bronze));
        spark.sparkContext().setJobDescription("ingest " + table.name() + " " + fileLabel);
        String excluded = spark.conf().get(EXCLUDED_RULES, "");
        // A rejected row's reason is one wide CASE over every column, computed in the
        // projections that trim and type each field once. Spark would copy it into the
        // filters that split accepted from rejected rows, below those projections: 112
        // trims per contributions row instead of 13, three times the cost of the whole
        // read. So the file's queries run with filters kept where they are written.
        spark.conf().set(EXCLUDED_RULES, KEEP_FILTERS_IN_PLACE + (excluded.isEmpty() ? "" : "," + excluded));
        Materialised.Files staged = null;
        try {
            progress.step("counting rows");
            StringRows rows = stringRows(spark, source);
            long read = rows.read();
            Dataset<Row> stringRows = rows.rows();
            if (source.format() == InputFormat.CSV || source.format() == InputFormat.DEFAULT) {
                // a text file is decoded and split once, into columnar files that every query below
                // reads as it would read a Parquet input, instead of decoding the file for each
                progress.step("decoding and splitting " + read + " lines");
                staged = Materialised.keptAsFiles(warehouse, "ingest-" + table.name(),
                        RowValidation.withRowHash(table, stringRows));
                stringRows = staged.rows();
            }
            // nothing more is kept: each query below reads the rows again (columnar, fast) and
            // keeps only what it needs, so the raw text is read for rejects alone
            Dataset<Row> checked = RowValidation.check(table, stringRows, runDate);
            progress.step("looking for duplicate rows (" + read + " rows)");
            Dataset<Row> repeated = Materialised.kept(RowValidation.repeated(table, stringRows));
            long repeatedGroups = repeated.count();
            Dataset<Row> marks = spark.createDataFrame(List.of(), RowValidation.DUPLICATE_MARKS);
            if (repeatedGroups > 0) {
                progress.step("comparing the rows of " + repeatedGroups + " groups that may be copies");
                // only the rows that may be copies are checked here: the whole file is checked once, when written
                Dataset<Row> groups = smallBroadcast(repeated, repeatedGroups);
                marks = Materialised.kept(RowValidation.duplicateMarks(table,
                        RowValidation.check(table, RowValidation.mayBeCopies(table, stringRows, groups), runDate), groups));
                marks = smallBroadcast(marks, marks.count());
            }
            Dataset<Row> validated = RowValidation.withDuplicates(checked, marks);
            long accepted;
            FaultInjection.point("ingest-writing-" + table.name()); // kill tests: a delay lands in the Delta commit
            if (adopted) {
                progress.step("keeping bronze version " + current + ", written from this same file by a run that died");
                accepted = writtenRows(spark, bronze);
            } else if (increment && current != null) {
                progress.step("merging the increment into the bronze table by key " + Tables.KEYS.get(table.name()));
                accepted = BronzeWrite.merge(spark, table, RowValidation.accepted(table, fileLabel, validated), bronze,
                        current, madeFrom);
            } else {
                progress.step("writing the bronze table");
                BronzeWrite.replace(table, RowValidation.accepted(table, fileLabel, validated), bronze, madeFrom);
                accepted = writtenRows(spark, bronze);
            }
            long version = version(spark, bronze);
            // no rejects now and none stored for this table: nothing to replace (an increment
            // replaces only its own file's rejects, which a re-delivery under the same name may hold)
            boolean noneStored = !rejectsStored || (!increment && untouched && last.file().rowsRejected() == 0
                    && last.file().file().equals(fileLabel));
            Map<String, Long> reasons = new LinkedHashMap<>();
            if (accepted < read || !noneStored) {
                // named after the bronze version they go with: a run that died after writing them is not repeated
                String rejectsName = madeFrom + " bronze_version=" + version;
                if (!(adopted && rejectsName.equals(RejectsTable.lastWrittenFor(spark, warehouse, table.name())))) {
                    progress.step("writing " + (read - accepted) + " rejects");
                    RejectsTable.replace(spark, warehouse, table.name(), increment ? fileLabel : null,
                            RowValidation.rejects(table.name(), fileLabel, validated), rejectsName);
                }
                reasons.putAll(RejectsTable.countsByReason(spark, warehouse, table.name(), fileLabel));
            }
            long rejected = reasons.values().stream().mapToLong(Long::longValue).sum();
            // counted three ways (rows read, rows written, rejects written): none may be lost
            if (read != accepted + rejected) {
                throw new IllegalStateException("ingest lost rows of " + fileLabel + ": read " + read
                        + ", accepted " + accepted + " + rejected " + rejected);
            }
            progress.done();
            return new FileIngest(table.name(), fileLabel, format, sha, read, accepted, rejected,
                    version, true, reasons);
        } finally {
            if (staged != null) {
                staged.release();
            }
            spark.conf().set(EXCLUDED_RULES, excluded);
            spark.sparkContext().setJobDescription(null);
        }
    }

    /**
     * What an ingest commit is made from, written as the commit's {@code userMetadata}: the table,
     * the file, its format, encoding and SHA-256, the run's date (it decides BAD_ID) and the code.
     * Equal names, equal rows.
     */
    static String madeFrom(TableSpec table, String fileLabel, String format, String encoding, String sha,
                           LocalDate runDate, boolean increment) {
        return RejectsTable.COMMIT_PREFIX + table.name() + (increment ? " increment" : " snapshot") + " file=" + fileLabel
                + " format=" + format + " encoding=" + encoding + " sha256=" + sha + " date=" + runDate
                + " code=" + CodeVersion.current();
    }

    /** The userMetadata of a Delta table's latest commit ("" when it has none). */
    static String commitName(SparkSession spark, String deltaPath) {
        Row last = lastCommit(spark, deltaPath, "userMetadata");
        return last.isNullAt(0) ? "" : last.getString(0);
    }

    /** Rows the last commit of a Delta table wrote (its operation metrics). */
    static long writtenRows(SparkSession spark, String deltaPath) {
        Map<String, String> metrics = lastCommit(spark, deltaPath, "operationMetrics").getJavaMap(0);
        return Long.parseLong(metrics.getOrDefault("numOutputRows", "0"));
    }

    /** {@code column} of the latest commit in a Delta table's history. */
    private static Row lastCommit(SparkSession spark, String deltaPath, String column) {
        return DeltaTable.forPath(spark, deltaPath).history(1).select(column).head();
    }

    /** Rows joined to a whole file: broadcast when few (a kept result has no size Spark knows), else shuffled. */
    private static Dataset<Row> smallBroadcast(Dataset<Row> rows, long count) {
        return count <= BROADCAST_ROWS ? broadcast(rows) : rows;
    }

    /** The source as string rows (line, raw, malformed and the contract columns) and how many were read. */
    record StringRows(Dataset<Row> rows, long read) {}

    static StringRows stringRows(SparkSession spark, InputSource source) {
        TableSpec table = source.table();
        switch (source.format()) {
            case CSV, DEFAULT -> {
                CsvLines.Lines lines = source.content() != null
                        ? CsvLines.read(spark, source.content(), source.charset())
                        : CsvLines.read(spark, source.path(), source.charset());
                return new StringRows(CsvLines.parse(lines.rows(), source.header(), table), lines.count());
            }
            case PARQUET, DELTA -> {
                String path = source.path().uri();
                Dataset<Row> typed = source.format() == InputFormat.PARQUET
                        ? spark.read().parquet(path) : spark.read().format("delta").load(path);
                TableRows.Positioned rows = source.format() == InputFormat.PARQUET
                        ? TableRows.withPosition(spark, typed) : TableRows.withReadPosition(spark, typed);
                return new StringRows(TableRows.asText(table, rows.rows()), rows.count());
            }
            default -> {
                return new StringRows(spark.createDataFrame(List.<Row>of(), emptyStringRows(table)), 0);
            }
        }
    }

    private static StructType emptyStringRows(TableSpec table) {
        StructType s = new StructType()
                .add(RowValidation.LINE, DataTypes.LongType)
                .add(RowValidation.RAW, DataTypes.StringType)
                .add(RowValidation.MALFORMED, DataTypes.BooleanType);
        for (String c : table.columnNames()) {
            s = s.add(c, DataTypes.StringType);
        }
        return s;
    }

    /**
     * The table's current version: the highest commit file in {@code _delta_log} (the
     * latest commit's file is never cleaned up), else from the table history.
     */
    static long version(SparkSession spark, String deltaPath) {
        try {
            OptionalLong latest = Warehouse.at(deltaPath).resolve("_delta_log").list().stream().map(Location::name)
                    .filter(n -> COMMIT_FILE.matcher(n).matches())
                    .mapToLong(n -> Long.parseLong(n.substring(0, n.indexOf('.'))))
                    .max();
            if (latest.isPresent()) {
                return latest.getAsLong();
            }
        } catch (java.io.UncheckedIOException e) {
            // fall back to the history below
        }
        return DeltaTable.forPath(spark, deltaPath).history(1).select("version").head().getLong(0);
    }
}
