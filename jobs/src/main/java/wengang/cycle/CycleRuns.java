package wengang.cycle;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.engine.Warehouse;
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
            .add("held_total", Money.TYPE, false);

    private CycleRuns() {}

    public static String path(Warehouse w) {
        return w.meta("cycle_runs");
    }

    public static void record(SparkSession spark, Warehouse w, CycleSummary s) {
        Row row = RowFactory.create(s.cycle(), Timestamp.from(Instant.now()), s.policyLabel(), s.policySha256(),
                scala.jdk.javaapi.CollectionConverters.asScala(s.inputVersions()), s.paymentCycle(), s.claimsDecided(),
                s.ledgerEntries(), s.payTotal(), s.heldTotal());
        spark.createDataFrame(List.of(row), SCHEMA).write().format("delta").mode("append").save(path(w));
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
