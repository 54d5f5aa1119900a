package wengang.cli;

import static org.apache.spark.sql.functions.*;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.screening.Reviews;
import wengang.screening.StoredFlags;

/** `wengang flags list`: the flags of one cycle with their latest review. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the flags one cycle raised, with the latest review of each (CONFIRMED, DISMISSED or none).",
            "One line per flag: flag_id, severity, rule, subject, group, review, then the evidence.",
            "",
            "Example:  wengang flags list --cycle 2024-01 --rule SHARED_ACCOUNT --warehouse wh"})
public final class FlagsListCommand implements Callable<Integer> {
    @ParentCommand
    FlagsCommand flags;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cycle", paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The cycle (default: the latest cycle that stored flags).")
    Integer cycle;

    @Option(names = "--rule", paramLabel = "RULE", description = "Only this rule, e.g. SHARED_ACCOUNT.")
    String rule;

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Override
    public Integer call() {
        SparkSession spark = flags.root.spark();
        Warehouse w = warehouse.open(spark);
        Dataset<Row> all = StoredFlags.read(spark, w);
        Integer c = cycle;
        if (c == null) {
            Row latest = all.agg(max(Columns.CYCLE)).first();
            if (latest.isNullAt(0)) {
                throw new IllegalArgumentException("warehouse " + w.root() + " holds no flags yet: run a cycle first");
            }
            c = latest.getInt(0);
        }
        Dataset<Row> shown = all.filter(col(Columns.CYCLE).equalTo(c));
        if (rule != null) {
            shown = shown.filter(col(Columns.RULE).equalTo(rule.trim().toUpperCase(java.util.Locale.ROOT)));
        }
        Dataset<Row> reviews = Reviews.latest(Reviews.read(spark, w, -1))
                .select(col(Columns.FLAG_ID).as("_rf"), col(Columns.DECISION).as("_review"));
        List<Row> rows = shown.join(reviews, col(Columns.FLAG_ID).equalTo(col("_rf")), "left")
                .select(col(Columns.FLAG_ID), col(Columns.SEVERITY), col(Columns.RULE), col(Columns.SUBJECT_TYPE),
                        col(Columns.SUBJECT_ID), col(Columns.GROUP_ID), col(Columns.GROUP_SIZE),
                        coalesce(col("_review"), lit("-")), col(Columns.EVIDENCE))
                .orderBy(Columns.RULE, Columns.SUBJECT_TYPE, Columns.SUBJECT_ID)
                .collectAsList();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("cycle %s: %d flag(s)%s%n", Months.formatDashed(c), rows.size(), rule == null ? "" : " of rule " + rule);
        for (Row r : rows) {
            out.printf("%s  %-6s %-22s %s %s  group %s (%d)  review %s%n    %s%n", r.getString(0), r.getString(1),
                    r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.isNullAt(6) ? 0 : r.getInt(6),
                    r.getString(7), r.getString(8));
        }
        out.flush();
        return ExitCode.OK;
    }
}
