package wengang.engine;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a job keeps an intermediate result it reads several times: computed once,
 * its lineage cut, so later queries plan against a small scan. In local mode the result is a
 * local checkpoint (kept by the executors' block managers: one JVM, nothing to lose). On a
 * cluster executors come and go (a lost executor, dynamic allocation), which local checkpoints
 * do not survive, so the result is a reliable checkpoint: files under the warehouse's
 * {@code _checkpoints/<application id>/} ({@link #checkpointsUnder}), removed when the run ends
 * ({@link #removeCheckpoints}). Either way a re-run is safe: the ledger commit and the file
 * publishing are idempotent.
 */
public final class Materialised {
    /** The folder of the warehouse that holds a cluster run's checkpoints while it runs. */
    public static final String CHECKPOINTS = "_checkpoints";

    private Materialised() {}

    /** {@code d} computed once; the query runs adaptively (its partitioning is not kept). */
    public static Dataset<Row> kept(Dataset<Row> d) {
        return reliable(d.sparkSession()) ? d.checkpoint(true) : d.localCheckpoint(true);
    }

    /**
     * {@code d} computed once, keeping its partitioning: the cycle's narrowed contributions
     * are partitioned by person, and every later group, window or join by person then reuses
     * that instead of shuffling the rows again. Spark keeps a checkpoint's partitioning only
     * when the checkpointed query itself ran without adaptive execution (an adaptive plan
     * reports an unknown partitioning until it has run); the queries that read the
     * checkpoint still run adaptively.
     */
    public static Dataset<Row> keptWithPartitioning(SparkSession spark, Dataset<Row> d) {
        String adaptive = spark.conf().get("spark.sql.adaptive.enabled", "true");
        spark.conf().set("spark.sql.adaptive.enabled", "false");
        try {
            return kept(d);
        } finally {
            spark.conf().set("spark.sql.adaptive.enabled", adaptive);
        }
    }

    /**
     * Frees what {@link #kept} holds for {@code d} now rather than when Spark's cleaner next runs
     * (a CSV file's checked rows are the size of the file): the blocks of a local checkpoint.
     * A reliable checkpoint's files go with {@link #removeCheckpoints}.
     */
    public static void release(Dataset<Row> d) {
        if (d.queryExecution().logical() instanceof org.apache.spark.sql.execution.LogicalRDD kept) {
            kept.rdd().unpersist(false);
        }
    }

    /** On a cluster, keeps this run's checkpoints under {@code warehouse}; in local mode nothing to do. */
    public static void checkpointsUnder(SparkSession spark, Warehouse warehouse) {
        if (spark.sparkContext().isLocal() || spark.sparkContext().getCheckpointDir().isDefined()) {
            return;
        }
        spark.sparkContext().setCheckpointDir(warehouse.root().resolve(CHECKPOINTS)
                .resolve(spark.sparkContext().applicationId()).uri());
    }

    /** Removes the run's checkpoint files (at the end of a command, also when it failed). */
    public static void removeCheckpoints(SparkSession spark) {
        if (spark.sparkContext().getCheckpointDir().isDefined()) {
            // Spark checkpoints under <dir>/<uuid>: remove the run's whole folder
            Location.of(spark, spark.sparkContext().getCheckpointDir().get()).parent().delete();
        }
    }

    private static boolean reliable(SparkSession spark) {
        return !spark.sparkContext().isLocal() && spark.sparkContext().getCheckpointDir().isDefined();
    }
}
