package wengang.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where Spark runs; shared by every subcommand. */
public final class EngineOptions {
    @Option(names = "--master", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Spark master (default: local[*], or spark.master in conf/wengang.conf). "
                    + "Use spark-submit with wengang.cli.SparkSubmitMain to run on a cluster.")
    String master;

    @Option(names = "--conf", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "A Spark setting, e.g. --conf spark.sql.shuffle.partitions=64 (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On a failure, also print the stack trace (otherwise one line; an unexpected failure's trace goes to a log file the line names).")
    boolean verbose;
}
