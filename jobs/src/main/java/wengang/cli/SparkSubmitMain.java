package wengang.cli;

import wengang.engine.SparkSessions;

/**
 * Entry point for spark-submit: the same commands, but the session is the cluster's
 * (getOrCreate), so master, executors and memory come from spark-submit.
 */
public final class SparkSubmitMain {
    private SparkSubmitMain() {}

    public static void main(String[] args) {
        WengangCommand.maskStandardError();
        WengangCommand root = new WengangCommand(settings -> SparkSessions.submitted());
        int code;
        try {
            code = WengangCommand.commandLine(root).execute(args);
        } finally {
            root.stop();
        }
        System.exit(code);
    }
}
