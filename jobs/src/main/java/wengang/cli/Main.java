package wengang.cli;

import wengang.engine.SparkSessions;

/** Entry point of bin/wengang: an embedded Spark (local[*] unless --master says otherwise). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        WengangCommand.maskStandardError();
        WengangCommand root = new WengangCommand(SparkSessions::embedded);
        int code;
        try {
            code = WengangCommand.commandLine(root).execute(args);
        } finally {
            root.stop();
        }
        System.exit(code);
    }
}
