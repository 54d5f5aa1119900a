package wengang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.cycle.CycleSummary;
import wengang.cycle.VerificationCycle;
import wengang.engine.Warehouse;
import wengang.ingest.IngestJob;
import wengang.ingest.IngestReport;
import wengang.policy.Policy;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ingest an input folder and run one verification cycle: claim decisions, payment files (January, April, July, October), flags, fulfilment, rejects, all under --out. Pass the same --warehouse to chain cycles: its ledger carries what was paid.",
            "",
            "Example:  wengang run --input data/2024-01 --cycle 2024-01 --out out/2024-01 --warehouse wh"},
        footer = {"", "Outputs under --out: claim_decisions.csv, claim_months.csv, payments/<district>.csv and payments/manifest.json (payment cycles), adjustments.csv, flags.csv, eligible_unclaimed.csv, fulfilment.csv, fulfilment_monthly.csv, risk_units.csv, alerts.csv, rejects.csv, and report.html (the analysts' charts; opens offline in a browser)."})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The input folder (a full snapshot).")
    Path input;

    @Option(names = "--cycle", required = true, paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The verification cycle (a month): sees data paid and submitted before its first day, decides months up to the month before.")
    int cycle;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Delta warehouse (default: <out>/warehouse).")
    Path warehouse;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET", description = "CSV encoding: UTF-8 (default) or GBK. A file mostly not valid in it stops the run (exit 3) before anything is written.")
    String encoding;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Override
    public Integer call() throws Exception {
        Path outDir = out.toAbsolutePath().normalize();
        Warehouse w = new Warehouse(warehouse != null ? warehouse : outDir.resolve("warehouse"));
        Policy policy = policyOption.load();
        IngestReport report = IngestJob.run(root.spark(), input.toAbsolutePath().normalize(), IngestJob.charset(encoding), w);
        System.out.println(report.summaryText());
        CycleSummary summary = VerificationCycle.run(root.spark(), w, policy, cycle, outDir, null);
        System.out.println(summary.text());
        return ExitCode.OK;
    }
}
