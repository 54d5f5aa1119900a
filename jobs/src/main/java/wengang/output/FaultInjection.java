package wengang.output;

/**
 * Test hooks. For crash tests: when the system property wengang.crash.at names a point,
 * the run dies there as if killed (an Error nobody catches). For concurrency tests:
 * {@link #rendezvous}. Never set in production.
 */
public final class FaultInjection {
    public static final String PROPERTY = "wengang.crash.at";

    private FaultInjection() {}

    /**
     * For kill tests in a separate JVM: when wengang.kill.at names a point, the process is
     * halted there ({@link Runtime#halt}: no finally blocks, no shutdown hooks, as SIGKILL),
     * or wengang.kill.afterMillis later, wherever the run then is (inside a Delta commit, half
     * through a file).
     */
    public static final String KILL = "wengang.kill.at";
    public static final String KILL_AFTER_MILLIS = "wengang.kill.afterMillis";
    /** The exit status of a halted run (as a shell reports a SIGKILL). */
    public static final int KILLED = 137;

    public static void point(String name) {
        if (name.equals(System.getProperty(PROPERTY))) {
            throw new SimulatedCrash(name);
        }
        if (name.equals(System.getProperty(KILL))) {
            long after = Long.getLong(KILL_AFTER_MILLIS, 0L);
            if (after <= 0) {
                Runtime.getRuntime().halt(KILLED);
            }
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(after);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(KILLED);
            }, "wengang-kill");
            killer.setDaemon(true);
            killer.start();
        }
    }

    /** Points where runs of a concurrency test wait for each other: wengang.rendezvous.at=NAME. */
    public static final String RENDEZVOUS = "wengang.rendezvous.at";
    /** The folder where each waiting run leaves a marker (wengang.rendezvous.dir). */
    public static final String RENDEZVOUS_DIR = "wengang.rendezvous.dir";
    /** How many runs meet there (wengang.rendezvous.parties, default 2). */
    public static final String RENDEZVOUS_PARTIES = "wengang.rendezvous.parties";

    /**
     * Test hook for concurrency tests: when wengang.rendezvous.at names this point, the run
     * leaves a marker in wengang.rendezvous.dir and waits (at most 2 minutes) until every
     * party has arrived, so separate JVMs reach, say, the ledger commit together.
     */
    public static void rendezvous(String name) {
        if (!name.equals(System.getProperty(RENDEZVOUS))) {
            return;
        }
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty(RENDEZVOUS_DIR));
        int parties = Integer.parseInt(System.getProperty(RENDEZVOUS_PARTIES, "2"));
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.createFile(dir.resolve(name + "." + ProcessHandle.current().pid()));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                try (var markers = java.nio.file.Files.list(dir)) {
                    if (markers.filter(p -> p.getFileName().toString().startsWith(name + ".")).count() >= parties) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class SimulatedCrash extends Error {
        public SimulatedCrash(String point) {
            super("simulated crash at " + point);
        }
    }
}
