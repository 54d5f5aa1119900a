package wengang.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.RDDScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.exchange.ReusedExchangeExec;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeExec;
import org.apache.spark.sql.util.QueryExecutionListener;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a run cost, read from Spark itself (for bench/run, never for decisions): jobs,
 * tasks, shuffle bytes, spill, peak task memory, the queries run, how many times the
 * contributions (the fact table) were scanned, and how many shuffles moved its rows.
 * On when the Spark setting {@value #OUT} names a JSON file; written at the end of a cycle.
 *
 * <p>A fact-table leaf is a file scan of {@code bronze/contributions} or a scan of a
 * materialised dataset that still has the contribution row's columns (the cycle's narrowed,
 * checkpointed contributions). A fact shuffle is an Exchange with such a leaf below it and
 * no other Exchange in between: the rows themselves crossing the network, not aggregates
 * computed from them.
 */
public final class PlanStats {
    public static final String OUT = "spark.wengang.planStats.out";
    private static final Set<String> FACT_COLUMNS = Set.of("insurance_type", "pay_status", "paid_on", "employer_amount");

    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong shuffleBytesWritten = new AtomicLong();
    private final AtomicLong memorySpilled = new AtomicLong();
    private final AtomicLong diskSpilled = new AtomicLong();
    private final AtomicLong peakTaskMemory = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong factScans = new AtomicLong();
    private final AtomicLong factShuffles = new AtomicLong();
    private final AtomicLong bronzeFactScans = new AtomicLong();
    /** What each fact shuffle partitions by: where the rows cross the network. */
    private final Map<String, Integer> factExchangeKeys = new java.util.TreeMap<>();
    private final Location out;
    private final SparkListener listener;
    private final QueryExecutionListener queryListener;
    private final SparkSession spark;

    private PlanStats(SparkSession spark, Location out) {
        this.spark = spark;
        this.out = out;
        this.listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart jobStart) {
                jobs.incrementAndGet();
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                tasks.incrementAndGet();
                if (taskEnd.taskMetrics() != null) {
                    shuffleBytesWritten.addAndGet(taskEnd.taskMetrics().shuffleWriteMetrics().bytesWritten());
                    memorySpilled.addAndGet(taskEnd.taskMetrics().memoryBytesSpilled());
                    diskSpilled.addAndGet(taskEnd.taskMetrics().diskBytesSpilled());
                    peakTaskMemory.accumulateAndGet(taskEnd.taskMetrics().peakExecutionMemory(), Math::max);
                }
            }
        };
        this.queryListener = new QueryExecutionListener() {
            @Override
            public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
                record(qe.executedPlan());
            }

            @Override
            public void onFailure(String funcName, QueryExecution qe, Exception exception) {
                record(qe.executedPlan());
            }
        };
    }

    /** Starts counting when the session's settings ask for it; null otherwise. */
    public static PlanStats startIfAsked(SparkSession spark) {
        String target = spark.conf().get(OUT, "");
        if (target.isBlank()) {
            return null;
        }
        PlanStats stats = new PlanStats(spark, Location.of(spark, target));
        spark.sparkContext().addSparkListener(stats.listener);
        spark.listenerManager().register(stats.queryListener);
        return stats;
    }

    /** Stops counting and writes the figures (with the given extras, e.g. the cycle) as JSON. */
    public void finish(Map<String, Object> extras) {
        // queued listener events are delivered asynchronously: let the bus drain first
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spark.listenerManager().unregister(queryListener);
        spark.sparkContext().removeSparkListener(listener);
        Map<String, Object> m = new LinkedHashMap<>(extras);
        m.put("jobs", jobs.get());
        m.put("tasks", tasks.get());
        m.put("queries", queries.get());
        m.put("shuffle_bytes_written", shuffleBytesWritten.get());
        m.put("memory_bytes_spilled", memorySpilled.get());
        m.put("disk_bytes_spilled", diskSpilled.get());
        m.put("peak_task_memory_bytes", peakTaskMemory.get());
        m.put("fact_table_bronze_scans", bronzeFactScans.get());
        m.put("fact_table_scans", factScans.get());
        m.put("fact_table_exchanges", factShuffles.get());
        synchronized (this) {
            m.put("fact_table_exchange_keys", new java.util.TreeMap<>(factExchangeKeys));
        }
        try {
            wengang.output.Published.bytes(out,
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plan statistics " + out + ": " + e.getMessage(), e);
        }
    }

    private synchronized void record(SparkPlan plan) {
        queries.incrementAndGet();
        // walk the plan; for every fact leaf, count it and the first exchange above it
        Deque<Object[]> todo = new ArrayDeque<>(); // {node, nearest exchange above or null}
        todo.push(new Object[] {plan, null});
        java.util.Set<SparkPlan> countedExchanges = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            SparkPlan node = (SparkPlan) item[0];
            SparkPlan exchangeAbove = (SparkPlan) item[1];
            if (node instanceof ShuffleExchangeExec) {
                exchangeAbove = node;
            }
            if (isFactLeaf(node)) {
                factScans.incrementAndGet();
                if (node instanceof FileSourceScanExec) {
                    bronzeFactScans.incrementAndGet();
                }
                if (exchangeAbove != null && countedExchanges.add(exchangeAbove)) {
                    factShuffles.incrementAndGet();
                    factExchangeKeys.merge(((ShuffleExchangeExec) exchangeAbove).outputPartitioning().toString()
                            .replaceAll("#\\d+", ""), 1, Integer::sum);
                }
            }
            for (SparkPlan child : children(node)) {
                todo.push(new Object[] {child, exchangeAbove});
            }
        }
    }

    private static List<SparkPlan> children(SparkPlan node) {
        if (node instanceof AdaptiveSparkPlanExec a) {
            return List.of(a.executedPlan());
        }
        if (node instanceof QueryStageExec q) {
            return List.of(q.plan());
        }
        if (node instanceof ReusedExchangeExec r) {
            return List.of(r.child());
        }
        return CollectionConverters.asJava(node.children());
    }

    private static boolean isFactLeaf(SparkPlan node) {
        if (node instanceof FileSourceScanExec scan) {
            return CollectionConverters.asJava(scan.relation().location().rootPaths()).stream()
                    .map(p -> p.toString().replace('\\', '/'))
                    .anyMatch(p -> p.contains("/bronze/contributions") && !p.contains("_delta_log"));
        }
        if (node instanceof RDDScanExec) {
            Set<String> names = new java.util.HashSet<>();
            CollectionConverters.asJava(node.output()).forEach(a -> names.add(a.name()));
            return names.containsAll(FACT_COLUMNS);
        }
        return false;
    }
}
