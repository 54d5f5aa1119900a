package wengang.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.engine.Warehouse;

/**
 * The ingest_runs meta table: one row per file per ingest, appended. It is how ingest
 * knows that a file is the same as last time (same sha256, format and encoding).
 */
public final class IngestRuns {
    public static final StructType SCHEMA = new StructType()
            .add("ingest_id", DataTypes.StringType, false)
            .add("ingested_at", DataTypes.TimestampType, false)
            .add("table", DataTypes.StringType, false)
            .add("file", DataTypes.StringType, false)
            .add("format", DataTypes.StringType, false)
            .add("encoding", DataTypes.StringType, true)
            .add("sha256", DataTypes.StringType, false)
            .add("rows_read", DataTypes.LongType, false)
            .add("rows_accepted", DataTypes.LongType, false)
            .add("rows_rejected", DataTypes.LongType, false)
            .add("bronze_version", DataTypes.LongType, false)
            .add("changed", DataTypes.BooleanType, false)
            .add("reject_reasons", DataTypes.StringType, true)
            // the rejects table's version once the run had written every table (null in runs before it)
            .add("rejects_version", DataTypes.LongType, true);

    private IngestRuns() {}

    /** The last recorded ingest of a table. */
    record LastRun(FileIngest file, String encoding) {
        boolean sameContent(String sha256, String format, String encoding) {
            return file.sha256().equals(sha256) && file.format().equals(format)
                    && Objects.equals(this.encoding, encoding);
        }
    }

    /** The most recent row per table (empty when nothing was ingested yet). */
    static Map<String, LastRun> lastByTable(SparkSession spark, Warehouse warehouse) {
        Map<String, LastRun> out = new HashMap<>();
        if (!Warehouse.exists(warehouse.ingestRuns())) {
            return out;
        }
        for (Row r : latestByTable(spark, warehouse).values()) {
            FileIngest f = new FileIngest(r.getAs("table"), r.getAs("file"), r.getAs("format"), r.getAs("sha256"),
                    r.<Long>getAs("rows_read"), r.<Long>getAs("rows_accepted"), r.<Long>getAs("rows_rejected"),
                    r.<Long>getAs("bronze_version"), r.<Boolean>getAs("changed"),
                    FileIngest.parseReasons(r.getAs("reject_reasons")));
            out.put(f.table(), new LastRun(f, r.getAs("encoding")));
        }
        return out;
    }

    /**
     * The last complete snapshot: each table's bronze version as its latest ingest recorded
     * it, and the rejects' ({@link IngestJob#REJECTS_KEY}). A run writes its ingest_runs
     * rows last, in one commit, so a run that died halfway (some tables written, the rest
     * not) is not part of it: a cycle never reads new contributions with old claims.
     * Empty when nothing was ingested through ingest.
     */
    static Map<String, Long> snapshot(SparkSession spark, Warehouse warehouse) {
        Map<String, Long> out = new java.util.TreeMap<>();
        if (!Warehouse.exists(warehouse.ingestRuns())) {
            return out;
        }
        Map<String, Row> byTable = latestByTable(spark, warehouse);
        // the run's last row is the latest row of its own table
        Row latest = byTable.values().stream().max(ORDER).orElse(null);
        byTable.forEach((table, r) -> out.put(table, r.<Long>getAs("bronze_version")));
        if (latest != null && latest.getAs("rejects_version") != null) {
            out.put(IngestJob.REJECTS_KEY, latest.<Long>getAs("rejects_version"));
        }
        return out;
    }

    /** Rows in the order they were recorded. */
    private static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> r.<Timestamp>getAs("ingested_at"))
            .thenComparing(r -> r.<String>getAs("ingest_id"));

    /** The most recent row per table, every column of {@link #SCHEMA} (a small table: six rows per ingest, on the driver). */
    private static Map<String, Row> latestByTable(SparkSession spark, Warehouse warehouse) {
        Map<String, Row> latest = new HashMap<>();
        for (Row r : Warehouse.withColumns(Warehouse.read(spark, warehouse.ingestRuns()), SCHEMA).collectAsList()) {
            latest.merge(r.getAs("table"), r, (a, b) -> ORDER.compare(a, b) >= 0 ? a : b);
        }
        return latest;
    }

    /** One row per file of the run, in one commit. */
    static void append(SparkSession spark, Warehouse warehouse, String ingestId, Instant at, List<FileIngest> files,
                       List<InputSource> sources, long rejectsVersion) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileIngest f = files.get(i);
            rows.add(RowFactory.create(ingestId, Timestamp.from(at), f.table(), f.file(), f.format(),
                    sources.get(i).encodingLabel(), f.sha256(), f.rowsRead(), f.rowsAccepted(), f.rowsRejected(),
                    f.bronzeVersion(), f.changed(), f.reasonsText(), rejectsVersion));
        }
        // mergeSchema: a table written before rejects_version existed gains the column
        spark.createDataFrame(rows, SCHEMA).coalesce(1)
                .write().format("delta").mode("append").option("mergeSchema", "true").save(warehouse.ingestRuns());
    }
}
