package wengang.payment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;
import wengang.schemas.Money;

/**
 * P16: the append-only ledger of everything paid or held, one entry per claim month and
 * settlement, stamped with its cycle. Cycle c reads only entries of earlier cycles, so
 * re-running c rebuilds the same files; entries c already wrote are reused, never
 * doubled. The claim key (person, subsidy, month; TRANSPORT and DISPATCH_ONE_TIME per
 * year) is what can never be paid twice.
 */
public final class Ledger {
    public static final String TABLE = "ledger";
    public static final String ENTRY_TYPE = "entry_type";
    public static final String CLAIM_KEY = "claim_key";
    public static final String HOLD_REASON = "hold_reason";

    public static final StructType SCHEMA = new StructType()
            .add(Columns.CYCLE, DataTypes.IntegerType, false)
            .add(ENTRY_TYPE, DataTypes.StringType, false)
            .add(Columns.CLAIM_ID, DataTypes.StringType, false)
            .add(Columns.SUBSIDY, DataTypes.StringType, false)
            .add(Columns.PERSON_ID, DataTypes.StringType, true)
            .add(Columns.CLAIMANT_ID, DataTypes.StringType, true)
            .add(Columns.DISTRICT, DataTypes.StringType, true)
            .add(Columns.MONTH, DataTypes.IntegerType, false)
            // the period a payment line shows for this entry: the month, or for a claim
            // decided as one row (TRANSPORT, unit subsidies) the claim's period_to
            .add(Columns.PERIOD_TO, DataTypes.IntegerType, false)
            .add(CLAIM_KEY, DataTypes.StringType, false)
            .add(Columns.AMOUNT, Money.TYPE, false)
            .add(Columns.PAYEE_TYPE, DataTypes.StringType, false)
            .add(Columns.PAYEE_ID, DataTypes.StringType, true)
            .add(Columns.PAYEE_NAME, DataTypes.StringType, true)
            .add(Columns.ACCOUNT, DataTypes.StringType, true)
            .add(HOLD_REASON, DataTypes.StringType, true)
            .add(Columns.PAYMENT_ID, DataTypes.StringType, false)
            .add(Columns.POLICY_VERSION, DataTypes.StringType, false);

    private Ledger() {}

    public static String path(Warehouse warehouse) {
        return warehouse.gold(TABLE);
    }

    /** The whole ledger (all cycles); empty when none was written yet. */
    public static Dataset<Row> read(SparkSession spark, Warehouse warehouse) {
        String path = path(warehouse);
        if (!Warehouse.exists(path)) {
            return spark.createDataFrame(java.util.List.of(), SCHEMA);
        }
        return Warehouse.read(spark, path);
    }

    /** The ledger at {@code version}; empty for a version before the ledger existed (-1). */
    public static Dataset<Row> readVersion(SparkSession spark, Warehouse warehouse, long version) {
        if (version < 0) {
            return spark.createDataFrame(java.util.List.of(), SCHEMA);
        }
        return Warehouse.readVersion(spark, path(warehouse), version);
    }

    /** The ledger's latest Delta version, -1 when it does not exist yet. */
    public static long currentVersion(SparkSession spark, Warehouse warehouse) {
        String path = path(warehouse);
        if (!Warehouse.exists(path)) {
            return -1L;
        }
        return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
    }

    /**
     * The latest cycle after {@code cycle} that has entries, when {@code cycle} has none: a
     * cycle decides its payments against the entries of every earlier cycle, so one run for
     * the first time after a later cycle has paid would pay that cycle's months again.
     */
    public static java.util.OptionalInt laterCycleWithoutThis(SparkSession spark, Warehouse warehouse, int cycle) {
        Row r = read(spark, warehouse).agg(max(col(Columns.CYCLE)),
                sum(when(col(Columns.CYCLE).equalTo(cycle), 1).otherwise(0))).first();
        if (r.isNullAt(0) || r.getInt(0) <= cycle || (!r.isNullAt(1) && r.getLong(1) > 0)) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(r.getInt(0));
    }

    public static Dataset<Row> before(Dataset<Row> ledger, int cycle) {
        return ledger.filter(col(Columns.CYCLE).lt(cycle));
    }

    public static Dataset<Row> of(Dataset<Row> ledger, int cycle) {
        return ledger.filter(col(Columns.CYCLE).equalTo(cycle));
    }

    /**
     * Appends one cycle's entries in one Delta commit, at most once per cycle: the commit
     * carries the Delta transaction id ({@link #txnAppId}, version 0), so Delta itself
     * skips a second commit for the cycle, and of two runs committing at the same moment
     * one fails with a concurrent-transaction conflict instead of paying twice. The table
     * is append-only ({@code delta.appendOnly}): Delta refuses DELETE and UPDATE on it.
     */
    public static void append(Dataset<Row> entries, int cycle, Warehouse warehouse) {
        String path = path(warehouse);
        ensureExists(entries.sparkSession(), warehouse);
        entries.select(Arrays.stream(SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new))
                .write().format("delta").mode("append")
                .option("txnAppId", txnAppId(cycle)).option("txnVersion", 0L)
                // names the commit, so a re-run finds the version its cycle computed from
                .option("userMetadata", txnAppId(cycle))
                .save(path);
    }

    /** Creates the empty, append-only ledger when there is none (and declares an older one append-only). */
    public static void ensureExists(SparkSession spark, Warehouse warehouse) {
        String path = path(warehouse);
        if (!DeltaTable.isDeltaTable(spark, path)) {
            create(spark, path);
        }
        if (!"true".equals(DeltaTable.forPath(spark, path).detail().select("properties")
                .first().<String, String>getJavaMap(0).get(APPEND_ONLY))) {
            // a ledger written before the table was declared append-only
            spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES ('" + APPEND_ONLY + "' = 'true')");
        }
    }

    /**
     * The ledger version cycle {@code cycle} computes from: the one before its own commit
     * when it has committed (found by the commit's name), else the current one. The same
     * for the first run and every re-run of the cycle, so their recorded versions agree.
     */
    public static long versionBefore(SparkSession spark, Warehouse warehouse, int cycle) {
        String path = path(warehouse);
        if (!Warehouse.exists(path)) {
            return -1L;
        }
        List<Row> own = DeltaTable.forPath(spark, path).history()
                .filter(col("userMetadata").equalTo(txnAppId(cycle))).select("version").collectAsList();
        return own.isEmpty() ? currentVersion(spark, warehouse) : own.get(0).getLong(0) - 1;
    }

    /**
     * Creates the empty, append-only ledger. Two first runs may create it at the same moment:
     * the one that finds the other's table half made waits for it to be committed and uses it.
     */
    private static void create(SparkSession spark, String path) {
        try {
            DeltaTable.createIfNotExists(spark).location(path).addColumns(SCHEMA)
                    .partitionedBy(Columns.CYCLE).property(APPEND_ONLY, "true").execute();
        } catch (Exception e) { // Spark's AnalysisException is a checked exception in Java terms
            // the other run's first commit can take seconds on a busy machine: wait up to a
            // minute for its commit file (Delta's cached view of the path would not see it)
            for (int i = 0; i < 300 && !Warehouse.hasFirstCommit(path); i++) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw rethrown(e);
                }
            }
            if (!Warehouse.hasFirstCommit(path)) {
                throw rethrown(e);
            }
            // forget the empty table this run saw, so the append below reads the other run's
            org.apache.spark.sql.delta.DeltaLog.clearCache();
        }
    }

    private static RuntimeException rethrown(Exception e) {
        return e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
    }

    /** The Delta transaction id of cycle c's ledger commit: one per cycle, so each commits once. */
    public static String txnAppId(int cycle) {
        return "wengang-ledger-" + cycle;
    }

    public static final String APPEND_ONLY = "delta.appendOnly";
}
