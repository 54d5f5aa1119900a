package wengang.report;

import static org.apache.spark.sql.functions.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.engine.Warehouse;
import wengang.payment.Ledger;
import wengang.schemas.Codes.PaymentStatus;
import wengang.schemas.Columns;

/**
 * Metrics of one cycle, stored per run under the cycle (meta/metrics) so that a month can
 * be compared with the one before (as Deequ keeps metrics by run key). Aggregates only:
 * no person is named.
 */
public final class CycleMetrics {
    public static final DecimalType VALUE = DataTypes.createDecimalType(20, 2);
    public static final StructType SCHEMA = new StructType()
            .add(Columns.CYCLE, DataTypes.IntegerType, false)
            .add("run_at", DataTypes.TimestampType, false)
            .add("metric", DataTypes.StringType, false)
            .add("value", VALUE, false);

    private CycleMetrics() {}

    /** metric name → value, computed from the cycle's results (small aggregates collected to the driver). */
    public static Map<String, BigDecimal> of(CycleResult r, Dataset<Row> flags, Dataset<Row> entriesOfCycle) {
        Map<String, BigDecimal> m = new TreeMap<>();
        // one aggregation per dataset; the three claim and two month families are cut from it here
        for (Row row : r.claimDecisions().groupBy(Columns.DECISION, Columns.SUBSIDY)
                .agg(count(lit(1)), sum(Columns.APPROVED_AMOUNT)).collectAsList()) {
            BigDecimal n = BigDecimal.valueOf(row.getLong(2));
            BigDecimal amount = row.isNullAt(3) ? BigDecimal.ZERO : row.getDecimal(3);
            m.merge("claims." + row.get(0), n, BigDecimal::add);
            m.merge("claims_by_subsidy." + row.get(1), n, BigDecimal::add);
            m.merge("approved_amount." + row.get(1), amount, BigDecimal::add);
        }
        for (Row row : r.claimMonths().groupBy(Columns.STATUS, Columns.REASON).count().collectAsList()) {
            BigDecimal n = BigDecimal.valueOf(row.getLong(2));
            m.merge("months." + row.get(0), n, BigDecimal::add);
            if (!row.isNullAt(1)) {
                m.merge("month_reason." + row.get(1), n, BigDecimal::add);
            }
        }
        put(m, "flags.", flags.groupBy(Columns.RULE).count());
        put(m, "ledger.", entriesOfCycle.groupBy(Ledger.ENTRY_TYPE).agg(sum(Columns.AMOUNT)));
        put(m, "payments_by_district.", entriesOfCycle.filter(col(Ledger.ENTRY_TYPE).equalTo(PaymentStatus.PAY))
                .groupBy(Columns.DISTRICT).agg(sum(Columns.AMOUNT)));
        // workers of the month before the cycle per city and the province (fulfilment_monthly)
        put(m, "working_persons.", r.fulfilmentMonthly()
                .filter(col(Columns.MONTH).equalTo(wengang.schemas.Months.plus(r.cycle(), -1)))
                .select(Columns.REGION_CODE, Columns.WORKING_PERSONS));
        Row u = r.eligibleUnclaimed().agg(countDistinct(Columns.PERSON_ID), sum(Columns.ESTIMATED_AMOUNT)).first();
        m.put("eligible_unclaimed.persons", BigDecimal.valueOf(u.getLong(0)));
        m.put("eligible_unclaimed.estimated_amount", u.isNullAt(1) ? BigDecimal.ZERO : u.getDecimal(1));
        m.putIfAbsent("ledger." + PaymentStatus.PAY, BigDecimal.ZERO);
        m.putIfAbsent("ledger." + PaymentStatus.HELD, BigDecimal.ZERO);
        return m;
    }

    /**
     * reject_percent.&lt;table&gt;: rows rejected ÷ rows read × 100 at the ingest that made the
     * bronze version the cycle read (meta/ingest_runs: table, bronze_version, ingested_at,
     * rows_read, rows_rejected; the latest such ingest).
     */
    public static Map<String, BigDecimal> rejectPercents(Dataset<Row> ingestRuns, Map<String, Long> versions) {
        Map<String, BigDecimal> m = new TreeMap<>();
        Map<String, Row> latest = new TreeMap<>();
        for (Row row : ingestRuns.select("table", "bronze_version", "ingested_at", "rows_read", "rows_rejected")
                .collectAsList()) {
            String table = row.getString(0);
            Long version = versions.get(table);
            if (version != null && version == row.getLong(1)) {
                latest.merge(table, row, (a, b) -> a.getTimestamp(2).after(b.getTimestamp(2)) ? a : b);
            }
        }
        latest.forEach((table, row) -> {
            long read = row.getLong(3);
            m.put("reject_percent." + table, read == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(row.getLong(4) * 100L).divide(BigDecimal.valueOf(read), 2, RoundingMode.HALF_UP));
        });
        return m;
    }

    /** Every recorded run (cycle, run_at, metric, value), empty when none. */
    public static Dataset<Row> history(SparkSession spark, Warehouse w) {
        return Warehouse.exists(w.meta("metrics")) ? Warehouse.read(spark, w.meta("metrics"))
                : spark.createDataFrame(List.of(), SCHEMA);
    }

    private static void put(Map<String, BigDecimal> m, String prefix, Dataset<Row> keyValue) {
        for (Row row : keyValue.collectAsList()) {
            Object v = row.get(1);
            m.put(prefix + row.get(0), v == null ? BigDecimal.ZERO : new BigDecimal(v.toString()));
        }
    }

    public static void record(SparkSession spark, Warehouse w, int cycle, Map<String, BigDecimal> metrics) {
        Timestamp at = Timestamp.from(Instant.now());
        List<Row> rows = new ArrayList<>();
        metrics.forEach((k, v) -> rows.add(RowFactory.create(cycle, at, k, v.setScale(2, RoundingMode.HALF_UP))));
        spark.createDataFrame(rows, SCHEMA).write().format("delta").mode("append").save(w.meta("metrics"));
    }

    /** The metrics of the latest run of the latest cycle before {@code cycle} (key "_cycle" names it), if any. */
    public static Map<String, BigDecimal> previous(SparkSession spark, Warehouse w, int cycle) {
        Map<String, BigDecimal> out = new TreeMap<>();
        if (!Warehouse.exists(w.meta("metrics"))) {
            return out;
        }
        Dataset<Row> all = Warehouse.read(spark, w.meta("metrics")).filter(col(Columns.CYCLE).lt(cycle));
        List<Row> last = all.orderBy(col(Columns.CYCLE).desc(), col("run_at").desc()).limit(1).collectAsList();
        if (last.isEmpty()) {
            return out;
        }
        int prevCycle = last.get(0).getInt(0);
        Timestamp prevRun = last.get(0).getTimestamp(1);
        for (Row r : all.filter(col(Columns.CYCLE).equalTo(prevCycle).and(col("run_at").equalTo(prevRun))).collectAsList()) {
            out.put(r.getString(2), r.getDecimal(3));
        }
        out.put("_cycle", BigDecimal.valueOf(prevCycle));
        return out;
    }
}
