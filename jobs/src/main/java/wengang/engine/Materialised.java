package wengang.engine;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a job keeps an intermediate result it reads several times: computed once,
 * its lineage cut (a local checkpoint), so later queries plan against a small scan. Local
 * checkpoints live on the executors: losing one fails the run, which is then re-run (safe:
 * the ledger commit and the file publishing are idempotent).
 */
public final class Materialised {
    private Materialised() {}

    /** {@code d} computed once; the query runs adaptively (its partitioning is not kept). */
    public static Dataset<Row> kept(Dataset<Row> d) {
        return d.localCheckpoint(true);
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
}
