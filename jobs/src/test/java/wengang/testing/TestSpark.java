package wengang.testing;

import org.apache.spark.sql.SparkSession;
import wengang.engine.SparkSessions;

/**
 * The one SparkSession of the test JVM (surefire runs every test class in one fork):
 * local[2], two shuffle partitions, no UI.
 *
 * <p>Test data is a few rows, so compiling generated code costs far more than it saves:
 * whole-stage codegen is off and expressions are interpreted (measured: a three-cycle test
 * 155 s with codegen, 115 s without). {@code -Dtest.wholeStage=true
 * -Dtest.codegenFactory=FALLBACK} restores the production behaviour.
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            SparkSession.Builder b = SparkSession.builder()
                    .appName("wengang-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", System.getProperty("test.partitions", "2"))
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.adaptive.enabled", "false")
                    .config("spark.databricks.delta.snapshotPartitions", "2")
                    .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.codegen.wholeStage", System.getProperty("test.wholeStage", "false"))
                    .config("spark.sql.codegen.factoryMode", System.getProperty("test.codegenFactory", "NO_CODEGEN"))
                    .config("spark.sql.autoBroadcastJoinThreshold", System.getProperty("test.broadcast", "10485760"))
                    .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/wengang-test-spark-warehouse");
            SparkSessions.REQUIRED.forEach(b::config);
            session = b.getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
