package wengang.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.cycle.CycleRuns;
import wengang.cycle.CycleSummary;
import wengang.cycle.VerificationCycle;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.policy.Policy;
import wengang.schemas.Months;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one verification cycle on an already-ingested warehouse (no ingest). With --replay, read the input tables at the versions the last run of this cycle recorded (Delta time travel), so the cycle's files are rebuilt exactly even after newer data was ingested.",
            "",
            "",
            "A cycle keeps the registry and claims persons' contribution rows between cycles (silver/person_contributions) and updates them from the fee months that changed since (a new month, back-payments), so a new month does not re-read the whole history; --full-recompute rebuilds them.",
            "",
            "Example:  wengang verify --cycle 2024-01 --out out/2024-01 --warehouse wh --replay"})
public final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Option(names = "--cycle", required = true, paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The verification cycle.")
    int cycle;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: a local or Hadoop path.")
    String out;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Option(names = "--replay", description = "Read the table versions recorded by the last run of this cycle.")
    boolean replay;

    @Option(names = "--full-recompute", description = {
        "Rebuild the kept per-person state (silver/person_contributions) from every bronze contribution row instead of "
            + "updating it from the fee months that changed since the last cycle. The files are the same either way; "
            + "use it to check that, or after restoring a warehouse from backup."})
    boolean fullRecompute;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Override
    public Integer call() throws Exception {
        Warehouse w = warehouse.open(root.spark());
        Policy policy = policyOption.load(root.spark());
        Map<String, Long> versions = null;
        if (replay) {
            versions = CycleRuns.recordedVersions(root.spark(), w, cycle).orElseThrow(() -> new IllegalArgumentException(
                    "--replay: cycle " + Months.formatDashed(cycle) + " was never run on warehouse " + w.root()));
        }
        if (fullRecompute) {
            root.spark().conf().set(wengang.cycle.PersonContributions.FULL_RECOMPUTE, "true");
        }
        root.spark().conf().set(CycleRuns.RUN_KIND, replay ? "verify --replay" : "verify");
        try {
            CycleSummary summary = VerificationCycle.run(root.spark(), w, policy, cycle, Location.of(root.spark(), out), versions);
            System.out.println(summary.text());
        } finally {
            root.spark().conf().unset(CycleRuns.RUN_KIND);
        }
        return ExitCode.OK;
    }
}
