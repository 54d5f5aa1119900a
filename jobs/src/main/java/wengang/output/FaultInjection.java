package wengang.output;

/**
 * Test hook for crash tests: when the system property wengang.crash.at names a point,
 * the run dies there as if killed (an Error nobody catches). Never set in production.
 */
public final class FaultInjection {
    public static final String PROPERTY = "wengang.crash.at";

    private FaultInjection() {}

    public static void point(String name) {
        if (name.equals(System.getProperty(PROPERTY))) {
            throw new SimulatedCrash(name);
        }
    }

    public static final class SimulatedCrash extends Error {
        public SimulatedCrash(String point) {
            super("simulated crash at " + point);
        }
    }
}
