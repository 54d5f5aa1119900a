package wengang.cli;

/** Exit codes of every wengang command. */
public final class ExitCode {
    public static final int OK = 0;
    /** Something failed while running (the message says what). */
    public static final int FAILURE = 1;
    /** The command line was wrong (picocli prints the usage). */
    public static final int USAGE = 2;
    /** The input folder breaks the contract: a required file or column is missing, or a file is not in --encoding. */
    public static final int BAD_INPUT = 3;
    /** Another run wrote the same warehouse at the same time; Delta stopped this one. Run it again. */
    public static final int CONCURRENT_RUN = 4;

    private ExitCode() {}
}
