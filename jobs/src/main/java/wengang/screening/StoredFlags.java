package wengang.screening;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;
import wengang.schemas.Months;

/**
 * The flags Delta table {@code gold/flags}: {@link FlagTable#SCHEMA} rows plus
 * {@code cycle} (int yyyyMM), partitioned by cycle; each cycle's run replaces its own
 * partition. Reviewers look flags up here by flag_id ({@code wengang flags review}).
 */
public final class StoredFlags {
    public static final String TABLE = "flags";

    private StoredFlags() {}

    public static String path(Warehouse w) {
        return w.gold(TABLE);
    }

    /** Replaces cycle c's flags (idempotent: a re-run of c writes the same partition again). */
    public static void write(Dataset<Row> flags, Warehouse w, int cycle) {
        FlagTable.conform(flags).withColumn(Columns.CYCLE, lit(cycle))
                .write().format("delta").mode("overwrite")
                .option("replaceWhere", Columns.CYCLE + " = " + cycle)
                .partitionBy(Columns.CYCLE).save(path(w));
    }

    /** Every stored flag of every cycle; empty (with the schema and cycle) when none was stored. */
    public static Dataset<Row> read(SparkSession spark, Warehouse w) {
        if (!Warehouse.exists(path(w))) {
            return FlagTable.empty(spark).withColumn(Columns.CYCLE, lit(0)).filter(lit(false));
        }
        return Warehouse.read(spark, path(w));
    }

    /**
     * The flag with this id as its latest cycle stored it (one row, with its cycle).
     *
     * @throws IllegalArgumentException when no cycle stored that id
     */
    public static Row find(SparkSession spark, Warehouse w, String flagId) {
        if (!Warehouse.exists(path(w))) {
            throw new IllegalArgumentException("warehouse " + w.root() + " holds no flags yet: run a cycle first "
                    + "(wengang run / wengang verify), then review the flag_id of its flags.csv");
        }
        List<Row> rows = read(spark, w).filter(col(Columns.FLAG_ID).equalTo(flagId.trim()))
                .orderBy(col(Columns.CYCLE).desc()).limit(1).collectAsList();
        if (rows.isEmpty()) {
            List<Row> cycles = read(spark, w).agg(max(Columns.CYCLE)).collectAsList();
            String latest = cycles.isEmpty() || cycles.get(0).isNullAt(0) ? "none"
                    : Months.formatDashed(cycles.get(0).getInt(0));
            throw new IllegalArgumentException("unknown flag id '" + flagId + "': no cycle on warehouse " + w.root()
                    + " raised it (latest cycle: " + latest + "). Copy the flag_id from flags.csv, or list them with "
                    + "`wengang flags list`.");
        }
        return rows.get(0);
    }
}
