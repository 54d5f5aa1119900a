package wengang.engine;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession a command uses. Embedded runs get local[*] and Delta;
 * under spark-submit the cluster's session (and its settings) win.
 */
public final class SparkSessions {
    private SparkSessions() {}

    /** Settings every wengang session needs, whoever starts it. */
    public static final Map<String, String> REQUIRED = Map.of(
            "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog",
            // months and dates are calendar values: no time-zone shifts
            "spark.sql.session.timeZone", "UTC",
            // decision plans are wide (a column per reason code): constraint inference on them
            // costs minutes of planning and finds nothing useful
            "spark.sql.constraintPropagation.enabled", "false",
            // the warehouse holds personal data: every file Spark and Delta create is the owner's only
            OwnerOnly.HADOOP_UMASK_KEY, OwnerOnly.HADOOP_UMASK);

    /** A session for the command line: master and settings from {@link EngineSettings}. */
    public static SparkSession embedded(EngineSettings settings) {
        SparkSession.Builder b = SparkSession.builder().appName("wengang").master(settings.master());
        REQUIRED.forEach(b::config);
        b.config("spark.ui.showConsoleProgress", "false");
        settings.sparkConf().forEach(b::config);
        return b.getOrCreate();
    }

    /** Under spark-submit: master and resources come from the cluster; only Delta is added. */
    public static SparkSession submitted() {
        SparkSession.Builder b = SparkSession.builder().appName("wengang");
        REQUIRED.forEach(b::config);
        return b.getOrCreate();
    }
}
