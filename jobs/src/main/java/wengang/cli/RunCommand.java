package wengang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.cycle.CycleSummary;
import wengang.cycle.VerificationCycle;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.ingest.IngestJob;
import wengang.ingest.IngestReport;
import wengang.output.StagedOutputs;
import wengang.policy.Policy;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ingest an input folder and run one verification cycle: claim decisions, payment files (January, April, July, October), flags, fulfilment, rejects, all under --out. Pass the same --warehouse to chain cycles: its ledger carries what was paid.",
            "",
            "Example:  wengang run --input data/2024-01 --cycle 2024-01 --out out/2024-01 --warehouse wh"},
        footer = {"", "Outputs under --out: claim_decisions.csv, claim_months.csv, payments/<district>.csv and payments/manifest.json (payment cycles), adjustments.csv, flags.csv, eligible_unclaimed.csv, fulfilment.csv, fulfilment_monthly.csv, risk_units.csv, alerts.csv, rejects.csv, and report.html (the analysts' charts; opens offline in a browser)."})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The input folder (a full snapshot): a local or Hadoop path.")
    String input;

    @Option(names = "--cycle", required = true, paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The verification cycle (a month): sees data paid and submitted before its first day, decides months up to the month before.")
    int cycle;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: a local or Hadoop path.")
    String out;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Delta warehouse (default: <out>/warehouse).")
    String warehouse;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET", description = "CSV encoding: UTF-8 (default) or GBK. A file mostly not valid in it stops the run (exit 3) before anything is written.")
    String encoding;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Override
    public Integer call() throws Exception {
        var charset = IngestJob.charset(encoding); // before Spark starts: a bad name is a usage error
        Location outDir = Location.of(root.spark(), out);
        StagedOutputs.requireWritable(outDir); // an --out that cannot be written stops the run before the ingest
        Warehouse w = new Warehouse(warehouse != null ? Location.of(root.spark(), warehouse) : outDir.resolve("warehouse"));
        Policy policy = policyOption.load(root.spark());
        IngestReport report = IngestJob.run(root.spark(), Location.of(root.spark(), input), charset, w);
        System.out.println(report.summaryText());
        CycleSummary summary = VerificationCycle.run(root.spark(), w, policy, cycle, outDir, null);
        System.out.println(summary.text());
        return ExitCode.OK;
    }
}
