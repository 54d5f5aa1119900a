package wengang.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import wengang.engine.Maintenance;
import wengang.engine.Warehouse;

@Command(name = "maintain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Storage upkeep: keep the table versions of the retention period and remove older files (Delta VACUUM on every table of the warehouse). Every cycle run within the period stays reproducible with `verify --replay`; the retention is " + Maintenance.RETENTION_DAYS + " in conf/wengang.conf (400 days: a year of monthly cycles and their appeals).",
            "",
            "Run it after a month's cycle, not during one (a cycle reading an old version while its files go would fail, and can be re-run).",
            "",
            "Examples:",
            "  wengang maintain --warehouse wh --dry-run",
            "  wengang maintain --warehouse wh"})
public final class MaintainCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Option(names = "--retention-days", paramLabel = "DAYS",
            description = "Keep this many days of versions instead of " + Maintenance.RETENTION_DAYS + " (at least "
                    + Maintenance.MIN_RETENTION_DAYS + ").")
    Integer retentionDays;

    @Option(names = "--dry-run", description = "Only count the files that would be removed.")
    boolean dryRun;

    @Override
    public Integer call() {
        Integer days = retentionDays;
        if (days == null) {
            String configured = root.spark().conf().get(Maintenance.RETENTION_DAYS, null);
            if (configured == null) {
                throw new ParameterException(spec.commandLine(), "no retention: give --retention-days DAYS or set "
                        + Maintenance.RETENTION_DAYS + " (conf/wengang.conf)");
            }
            days = Integer.parseInt(configured.trim());
        }
        if (days < Maintenance.MIN_RETENTION_DAYS) {
            throw new ParameterException(spec.commandLine(), "--retention-days " + days + " is too short: at least "
                    + Maintenance.MIN_RETENTION_DAYS + " days (Delta refuses less)");
        }
        Warehouse w = warehouse.open(root.spark());
        List<Maintenance.TableUpkeep> done = Maintenance.run(root.spark(), w, days, dryRun);
        long files = 0;
        for (Maintenance.TableUpkeep t : done) {
            spec.commandLine().getOut().printf("%-32s %8d files %s%n", t.table(), t.filesRemoved(),
                    dryRun ? "would be removed" : "removed");
            files += t.filesRemoved();
        }
        spec.commandLine().getOut().printf("%d tables, %d files %s; versions of the last %d days kept%n", done.size(),
                files, dryRun ? "would be removed" : "removed", days);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
