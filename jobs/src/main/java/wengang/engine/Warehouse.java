package wengang.engine;

import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta warehouse: one folder, three layers (bronze as received and typed, silver
 * per person and month, gold decisions and the ledger) plus meta tables about runs.
 * Tables are addressed by path, so no metastore is needed. The root is a {@link Location}:
 * a local folder or any Hadoop file system ({@code hdfs:}, {@code s3a:}, ...).
 */
public final class Warehouse {
    private final Location root;

    public Warehouse(Location root) {
        this.root = root;
    }

    public Location root() {
        return root;
    }

    /** An input table as ingested (contract columns, typed, IDs normalised). */
    public String bronze(String table) {
        return root.resolve("bronze").resolve(table).uri();
    }

    public String silver(String table) {
        return root.resolve("silver").resolve(table).uri();
    }

    public String gold(String table) {
        return root.resolve("gold").resolve(table).uri();
    }

    public String meta(String table) {
        return root.resolve("meta").resolve(table).uri();
    }

    /** Rejected input rows of the current snapshot, all tables. */
    public String rejects() {
        return bronze("_rejects");
    }

    /** One row per ingested file: hash, rows read / accepted / rejected, Delta version. */
    public String ingestRuns() {
        return meta("ingest_runs");
    }

    /**
     * Whether the table has a commit. A log folder without one is a table whose creator died
     * before its first commit (killed, or a concurrent creation still under way): not a table yet.
     */
    public static boolean exists(String deltaPath) {
        return at(deltaPath).resolve("_delta_log").list().stream()
                .anyMatch(f -> DELTA_LOG_ENTRY.matcher(f.name()).matches());
    }

    /** A commit or a checkpoint of a Delta log (a table's first commit may be cleaned up once checkpointed). */
    private static final java.util.regex.Pattern DELTA_LOG_ENTRY =
            java.util.regex.Pattern.compile("\\d{20}\\.(json|checkpoint(\\..*)?\\.parquet)");

    /** Whether the table's first commit is written (a table another run is still creating has none). */
    public static boolean hasFirstCommit(String deltaPath) {
        return at(deltaPath).resolve("_delta_log").resolve("00000000000000000000.json").exists();
    }

    /** A table path (as {@link #bronze} and the others give it) on the file systems of the running session. */
    public static Location at(String deltaPath) {
        return Location.of(SparkSession.active(), deltaPath);
    }

    public static Dataset<Row> read(SparkSession spark, String deltaPath) {
        return spark.read().format("delta").load(deltaPath);
    }

    public static Dataset<Row> readVersion(SparkSession spark, String deltaPath, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(deltaPath);
    }

    /** {@code rows} with every column of {@code schema}: one an older table version lacks is added as null. */
    public static Dataset<Row> withColumns(Dataset<Row> rows, StructType schema) {
        List<String> present = List.of(rows.columns());
        Dataset<Row> out = rows;
        for (StructField f : schema.fields()) {
            if (!present.contains(f.name())) {
                out = out.withColumn(f.name(), lit(null).cast(f.dataType()));
            }
        }
        return out;
    }
}
