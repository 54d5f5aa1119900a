package wengang.generate;

import static org.apache.spark.sql.functions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import wengang.engine.Location;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;

/**
 * A generated province as a data centre receives it month by month: the snapshot as it
 * stood before fee month M arrived, and M's increment. The increment holds
 *
 * <ul>
 *   <li>every contribution row of month M (rows after M are left out of both: the future);</li>
 *   <li>back-payments: a tenth of the persons' PAID rows of the two months before M were
 *       still OWED in the snapshot and arrive paid on the 20th of M (the key's OWED row is
 *       replaced by the PAID one);</li>
 *   <li>a registry change: one registry person without claims, absent from the snapshot's
 *       registry, arrives (with all their contribution history already in bronze), and one
 *       open status period of another person is closed at the end of M.</li>
 * </ul>
 *
 * Employers, cards, claims and quotas are the snapshot's. Ingesting the snapshot and then
 * the increment with {@code --increment} gives the same bronze rows, for months up to M,
 * as the complete province (except the closed period and the payment day of the back-paid rows).
 */
public final class IncrementSplit {
    private IncrementSplit() {}

    /** The two input folders' tables. */
    public record Split(Map<String, Dataset<Row>> snapshot, Map<String, Dataset<Row>> increment) {}

    /** Splits the complete province's tables (as generated, any column types) at fee month {@code month}. */
    public static Split at(Map<String, Dataset<Row>> province, int month) {
        Map<String, Dataset<Row>> snapshot = new LinkedHashMap<>(province);
        Map<String, Dataset<Row>> increment = new LinkedHashMap<>();

        Dataset<Row> c = province.get(Tables.CONTRIBUTIONS.name());
        Column m = col(Columns.MONTH).cast("int");
        // the keys of the back-paid rows (all their rows come again: a REVERSED posting beside the PAID one too)
        Column lateKey = m.geq(Months.plus(month, -2)).and(m.lt(month))
                .and(pmod(xxhash64(col(Columns.PERSON_ID)), lit(10)).equalTo(0));
        Column late = lateKey.and(col(Columns.PAY_STATUS).equalTo(PayStatus.PAID));
        DataType paidOnType = c.schema().apply(Columns.PAID_ON).dataType();
        snapshot.put(Tables.CONTRIBUTIONS.name(), c.filter(m.lt(month))
                .withColumn(Columns.PAY_STATUS, when(late, lit(PayStatus.OWED)).otherwise(col(Columns.PAY_STATUS)))
                .withColumn(Columns.PAID_ON, when(late, lit(null).cast(paidOnType)).otherwise(col(Columns.PAID_ON))));
        String paidInMonth = Months.firstDay(month).plusDays(19).toString();
        increment.put(Tables.CONTRIBUTIONS.name(), c.filter(m.equalTo(month))
                .unionByName(c.filter(lateKey).withColumn(Columns.PAID_ON,
                        when(late, lit(paidInMonth).cast(paidOnType)).otherwise(col(Columns.PAID_ON)))));

        Dataset<Row> registry = province.get(Tables.REGISTRY.name());
        Dataset<Row> claimants = province.get(Tables.CLAIMS.name()).select(Columns.PERSON_ID).distinct();
        Column rank = xxhash64(col(Columns.PERSON_ID));
        Row arriving = registry.join(claimants, new String[] {Columns.PERSON_ID}, "left_anti")
                .select(col(Columns.PERSON_ID), rank.as("_rank")).orderBy("_rank", Columns.PERSON_ID).first();
        Column isArriving = col(Columns.PERSON_ID).equalTo(arriving.getString(0));
        // one open period of a person who stays, closed at the end of M (same key, new status_to)
        Row closing = registry.filter(not(isArriving).and(col(Columns.STATUS_TO).isNull()))
                .select(col(Columns.PERSON_ID), col(Columns.STATUS), col(Columns.STATUS_FROM), rank.as("_rank"))
                .orderBy("_rank", Columns.PERSON_ID).first();
        Column isClosing = col(Columns.PERSON_ID).equalTo(closing.get(0)).and(col(Columns.STATUS).equalTo(closing.get(1)))
                .and(col(Columns.STATUS_FROM).equalTo(closing.get(2)));
        DataType statusToType = registry.schema().apply(Columns.STATUS_TO).dataType();
        snapshot.put(Tables.REGISTRY.name(), registry.filter(not(isArriving)));
        increment.put(Tables.REGISTRY.name(), registry.filter(isArriving).unionByName(registry.filter(isClosing)
                .withColumn(Columns.STATUS_TO, lit(Months.lastDay(month).toString()).cast(statusToType))));
        return new Split(snapshot, increment);
    }

    /**
     * Writes the split of the Parquet province in {@code complete} to {@code snapshotDir} and
     * {@code incrementDir} (Parquet folders, as the generator writes them).
     */
    public static void write(SparkSession spark, Location complete, int month, Location snapshotDir, Location incrementDir) {
        Map<String, Dataset<Row>> province = new LinkedHashMap<>();
        for (TableSpec t : Tables.ALL) {
            province.put(t.name(), spark.read().parquet(complete.resolve(t.name() + ".parquet").uri()));
        }
        Split split = at(province, month);
        split.snapshot().forEach((table, rows) ->
                TableWriter.parquet(spark, rows, snapshotDir.resolve(table + ".parquet")));
        split.increment().forEach((table, rows) ->
                TableWriter.parquet(spark, rows, incrementDir.resolve(table + ".parquet")));
    }
}
