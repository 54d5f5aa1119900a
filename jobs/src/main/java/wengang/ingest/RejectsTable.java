package wengang.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.output.CsvOutput;
import wengang.schemas.Columns;
import wengang.schemas.OutputFiles;

/**
 * The rejects of the current snapshot, all tables, in one Delta table partitioned by
 * table: re-ingesting a table replaces that table's rejects and leaves the others.
 *
 * <p>{@code raw_base64} (the original bytes of a line that was not valid in the
 * encoding) came after the first warehouses: a table without it gains it on the next
 * write (Delta schema merge), and {@link #withAllColumns} adds it as null when an
 * older version is read.
 */
public final class RejectsTable {
    public static final StructType SCHEMA = new StructType()
            .add(Columns.TABLE, DataTypes.StringType, false)
            .add(Columns.FILE, DataTypes.StringType, false)
            .add(Columns.LINE, DataTypes.LongType, false)
            .add(Columns.COLUMN, DataTypes.StringType, true)
            .add(Columns.REASON, DataTypes.StringType, false)
            .add(Columns.RAW, DataTypes.StringType, true)
            .add(Columns.RAW_BASE64, DataTypes.StringType, true);

    private RejectsTable() {}

    /** How an ingest's commits are named ({@code userMetadata}): this, the table's name, then what they were made from. */
    static final String COMMIT_PREFIX = "wengang-ingest ";

    /**
     * Replaces the rejects of {@code table} with {@code rejects} (one Delta commit, named
     * {@code name}): all of them for a full snapshot ({@code file} null), those of that file for
     * an increment.
     */
    static void replace(SparkSession spark, Warehouse warehouse, String table, String file, Dataset<Row> rejects,
                        String name) {
        Column[] columns = Arrays.stream(SCHEMA.fields())
                .map(f -> col(f.name()).cast(f.dataType())).toArray(Column[]::new);
        // the first write creates the table, partitioned by table; mergeSchema adds
        // raw_base64 to a table written before it existed
        rejects.select(columns)
                .write().format("delta").mode("overwrite").partitionBy(Columns.TABLE)
                .option("replaceWhere", "`" + Columns.TABLE + "` = '" + table + "'"
                        + (file == null ? "" : " AND `" + Columns.FILE + "` = '" + file.replace("'", "''") + "'"))
                .option("mergeSchema", "true")
                .option("userMetadata", name)
                .save(warehouse.rejects());
    }

    /** The name of the latest commit that wrote {@code table}'s rejects ("" when none is named). */
    static String lastWrittenFor(SparkSession spark, Warehouse warehouse, String table) {
        if (!Warehouse.exists(warehouse.rejects())) {
            return "";
        }
        List<Row> named = io.delta.tables.DeltaTable.forPath(spark, warehouse.rejects()).history()
                .filter(col("userMetadata").startsWith(COMMIT_PREFIX + table + " "))
                .orderBy(col("version").desc()).select("userMetadata").limit(1).collectAsList();
        return named.isEmpty() ? "" : named.get(0).getString(0);
    }

    /** The rejects of one file of {@code table} per reason (most rejects per file are few: read back from the table). */
    static Map<String, Long> countsByReason(SparkSession spark, Warehouse warehouse, String table, String file) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : Warehouse.read(spark, warehouse.rejects())
                .filter(col(Columns.TABLE).equalTo(table).and(col(Columns.FILE).equalTo(file)))
                .groupBy(col(Columns.REASON)).count().collectAsList()) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }

    /** Creates the (empty) table when no ingest has written a reject yet, so it always has a version. */
    static void ensureExists(SparkSession spark, Warehouse warehouse) {
        if (!Warehouse.exists(warehouse.rejects())) {
            spark.createDataFrame(List.of(), SCHEMA).write().format("delta").mode("append")
                    .partitionBy(Columns.TABLE).save(warehouse.rejects());
        }
    }

    /** All current rejects (an empty table before the first ingest), every column of {@link #SCHEMA}. */
    public static Dataset<Row> read(SparkSession spark, Warehouse warehouse) {
        return Warehouse.exists(warehouse.rejects())
                ? withAllColumns(Warehouse.read(spark, warehouse.rejects()))
                : spark.createDataFrame(List.of(), SCHEMA);
    }

    /** {@code rejects} with every column of {@link #SCHEMA}: one a table version lacks is added as null. */
    public static Dataset<Row> withAllColumns(Dataset<Row> rejects) {
        return Warehouse.withColumns(rejects, SCHEMA);
    }


    /** rejects.csv: every current reject, sorted by table, file, line. Returns the rows written. */
    public static long writeCsv(SparkSession spark, Warehouse warehouse, Location file) {
        List<String> columns = OutputFiles.REJECTS.columns();
        return CsvOutput.write(read(spark, warehouse), columns, List.of(Columns.TABLE, Columns.FILE, Columns.LINE),
                file);
    }
}
