package wengang.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.cycle.CycleSummary;
import wengang.cycle.VerificationCycle;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.generate.GeneratorOptions;
import wengang.generate.GeneratorReport;
import wengang.generate.ProvinceGenerator;
import wengang.ingest.IngestJob;
import wengang.ingest.IngestReport;
import wengang.policy.Policy;
import wengang.policy.PolicyLoader;
import wengang.schemas.Months;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a small province, ingest it and run verification cycles on one warehouse (by default 2024-01, a payment cycle, then 2024-04), then print a summary and where the outputs are. Nothing to prepare.",
            "",
            "Example:  wengang demo --dir demo --persons 2000"})
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--dir", defaultValue = "demo", paramLabel = "DIR",
            description = "Where the demo writes its input, warehouse and outputs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--persons", defaultValue = "2000", description = "Workers to generate (default ${DEFAULT-VALUE}).")
    long persons;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cycles", split = ",", paramLabel = "yyyy-MM", converter = CycleConverter.class,
            defaultValue = "2024-01,2024-04", description = "Cycles to run, in order (default: ${DEFAULT-VALUE}).")
    List<Integer> cycles;

    @Override
    public Integer call() throws Exception {
        Path base = dir.toAbsolutePath().normalize();
        Path input = base.resolve("input");
        Warehouse w = new Warehouse(Location.local(base.resolve("warehouse")));
        Policy policy = PolicyLoader.loadDefault();

        GeneratorReport generated = ProvinceGenerator.generate(root.spark(),
                new GeneratorOptions(persons, seed, input, GeneratorOptions.CSV));
        System.out.println(generated.summary());
        IngestReport ingested = IngestJob.run(root.spark(), Location.local(input), IngestJob.charset("UTF-8"), w);
        System.out.println(ingested.summaryText());
        List<Path> outs = new ArrayList<>();
        for (int cycle : cycles) {
            Path out = base.resolve("out").resolve(Months.formatDashed(cycle));
            CycleSummary summary = VerificationCycle.run(root.spark(), w, policy, cycle, Location.local(out), null);
            System.out.println(summary.text());
            outs.add(out);
        }
        System.out.println();
        System.out.println(closingText(outs));
        System.out.println("Ask why: bin/wengang explain --warehouse " + w.root() + " --claim <claim_id>");
        System.out.println("Injected anomalies and what they should produce: " + input.resolve("ground_truth.csv"));
        System.out.println(reportText(outs));
        return ExitCode.OK;
    }

    /** The last line of the demo: where the analysts' report of the last cycle is. */
    static String reportText(List<Path> cycleOuts) {
        Path last = cycleOuts.get(cycleOuts.size() - 1).toAbsolutePath();
        return "Analysts' report (charts; opens offline in a browser): " + last.resolve(wengang.report.AnalystReport.FILE);
    }

    /** Where each cycle's outputs are (one folder per cycle, {@code out/<cycle>/}) and what to open first. */
    static String closingText(List<Path> cycleOuts) {
        StringBuilder text = new StringBuilder("Outputs, one folder per cycle:");
        for (Path out : cycleOuts) {
            text.append(System.lineSeparator()).append("  ").append(out);
            if (Files.isDirectory(out.resolve("payments"))) {
                text.append("  (payment cycle: payments/<district>.csv)");
            }
        }
        return text.append(System.lineSeparator())
                .append("Open in each: claim_decisions.csv (one line per claim), claim_months.csv (why, month by month),"
                        + " flags.csv, fulfilment.csv, fulfilment_monthly.csv, alerts.csv, report.html.")
                .toString();
    }
}
