package wengang.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import wengang.cycle.CycleRuns;
import wengang.decision.Explanations;
import wengang.engine.Warehouse;
import wengang.policy.Rules;
import wengang.schemas.Columns;
import wengang.schemas.Months;

@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Say, month by month, why a claim or a person got what it got at a cycle: the decision, the rule and its seed paragraph, the facts of the month (paying unit, district, spell) and the contribution rows used (with their input line numbers).",
            "",
            "Examples:  wengang explain --warehouse wh --claim C00000097",
            "           wengang explain --warehouse wh --person 520402199001011234 --cycle 2024-01"})
public final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    WengangCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--claim", paramLabel = "ID", description = "A claim_id.")
    String claim;

    @Option(names = "--person", paramLabel = "ID", description = "A person_id.")
    String person;

    @Option(names = "--cycle", paramLabel = "yyyy-MM", converter = CycleConverter.class,
            description = "The cycle (default: the latest cycle run on this warehouse).")
    Integer cycle;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Mixin
    WarehouseOption warehouse = new WarehouseOption();

    @Override
    public Integer call() {
        if ((claim == null) == (person == null)) {
            throw new IllegalArgumentException("explain needs exactly one of --claim ID or --person ID");
        }
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = root.spark();
        Warehouse w = new Warehouse(warehouse.path());
        int c = cycle != null ? cycle : CycleRuns.latestCycle(spark, w).orElseThrow(() ->
                new IllegalArgumentException("no cycle was run on warehouse " + w.root() + " yet"));
        Map<String, Long> versions = CycleRuns.recordedVersions(spark, w, c).orElseThrow(() ->
                new IllegalArgumentException("cycle " + Months.formatDashed(c) + " was never run on " + w.root()));
        Rules rules = policyOption.load().rulesAt(c);
        String who = person;
        if (claim != null) {
            List<Row> decision = gold(spark, w, "claim_decisions", c).filter(col(Columns.CLAIM_ID).equalTo(claim)).collectAsList();
            if (decision.isEmpty()) {
                throw new IllegalArgumentException("claim " + claim + " was not decided at cycle " + Months.formatDashed(c)
                        + " (not a CITY_2023 claim submitted before the cycle, or unknown)");
            }
            Row d = decision.get(0);
            who = d.getAs(Columns.PERSON_ID);
            out.printf("claim %s at cycle %s: %s %s, approved %s%s%n", claim, Months.formatDashed(c),
                    d.getAs(Columns.SUBSIDY), d.getAs(Columns.DECISION), d.getAs(Columns.APPROVED_AMOUNT),
                    blank(d.getAs(Columns.REASONS)) ? "" : " (" + d.getAs(Columns.REASONS) + ")");
            out.printf("  worker %s, claimant %s, filed at district %s%n", who, d.getAs(Columns.CLAIMANT_ID),
                    d.getAs(Columns.DISTRICT));
            for (Row m : gold(spark, w, "claim_months", c).filter(col(Columns.CLAIM_ID).equalTo(claim))
                    .orderBy(Columns.MONTH).collectAsList()) {
                String reason = m.getAs(Columns.REASON);
                out.printf("  %s %-8s %10s  %s%n", m.getAs(Columns.MONTH), m.getAs(Columns.STATUS),
                        m.getAs(Columns.AMOUNT), describe(reason, rules));
            }
        }
        out.printf("%nperson %s at cycle %s (months with a visible PAID contribution):%n", who, Months.formatDashed(c));
        Dataset<Row> months = gold(spark, w, "month_eligibility", c).filter(col(Columns.PERSON_ID).equalTo(who))
                .orderBy(Columns.MONTH);
        for (Row m : months.collectAsList()) {
            out.printf("  %s %-8s unit %s district %s spell %s..%s (%s, %s months) SI %s  %s%n",
                    m.getAs(Columns.MONTH), m.getAs(Columns.STATUS), m.getAs("unit_id"), m.getAs(Columns.DISTRICT),
                    m.getAs("spell_start"), m.getAs("spell_end"), m.getAs("spell_kind"), m.getAs("spell_months"),
                    m.getAs("si_amount"), describe(m.getAs(Columns.REASON), rules));
        }
        out.printf("%ncontribution rows used (contributions table version %s):%n", versions.get("contributions"));
        Dataset<Row> rows = Warehouse.readVersion(spark, w.bronze("contributions"), versions.get("contributions"))
                .filter(col(Columns.PERSON_ID).equalTo(who)).orderBy(Columns.MONTH, Columns.INSURANCE_TYPE);
        for (Row r : rows.collectAsList()) {
            out.printf("  line %s: %s %s %s paid_on %s at %s (%s) base %s personal %s%n", r.getAs("source_line"),
                    r.getAs(Columns.MONTH), r.getAs(Columns.INSURANCE_TYPE), r.getAs(Columns.PAY_STATUS),
                    r.getAs(Columns.PAID_ON), r.getAs(Columns.EMPLOYER_ID), r.getAs(Columns.STAFF_TYPE),
                    r.getAs(Columns.BASE), r.getAs(Columns.PERSONAL_AMOUNT));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Dataset<Row> gold(SparkSession spark, Warehouse w, String table, int cycle) {
        return Warehouse.read(spark, w.gold(table)).filter(col(Columns.CYCLE).equalTo(cycle));
    }

    private static String describe(String reason, Rules rules) {
        Explanations.Explanation e = Explanations.of(reason, rules);
        return e == null ? "" : reason + ": " + e.meaning() + " [" + e.rule() + ", " + e.source() + "]";
    }

    private static boolean blank(Object s) {
        return s == null || s.toString().isEmpty();
    }
}
