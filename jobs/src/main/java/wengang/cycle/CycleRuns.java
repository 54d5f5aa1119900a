package wengang.cycle;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.engine.CodeVersion;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.output.FileHashes;
import wengang.schemas.Columns;
import wengang.schemas.Money;

/**
 * meta/cycle_runs: one row per run of a cycle, with the policy and the input table
 * versions it read, so any cycle can be reproduced by time travel (P5).
 */
public final class CycleRuns {
    public static final StructType SCHEMA = new StructType()
            .add(Columns.CYCLE, DataTypes.IntegerType, false)
            .add("run_at", DataTypes.TimestampType, false)
            .add("policy", DataTypes.StringType, false)
            .add("policy_sha256", DataTypes.StringType, false)
            .add("input_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("payment_cycle", DataTypes.BooleanType, false)
            .add("claims_decided", DataTypes.LongType, false)
            .add("ledger_entries", DataTypes.LongType, false)
            .add("pay_total", Money.TYPE, false)
            .add("held_total", Money.TYPE, false)
            // since issue 14 (null in runs recorded before): who ran what, and what it wrote
            .add("run_id", DataTypes.StringType, true)
            .add("run_by", DataTypes.StringType, true)
            .add("run_kind", DataTypes.StringType, true)
            .add("code_version", DataTypes.StringType, true)
            .add("outputs_sha256", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
            .add("outputs_rows", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), true);

    /** Spark setting a command sets to say why it runs a cycle (run_kind): run, verify, verify --replay, audit --verify. */
    public static final String RUN_KIND = "spark.wengang.run.kind";
    /** The run_kind of an audit's re-run: never the run an audit describes. */
    public static final String AUDIT_VERIFY = "audit --verify";

    private CycleRuns() {}

    public static String path(Warehouse w) {
        return w.meta("cycle_runs");
    }

    public static void record(SparkSession spark, Warehouse w, CycleSummary s) {
        Map<String, String> sha = new TreeMap<>();
        Map<String, Long> rows = new TreeMap<>();
        for (Map.Entry<String, Location> e : outputs(s.outDir()).entrySet()) {
            String[] hashAndRows = FileHashes.sha256AndLines(e.getValue());
            sha.put(e.getKey(), hashAndRows[0]);
            rows.put(e.getKey(), Math.max(0, Long.parseLong(hashAndRows[1]) - 1)); // lines after the header
        }
        Row row = RowFactory.create(s.cycle(), Timestamp.from(Instant.now()), s.policyLabel(), s.policySha256(),
                scala.jdk.javaapi.CollectionConverters.asScala(s.inputVersions()), s.paymentCycle(), s.claimsDecided(),
                s.ledgerEntries(), s.payTotal(), s.heldTotal(), UUID.randomUUID().toString(),
                wengang.cli.FlagsReviewCommand.loginName(System.getenv(), System.getProperty("user.name")),
                spark.conf().get(RUN_KIND, "run"), CodeVersion.current(),
                scala.jdk.javaapi.CollectionConverters.asScala(sha), scala.jdk.javaapi.CollectionConverters.asScala(rows));
        // mergeSchema: a table recorded before the issue-14 columns gains them
        spark.createDataFrame(List.of(row), SCHEMA).write().format("delta").mode("append")
                .option("mergeSchema", "true").save(path(w));
    }

    /**
     * The files a cycle wrote under its output folder, by name relative to it: the contract's
     * CSV files, the report and, in payment cycles, payments/ (files and manifest).
     */
    public static Map<String, Location> outputs(Location outDir) {
        Map<String, Location> out = new TreeMap<>();
        for (Location f : outDir.list()) {
            String name = f.name();
            if (f.isFile() && !name.startsWith(".") && (name.endsWith(".csv") || name.endsWith(".html"))) {
                out.put(name, f);
            }
        }
        Location payments = outDir.resolve(wengang.payment.PaymentFiles.FOLDER);
        if (payments.isDirectory()) {
            for (Location f : payments.list()) {
                if (!f.name().startsWith(".")) {
                    out.put(wengang.payment.PaymentFiles.FOLDER + "/" + f.name(), f);
                }
            }
        }
        return out;
    }

    /** A recorded run, all it says (the audit trail of one cycle run). */
    public record Recorded(Row row) {
        public String get(String column) {
            Object v = row.getAs(column);
            return v == null ? "" : v.toString();
        }

        public <K, V> Map<K, V> map(String column) {
            int i = row.fieldIndex(column);
            return row.isNullAt(i) ? Map.of() : new TreeMap<>(row.<K, V>getJavaMap(i));
        }
    }

    /** The latest run of {@code cycle} that made its files (an audit's own re-runs excluded), if any. */
    public static Optional<Recorded> latestRecorded(SparkSession spark, Warehouse w, int cycle) {
        if (!Warehouse.exists(path(w))) {
            return Optional.empty();
        }
        List<Row> rows = Warehouse.withColumns(Warehouse.read(spark, path(w)), SCHEMA)
                .filter(col(Columns.CYCLE).equalTo(cycle).and(col("run_kind").isNull().or(col("run_kind").notEqual(AUDIT_VERIFY))))
                .orderBy(col("run_at").desc()).limit(1).collectAsList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Recorded(rows.get(0)));
    }

    /** A recorded run: its cycle and the input table versions it read. */
    public record Run(int cycle, Map<String, Long> inputVersions) {}

    /** The input versions recorded by the latest run of {@code cycle}, if any. */
    public static Optional<Map<String, Long>> recordedVersions(SparkSession spark, Warehouse w, int cycle) {
        return latestRun(spark, w, cycle).map(Run::inputVersions);
    }

    /** The latest cycle run on this warehouse, if any. */
    public static Optional<Integer> latestCycle(SparkSession spark, Warehouse w) {
        return latestRun(spark, w, null).map(Run::cycle);
    }

    /** The latest run of {@code cycle}, or of any cycle when it is null (one read of the table). */
    public static Optional<Run> latestRun(SparkSession spark, Warehouse w, Integer cycle) {
        if (!Warehouse.exists(path(w))) {
            return Optional.empty();
        }
        Dataset<Row> runs = Warehouse.read(spark, path(w));
        if (cycle != null) {
            runs = runs.filter(col(Columns.CYCLE).equalTo(cycle));
        }
        List<Row> rows = runs.orderBy(col("run_at").desc()).limit(1).collectAsList();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new Run(rows.get(0).getInt(0), rows.get(0).<String, Long>getJavaMap(4)));
    }
}
