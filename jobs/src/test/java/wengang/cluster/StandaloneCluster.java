package wengang.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on this machine: a Master and {@code workers} Workers, each
 * its own JVM started from Spark's own classes, and spark-submit ({@code SparkSubmit}) as a
 * further JVM, as an operator would run them. The Spark home is made from the test's class
 * path: {@code jars/} holds Spark's jars and the project's dependencies (what a cluster and
 * {@code --jars} provide), a {@code RELEASE} file tells Spark's launcher that {@code jars/}
 * is a Spark build (Workers launch executors from it). The application jar holds wengang's
 * classes and the bundled conf/, as {@code mvn package} builds it. Closing stops every
 * process it started, executors included, also after a failure.
 */
final class StandaloneCluster implements AutoCloseable {
    /** Test-only jars that a cluster would not have. */
    private static final List<String> NOT_ON_CLUSTER = List.of("junit-", "assertj-", "byte-buddy", "opentest4j",
            "apiguardian", "hadoop-client-minicluster", "surefire");

    private final Path home;
    private final Path logs;
    private final List<Process> processes = new ArrayList<>();
    private final String masterUrl;

    private StandaloneCluster(Path home, Path logs, String masterUrl) {
        this.home = home;
        this.logs = logs;
        this.masterUrl = masterUrl;
    }

    static StandaloneCluster start(Path dir, int workers, int coresPerWorker, String workerMemory)
            throws IOException, InterruptedException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && NOT_ON_CLUSTER.stream().noneMatch(name::startsWith)
                    && Files.isRegularFile(p)) {
                Files.createSymbolicLink(jars.resolve(name), p);
            }
        }
        Files.writeString(home.resolve("RELEASE"), "Spark (jars from wengang's test class path)\n");
        // the cluster's own defaults (what an operator keeps in conf/spark-defaults.conf): executors
        // that live for a few test rows compile less
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/spark-defaults.conf"),
                "spark.executor.extraJavaOptions " + String.join(" ", wengang.testing.ChildJvm.QUICK_JIT) + "\n");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        int port = freePort();
        StandaloneCluster c = new StandaloneCluster(home, logs, "spark://127.0.0.1:" + port);
        try {
            c.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
            c.waitForLog("master", "I have been elected leader", 60);
            for (int i = 1; i <= workers; i++) {
                Path work = Files.createDirectories(dir.resolve("work-" + i));
                c.launch("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", String.valueOf(coresPerWorker), "--memory", workerMemory,
                        "--webui-port", String.valueOf(freePort()), "--work-dir", work.toString(), c.masterUrl));
            }
            for (int i = 1; i <= workers; i++) {
                c.waitForLog("worker-" + i, "Successfully registered with master", 60);
            }
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    /** The application jar: wengang's compiled classes (both modules) and resources. */
    Path applicationJar(Path dir) throws IOException {
        Path jar = dir.resolve("wengang-app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                boolean wengangClasses = Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"));
                if (wengangClasses) {
                    addTree(out, p);
                }
            }
        }
        return jar;
    }

    /**
     * Runs spark-submit (client mode) against the cluster; returns its exit code, or fails
     * when it does not end within {@code minutes} (an executor that cannot start leaves the
     * driver waiting forever).
     */
    int submit(String name, List<String> sparkSubmitArgs, long minutes) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
                "--deploy-mode", "client"));
        args.addAll(sparkSubmitArgs);
        Process p = launch(name, args);
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            stop(p);
            throw new IllegalStateException("spark-submit " + name + " did not finish in " + minutes + " minutes; log:\n"
                    + log(name));
        }
        return p.exitValue();
    }

    String log(String name) throws IOException {
        return Files.readString(logs.resolve(name + ".log"));
    }

    private Process launch(String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Djdk.")
                    || a.startsWith("-Dio.netty")) {
                cmd.add(a);
            }
        }
        cmd.add(name.startsWith("worker") || name.equals("master") ? "-Xmx256m" : "-Xmx1g");
        cmd.addAll(wengang.testing.ChildJvm.QUICK_JIT);
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + "/*");
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", logs.resolve("local-" + name).toString());
        env.remove("SPARK_CONF_DIR");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private void waitForLog(String name, String line, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Path file = logs.resolve(name + ".log");
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(line)) {
                return;
            }
            Process p = processes.get(processes.size() - 1);
            if (!p.isAlive() && !Files.readString(file).contains(line)) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not log '" + line + "' in " + seconds + " s; log:\n"
                + (Files.exists(file) ? Files.readString(file) : "(none)"));
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            stop(processes.get(i));
        }
        processes.clear();
    }

    /** Stops a process and everything it started (a Worker's executors). */
    private static void stop(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void addTree(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
