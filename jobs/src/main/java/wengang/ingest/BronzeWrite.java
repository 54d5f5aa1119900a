package wengang.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import wengang.engine.Materialised;
import wengang.engine.Warehouse;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;

/**
 * How accepted rows become a bronze version: a full snapshot replaces the table, an
 * increment replaces the rows with its keys ({@link Tables#KEYS}). Either way one Delta
 * commit, partitioned as {@link Tables#PARTITIONS} says, with the change data feed on so
 * a cycle can tell which fee months changed since it last looked.
 *
 * <p>Why not Delta MERGE: the contract's keys are not unique in bronze (a REVERSED posting
 * stands beside its PAID one), and MERGE refuses a source that matches one target row
 * twice. Replacing by key within the partitions the increment touches is the same
 * result in one commit, and rewrites only the fee months the increment names.
 */
final class BronzeWrite {
    /** Table property: Delta records row-level changes between versions. */
    static final String CHANGE_FEED = "delta.enableChangeDataFeed";
    /** Table property naming the columns Delta keeps min/max statistics of. */
    static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";
    /** Table property: statistics on the first N columns (0: none, only row counts). */
    static final String STATS_COLUMN_COUNT = "delta.dataSkippingNumIndexedCols";

    private BronzeWrite() {}

    /** Writes {@code accepted} as the whole new content of {@code bronze}, the commit named {@code madeFrom}. */
    static void replace(TableSpec table, Dataset<Row> accepted, String bronze, String madeFrom) {
        writer(table, accepted).option("overwriteSchema", "true").option("userMetadata", madeFrom).save(bronze);
    }

    /**
     * Replaces, in {@code bronze} at version {@code current}, every row whose key an
     * incoming row has by the incoming rows. An increment whose rows were all rejected
     * writes nothing. The commit is named {@code madeFrom}. Returns the rows merged in.
     */
    static long merge(SparkSession spark, TableSpec table, Dataset<Row> accepted, String bronze, long current,
                      String madeFrom) {
        Dataset<Row> incoming = Materialised.kept(accepted); // small: read to count, to key and to write
        long rows = incoming.count();
        if (rows == 0) {
            return 0;
        }
        List<String> key = Tables.KEYS.get(table.name());
        List<String> partitions = Tables.PARTITIONS.getOrDefault(table.name(), List.of());
        Dataset<Row> stored = Warehouse.readVersion(spark, bronze, current);
        String touched = null;
        // a table written before bronze was partitioned is rewritten whole, partitioned, once
        boolean samePartitioning = partitionColumns(spark, bronze).equals(partitions);
        if (!partitions.isEmpty() && samePartitioning) {
            touched = touchedPartitions(incoming, partitions);
        }
        Dataset<Row> before = touched == null ? stored : stored.filter(touched);
        Dataset<Row> keys = incoming.select(key.stream().map(k -> col(k)).toArray(Column[]::new)).distinct();
        Column sameKey = key.stream().map(k -> before.col(k).eqNullSafe(keys.col(k)))
                .reduce(Column::and).orElseThrow();
        Dataset<Row> kept = before.join(keys, sameKey, "left_anti");
        DataFrameWriter<Row> w = writer(table, kept.unionByName(incoming)).option("userMetadata", madeFrom);
        if (touched != null) {
            w = w.option("replaceWhere", touched);
        } else if (!samePartitioning) {
            w = w.option("overwriteSchema", "true");
        }
        w.save(bronze);
        return rows;
    }

    /** A SQL condition naming the partitions the rows fall in, e.g. {@code month IN (202512, 202601)}. */
    static String touchedPartitions(Dataset<Row> rows, List<String> partitions) {
        if (partitions.size() != 1) {
            throw new IllegalArgumentException("one partition column expected, got " + partitions);
        }
        String p = partitions.get(0);
        String values = rows.select(col(p)).distinct().collectAsList().stream()
                .map(r -> r.isNullAt(0) ? "NULL" : String.valueOf(r.get(0)))
                .sorted().collect(Collectors.joining(", "));
        return "`" + p + "` IN (" + values + ")";
    }

    private static List<String> partitionColumns(SparkSession spark, String bronze) {
        return io.delta.tables.DeltaTable.forPath(spark, bronze).detail().select("partitionColumns")
                .head().getList(0);
    }

    private static DataFrameWriter<Row> writer(TableSpec table, Dataset<Row> rows) {
        Map<String, String> properties = new HashMap<>();
        properties.put(CHANGE_FEED, "true");
        List<String> stats = Tables.SKIPPING_STATS.get(table.name());
        if (stats != null && stats.isEmpty()) {
            properties.put(STATS_COLUMN_COUNT, "0");
        } else if (stats != null) {
            properties.put(STATS_COLUMNS, String.join(",", stats));
        }
        List<String> partitions = Tables.PARTITIONS.getOrDefault(table.name(), List.of());
        DataFrameWriter<Row> w = rows.write().format("delta").mode("overwrite").options(properties);
        return partitions.isEmpty() ? w : w.partitionBy(partitions.toArray(String[]::new));
    }
}
