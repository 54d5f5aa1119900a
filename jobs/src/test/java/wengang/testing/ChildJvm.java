package wengang.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code bin/wengang}'s entry point in a separate JVM, as a second user or a cron
 * job would: same classpath and JVM flags as the test JVM, its own SparkSession.
 */
public final class ChildJvm {
    /** JIT and collector of a short-lived JVM on test data: C1 only, serial GC (about half the CPU of the defaults). */
    public static final List<String> QUICK_JIT = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildJvm() {}

    /** @param properties extra system properties (test hooks); stdout and stderr go to {@code log} */
    public static Process start(Map<String, String> properties, Path log, String... args) throws IOException {
        return start("1g", properties, log, args);
    }

    /** As {@link #start(Map, Path, String...)} with the JVM's heap at most {@code maxHeap} (-Xmx, e.g. 768m). */
    public static Process start(String maxHeap, Map<String, String> properties, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.")
                    || a.startsWith("-Dio.netty")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx" + maxHeap);
        // a short run on a few rows: compiling less costs less (bin/wengang does the same for lookups)
        cmd.addAll(QUICK_JIT);
        cmd.add("-Dwengang.home=" + System.getProperty("wengang.home", Path.of("..").toAbsolutePath().normalize().toString()));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("wengang.cli.Main");
        // small and quick like the test session: one core each, interpreted expressions
        cmd.addAll(List.of("--master", "local[1]", "--conf", "spark.sql.shuffle.partitions=2",
                "--conf", "spark.sql.codegen.wholeStage=false", "--conf", "spark.sql.codegen.factoryMode=NO_CODEGEN"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
