package wengang.report;

import static org.apache.spark.sql.functions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import wengang.policy.Parameter;
import wengang.policy.PolicyException;
import wengang.policy.PolicyLoader;
import wengang.schemas.Columns;
import wengang.schemas.Months;

/**
 * Alerts on the metric history (meta/metrics, {@link CycleMetrics#SCHEMA}), as Deequ finds
 * anomalies on its metrics repository: each metric of the cycle is compared with the
 * previous cycle that recorded it and with the average of the trailing cycles that did (the
 * latest run of each cycle counts); a change beyond its family's threshold (conf/alerts.yaml)
 * is an alert. Aggregates only, like the metrics: no person is named.
 */
public final class MetricAlerts {
    public static final String FILE = "alerts.yaml";
    public static final String RISE = "RISE";
    public static final String DROP = "DROP";
    static final String TRAILING_KEY = "trailing_cycles";
    static final DecimalType CHANGE = DataTypes.createDecimalType(12, 4);
    /** One family's threshold, as of a cycle (rise, fall may be null: that direction raises nothing). */
    public static final StructType THRESHOLDS = new StructType()
            .add(Columns.FAMILY, DataTypes.StringType, false)
            .add("rise", CycleMetrics.VALUE, true)
            .add("fall", CycleMetrics.VALUE, true)
            .add("min_change", CycleMetrics.VALUE, false)
            .add(Columns.REASON, DataTypes.StringType, false);

    private MetricAlerts() {}

    /** The thresholds of conf/alerts.yaml as of a cycle. */
    public record Settings(int trailingCycles, List<Row> thresholds) {
        public Dataset<Row> thresholds(SparkSession spark) {
            return spark.createDataFrame(thresholds, THRESHOLDS);
        }
    }

    /** The thresholds of conf/alerts.yaml (bundled in the jar like the rest of conf/) as of a cycle. */
    public static Settings load(int cycle) {
        return load(wengang.engine.Bundled.bytes(FILE), "conf/" + FILE, cycle);
    }

    /** @param file how the YAML is named in messages */
    public static Settings load(byte[] yaml, String file, int cycle) {
        Map<String, Parameter> params = PolicyLoader.readParameters(yaml, file);
        java.time.LocalDate asOf = Months.firstDay(cycle);
        Parameter trailing = params.get(TRAILING_KEY);
        if (trailing == null || !trailing.at(asOf).canConvertToInt() || trailing.at(asOf).asInt() < 1) {
            throw new PolicyException(file + ": needs parameter " + TRAILING_KEY + " (a whole number of cycles, at least 1)");
        }
        List<Row> rows = new ArrayList<>();
        params.forEach((family, p) -> {
            if (!family.equals(TRAILING_KEY)) {
                JsonNode v = p.at(asOf);
                if (!v.hasNonNull("min_change") || !(v.hasNonNull("rise") || v.hasNonNull("fall"))) {
                    throw new PolicyException(file + ": family " + family + " needs min_change and rise or fall");
                }
                rows.add(RowFactory.create(family, decimal(v, "rise"), decimal(v, "fall"), decimal(v, "min_change"),
                        p.source()));
            }
        });
        return new Settings(trailing.at(asOf).asInt(), List.copyOf(rows));
    }

    private static BigDecimal decimal(JsonNode v, String key) {
        return v.hasNonNull(key) ? new BigDecimal(v.get(key).asText()).setScale(2, java.math.RoundingMode.HALF_UP) : null;
    }

    /**
     * The alerts of {@code cycle}: one row per metric of the cycle's latest run that moved beyond
     * its threshold against the previous cycle or the trailing average (columns of
     * {@link wengang.schemas.OutputFiles#ALERTS} but cycle and policy_version).
     *
     * @param history    meta/metrics rows (cycle, run_at, metric, value), any cycles and runs
     * @param thresholds rows of {@link #THRESHOLDS}
     */
    public static Dataset<Row> find(Dataset<Row> history, Dataset<Row> thresholds, int cycle, int trailingCycles) {
        Dataset<Row> latestRuns = history.filter(col(Columns.CYCLE).leq(cycle))
                .withColumn("_last_run", max("run_at").over(Window.partitionBy(Columns.CYCLE)))
                .filter(col("run_at").equalTo(col("_last_run")));
        WindowSpec byMetric = Window.partitionBy(Columns.METRIC).orderBy(Columns.CYCLE);
        WindowSpec trailing = byMetric.rowsBetween(-trailingCycles, -1);
        Column value = col(Columns.VALUE);
        Dataset<Row> compared = latestRuns
                .withColumn(Columns.PREVIOUS_CYCLE, lag(Columns.CYCLE, 1).over(byMetric))
                .withColumn(Columns.PREVIOUS_VALUE, lag(Columns.VALUE, 1).over(byMetric))
                .withColumn(Columns.TRAILING_CYCLES, count(value).over(trailing))
                .withColumn(Columns.TRAILING_AVERAGE, round(avg(value).over(trailing), 2).cast(CycleMetrics.VALUE))
                .filter(col(Columns.CYCLE).equalTo(cycle).and(col(Columns.PREVIOUS_VALUE).isNotNull()))
                .withColumn(Columns.FAMILY, substring_index(col(Columns.METRIC), ".", 1))
                .join(thresholds, Columns.FAMILY);
        Column prev = col(Columns.PREVIOUS_VALUE);
        Column avg = col(Columns.TRAILING_AVERAGE);
        Column beyondPrevious = beyond(value, prev);
        Column beyondAverage = beyond(value, avg);
        Column basis = when(beyondPrevious, prev).otherwise(avg);
        Column threshold = concat_ws(", ",
                when(col("rise").isNotNull(), concat(lit("rise >= "), percent(col("rise")))),
                when(col("fall").isNotNull(), concat(lit("fall >= "), percent(col("fall")))),
                concat(lit("change >= "), col("min_change").cast("string")));
        return compared.filter(beyondPrevious.or(beyondAverage))
                .withColumn(Columns.DIRECTION, when(value.gt(basis), lit(RISE)).otherwise(lit(DROP)))
                .withColumn(Columns.CHANGE_VS_PREVIOUS, change(value, prev))
                .withColumn(Columns.CHANGE_VS_AVERAGE, change(value, avg))
                .withColumn(Columns.THRESHOLD, threshold)
                .select(Columns.METRIC, Columns.FAMILY, Columns.DIRECTION, Columns.VALUE, Columns.PREVIOUS_CYCLE,
                        Columns.PREVIOUS_VALUE, Columns.CHANGE_VS_PREVIOUS, Columns.TRAILING_CYCLES,
                        Columns.TRAILING_AVERAGE, Columns.CHANGE_VS_AVERAGE, Columns.THRESHOLD, Columns.REASON);
    }

    /** One line per alert, for the run summary (sorted by metric). */
    public static List<String> lines(Dataset<Row> alerts) {
        List<String> out = new ArrayList<>();
        for (Row a : alerts.orderBy(Columns.METRIC).collectAsList()) {
            out.add(a.getAs(Columns.DIRECTION) + " " + a.getAs(Columns.METRIC) + ": " + plain(a.getAs(Columns.VALUE))
                    + " (" + Months.formatDashed(a.<Integer>getAs(Columns.PREVIOUS_CYCLE)) + ": "
                    + plain(a.getAs(Columns.PREVIOUS_VALUE)) + changeText(a.getAs(Columns.CHANGE_VS_PREVIOUS))
                    + "; average of " + a.getAs(Columns.TRAILING_CYCLES) + " earlier cycle(s): "
                    + plain(a.getAs(Columns.TRAILING_AVERAGE)) + changeText(a.getAs(Columns.CHANGE_VS_AVERAGE))
                    + "; threshold " + a.getAs(Columns.THRESHOLD) + ")");
        }
        return out;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String changeText(BigDecimal change) {
        if (change == null) {
            return "";
        }
        BigDecimal pct = change.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
        return ", " + (pct.signum() >= 0 ? "+" : "") + pct.toPlainString() + " %";
    }

    /** The move from {@code basis} to {@code value} is at least min_change and at least the rise or fall share. */
    private static Column beyond(Column value, Column basis) {
        Column diff = value.minus(basis);
        Column big = abs(diff).geq(col("min_change"));
        Column rise = col("rise").isNotNull().and(diff.gt(0))
                .and(basis.equalTo(0).or(diff.geq(basis.multiply(col("rise")))));
        Column fall = col("fall").isNotNull().and(diff.lt(0)).and(basis.gt(0))
                .and(basis.minus(value).geq(basis.multiply(col("fall"))));
        return coalesce(basis.isNotNull().and(big).and(rise.or(fall)), lit(false));
    }

    /** (value − basis) ÷ basis, four decimals; empty from a basis of 0. */
    private static Column change(Column value, Column basis) {
        return when(basis.notEqual(0), round(value.minus(basis).divide(basis), 4)).cast(CHANGE);
    }

    private static Column percent(Column share) {
        return concat(format_number(share.multiply(100), 0), lit(" %"));
    }
}
