package wengang.cli;

import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import wengang.engine.EngineSettings;

/**
 * The root command. It owns the one SparkSession of a run, built on first use so
 * that --help and argument errors never start Spark.
 */
@Command(name = "wengang", mixinStandardHelpOptions = true, version = "wengang 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        header = "稳岗 wengang: verify Guangzhou's employment-stabilisation subsidies for poverty-alleviated workers.",
        description = {"Ingests social-insurance contributions and the poverty-alleviation registry into a Delta warehouse, decides each claim month by month (policy rules P1-P19 of conf/policies/), writes per-district payment files that are safe to re-run, screens for fraud and reports target fulfilment.",
            "",
            "First steps:  wengang demo                      (a small generated province, end to end)",
            "              wengang run --input DIR --cycle 2024-01 --out DIR"},
        footer = {"", "Each command has its own help: wengang <command> --help.",
            "Exit codes: 0 ok, 1 failure, 2 bad command line, 3 input folder breaks the contract,",
            "            4 another run was writing the same warehouse (nothing paid twice: run again)."},
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            IngestCommand.class,
            RunCommand.class,
            VerifyCommand.class,
            AuditCommand.class,
            ExplainCommand.class,
            FlagsCommand.class,
            ServeCommand.class,
            ReviewersCommand.class,
            SqlCommand.class,
            NotebookCommand.class,
            MaintainCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class WengangCommand implements Runnable {
    @Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<EngineSettings, SparkSession> sessionFactory;
    private SparkSession session;

    public WengangCommand(Function<EngineSettings, SparkSession> sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The run's SparkSession, started on first call. */
    public synchronized SparkSession spark() {
        if (session == null) {
            session = sessionFactory.apply(EngineSettings.load(engine.master, engine.conf));
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }

    public synchronized void stop() {
        if (session != null) {
            wengang.engine.Materialised.removeCheckpoints(session);
            session.stop();
            session = null;
        }
    }

    /**
     * Everything written to stderr (logs, progress, error lines, Spark's own messages) goes
     * through {@link wengang.schemas.PersonalData}: a resident ID or card number in it is shown
     * masked, or as its keyed pseudonym when a key is configured. Called first by the entry points.
     */
    public static void maskStandardError() {
        System.setErr(new java.io.PrintStream(wengang.schemas.PersonalData.configured()
                .maskingStream(new java.io.FileOutputStream(java.io.FileDescriptor.err)), true,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A command line wired to this root, with wengang's exit codes. */
    public static CommandLine commandLine(WengangCommand root) {
        CommandLine cl = new CommandLine(root);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> Failures.report(ex, line.getErr(), root.engine.verbose));
        return cl;
    }
}
