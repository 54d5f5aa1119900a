package wengang.testing;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.engine.Location;
import wengang.cycle.CycleComputation;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.cycle.CycleSources;
import wengang.payment.Ledger;
import wengang.policy.Policy;
import wengang.policy.PolicyLoader;
import wengang.schemas.Columns;
import wengang.screening.Reviews;

/** Runs the pure cycle computation on a {@link Fixture} and reads results back as plain values. */
public final class CycleHarness {
    private static Policy policy;

    private CycleHarness() {}

    public static synchronized Policy policy() {
        if (policy == null) {
            policy = PolicyLoader.load(Location.local(java.nio.file.Path.of("..", "conf", "policies", "guangzhou-2023.yaml")));
        }
        return policy;
    }

    public static CycleSources sources(Fixture f) {
        return sources(f, TestSpark.session().createDataFrame(List.<Row>of(), Reviews.SCHEMA));
    }

    /** Sources with reviewers' decisions (rows of {@link Reviews#SCHEMA}). */
    public static CycleSources sources(Fixture f, Dataset<Row> reviews) {
        SparkSession spark = TestSpark.session();
        StructType names = new StructType().add(Columns.REGION_CODE, DataTypes.StringType)
                .add(Columns.REGION_NAME, DataTypes.StringType);
        return new CycleSources(f.contributions(spark), f.employers(spark), f.registry(spark), f.claims(spark),
                f.cards(spark), f.quotas(spark), reviews,
                spark.createDataFrame(List.of(RowFactory.create("440100", "广州市")), names));
    }

    public static CycleResult run(Fixture f, int cycle) {
        return CycleComputation.compute(sources(f), emptyLedger(), policy(), cycle);
    }

    public static CycleResult run(Fixture f, int cycle, Dataset<Row> ledger) {
        return CycleComputation.compute(sources(f), ledger, policy(), cycle);
    }

    public static Dataset<Row> emptyLedger() {
        return TestSpark.session().createDataFrame(List.of(), Ledger.SCHEMA);
    }

    /** One claim month as the contract's claim_months.csv shows it. */
    public record Month(int month, String status, BigDecimal amount, String reason) {
        @Override
        public String toString() {
            return month + " " + status + " " + amount + " " + (reason == null ? "" : reason);
        }
    }

    // a result's claim months and decisions, collected once: each collect runs the whole cycle
    // plan again, and a rule test asks about several claims of one result
    private static final Map<CycleResult, Map<String, Map<Integer, Month>>> MONTHS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private static final Map<CycleResult, Map<String, Row>> DECISIONS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** claim_id → month → shown month. */
    public static Map<String, Map<Integer, Month>> months(CycleResult r) {
        return MONTHS.computeIfAbsent(r, CycleHarness::collectMonths);
    }

    private static Map<String, Map<Integer, Month>> collectMonths(CycleResult r) {
        Map<String, Map<Integer, Month>> out = new TreeMap<>();
        for (Row row : r.claimMonths().select(Columns.CLAIM_ID, Columns.MONTH, Columns.STATUS, Columns.AMOUNT, Columns.REASON)
                .collectAsList()) {
            out.computeIfAbsent(row.getString(0), k -> new TreeMap<>())
                    .put(row.getInt(1), new Month(row.getInt(1), row.getString(2), row.getDecimal(3), row.getString(4)));
        }
        return out;
    }

    /** "status reason" of every month of a claim, e.g. {202301=PAYABLE , 202302=REJECTED WRONG_DISTRICT}. */
    public static Map<Integer, String> outcome(CycleResult r, String claimId) {
        Map<Integer, String> out = new LinkedHashMap<>();
        months(r).getOrDefault(claimId, Map.of()).forEach((m, v) ->
                out.put(m, v.status() + (v.reason() == null ? "" : " " + v.reason())));
        return out;
    }

    /** claim_id → row of claim_decisions (decision, approved_amount, reasons). */
    public static Map<String, Row> decisions(CycleResult r) {
        return DECISIONS.computeIfAbsent(r, CycleHarness::collectDecisions);
    }

    private static Map<String, Row> collectDecisions(CycleResult r) {
        Map<String, Row> out = new TreeMap<>();
        for (Row row : r.claimDecisions().select(Columns.CLAIM_ID, Columns.DECISION, Columns.APPROVED_AMOUNT, Columns.REASONS)
                .collectAsList()) {
            out.put(row.getString(0), row);
        }
        return out;
    }

    public static List<Row> ledgerEntries(CycleResult r) {
        return r.newLedgerEntries().orderBy(col(Columns.CLAIM_ID), col(Columns.MONTH)).collectAsList();
    }
}
