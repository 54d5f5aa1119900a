package wengang.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;
import wengang.engine.Location;
import wengang.policy.Policy;
import wengang.policy.PolicyLoader;

/** --policy FILE, or the default policy bundled from conf/: the commands that decide or explain decisions. */
public final class PolicyOption {
    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy file, a local or Hadoop path (default: conf/policies/guangzhou-2023.yaml, bundled).")
    String file;

    Policy load(SparkSession spark) {
        return file == null ? PolicyLoader.loadDefault() : PolicyLoader.load(Location.of(spark, file));
    }
}
