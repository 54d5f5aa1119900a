package wengang.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.engine.Warehouse;
import wengang.schemas.Months;
import wengang.serve.NodeTokens;
import wengang.serve.ReviewersFile;
import wengang.serve.ServeSettings;
import wengang.serve.Sessions;
import wengang.serve.Workbench;
import wengang.serve.WorkbenchServer;

/** `wengang serve`: the review workbench in the browser. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the review workbench: a web application for fraud screeners on this warehouse.",
            "",
            "Pages: the queue of a cycle's flags (filter by rule, severity, district, review status; sorted by risk; "
                    + "counts per rule); a flag with its evidence (claims with their months and decisions, contribution "
                    + "rows with their input lines, cards, units, accounts), each person's months as the cycle decided "
                    + "them, earlier decisions; its linked group as a graph (click a node for its flags); and a "
                    + "decision form (CONFIRMED / DISMISSED with a note) that shows which months a CONFIRMED holds.",
            "A decision is recorded exactly as `wengang flags review` records it (gold/reviews), under the signed-in "
                    + "reviewer's name; it takes effect in the next cycle.",
            "",
            "Reviewers sign in with a password kept in the reviewers file (conf/serve.properties: reviewers_file, or "
                    + "$WENGANG_REVIEWERS, or --reviewers); add one with `wengang reviewers add NAME`. Sessions end "
                    + "after conf/serve.properties' idle and maximum times. The warehouse is read at start and when a "
                    + "reviewer presses Refresh data.",
            "",
            "Example:  wengang reviewers add li",
            "          wengang serve --warehouse wh             (then open http://127.0.0.1:8080/)"},
        footer = {"", "It listens on 127.0.0.1 unless --bind says otherwise; it speaks plain HTTP, so bind another "
                + "address only behind a TLS proxy. Ctrl-C stops it.",
            "Exit codes: 0 stopped, 2 bad command line, no reviewers, or a warehouse without flags."})
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--reviewers", paramLabel = "FILE",
            description = "Reviewers file (default: $WENGANG_REVIEWERS, else reviewers_file of conf/serve.properties).")
    Path reviewersFile;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, not " + port);
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + " is not an address of this machine");
        }
        ServeSettings settings = ServeSettings.load(reviewersFile);
        ReviewersFile reviewers = new ReviewersFile(settings.reviewersFile());
        if (reviewers.names().isEmpty()) {
            throw new IllegalArgumentException("no reviewer can sign in: " + settings.reviewersFile() + " lists none. Add one "
                    + "with `wengang reviewers add NAME` (same --reviewers), then serve again.");
        }
        Warehouse w = warehouse.open(root.spark());
        Workbench workbench = new Workbench(root.spark(), w, policyOption.load(root.spark()), new NodeTokens());
        workbench.refresh();
        Sessions sessions = new Sessions(settings.sessionIdle(), settings.sessionMax(), Clock.systemUTC());
        WorkbenchServer server = new WorkbenchServer(workbench, reviewers, sessions);
        int actual = server.start(bind, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "wengang-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("review workbench: http://%s:%d/  (warehouse %s; cycles %s; %d reviewer(s) in %s)%n",
                bind.contains(":") ? "[" + bind + "]" : bind, actual, w.root(),
                workbench.cycles().stream().map(Months::formatDashed).toList(), reviewers.names().size(),
                settings.reviewersFile());
        if (!loopback) {
            out.println("warning: listening on " + bind + " in plain HTTP: put a TLS proxy in front before anyone signs in "
                    + "from another machine");
        }
        out.println("Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
