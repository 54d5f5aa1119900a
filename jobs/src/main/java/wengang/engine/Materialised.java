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

    /** A result kept as files ({@link #keptAsFiles}): its rows, read from the files, and the folder to remove. */
    public record Files(Dataset<Row> rows, Location folder) {
        /** Removes the files (when the result is no longer read; also after a failure). */
        public void release() {
            folder.delete();
            Location run = folder.parent();
            if (run.list().isEmpty()) {
                run.delete(); // nothing else of this run kept there: no empty folder left behind
            }
        }
    }

    /**
     * {@code d} computed once and written as Parquet under the warehouse, in
     * {@code _checkpoints/<application id>/<name>-<random>}, then read from there: for a result the
     * size of an input file (a CSV file's lines, split into their fields), which block managers
     * would hold as rows and spill one by one, and which later queries read a few columns of.
     * Works alike on a cluster (the warehouse is shared). {@link Files#release} removes the files;
     * a run that dies leaves them under its application id, where nothing reads them again
     * ({@code wengang maintain} removes such folders once they are a day old).
     */
    public static Files keptAsFiles(Warehouse warehouse, String name, Dataset<Row> d) {
        SparkSession spark = d.sparkSession();
        Location folder = warehouse.root().resolve(CHECKPOINTS).resolve(spark.sparkContext().applicationId())
                .resolve(name + "-" + java.util.UUID.randomUUID());
        d.write().parquet(folder.uri());
        return new Files(spark.read().parquet(folder.uri()), folder);
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
