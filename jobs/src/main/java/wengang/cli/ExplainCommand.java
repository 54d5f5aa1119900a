package wengang.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
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
import wengang.decision.Explanations.RowUse;
import wengang.eligibility.MonthEligibility;
import wengang.engine.Warehouse;
import wengang.policy.Rules;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.schemas.Tables;

/**
 * Reads what a cycle wrote (the cycle's partition of the gold tables, filtered on the claim
 * or the person) and the person's contribution rows at the bronze version the cycle recorded
 * (P5): it never recomputes the cycle, and no read goes beyond one claim_id or person_id
 * (besides the cycle's row of meta/cycle_runs).
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Say, month by month, why a claim or a person got what it got at a cycle: the decision, the rule and its seed paragraph, the facts of the month (paying unit, district, spell) and the contribution rows used (with their input line numbers).",
            "It reads what the cycle recorded (its decisions, and the contributions table at the version the cycle read), only for that claim and person; it does not recompute the cycle. Rows used are the ones the cycle could see (P5: PAID before the cycle's first day, or not PAID) of the months it decides (up to the month before the cycle). Rows of those months paid on or after the first day are listed apart, marked NOT VISIBLE; rows of later months are only counted.",
            "",
            "Examples:  wengang explain --warehouse wh --claim C00000097",
            "           wengang explain --warehouse wh --person 520402199001011234 --cycle 2024-01"})
public final class ExplainCommand implements Callable<Integer> {
    private static final String CONTRIBUTIONS = Tables.CONTRIBUTIONS.name();
    /**
     * Every read here returns a few rows: compiling generated code costs more than it saves
     * (demo, 2 cores: about 15% of the CPU time of a call). Settings given with --conf, or by
     * the cluster, win.
     */
    private static final Map<String, String> FEW_ROWS = Map.of(
            "spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN");

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
        FEW_ROWS.forEach((key, value) -> {
            if (!spark.conf().contains(key)) {
                spark.conf().set(key, value);
            }
        });
        Warehouse w = warehouse.open(spark);
        CycleRuns.Run run = CycleRuns.latestRun(spark, w, cycle).orElseThrow(() -> new IllegalArgumentException(cycle == null
                ? "no cycle was run on warehouse " + w.root() + " yet"
                : "cycle " + Months.formatDashed(cycle) + " was never run on " + w.root()));
        int c = run.cycle();
        Rules rules = policyOption.load(spark).rulesAt(c);
        String who = claim == null ? person : explainClaim(spark, w, c, rules, out);
        explainPersonMonths(spark, w, c, who, rules, out);
        explainContributions(spark, w, c, who, run.inputVersions().getOrDefault(CONTRIBUTIONS, -1L), out);
        out.flush();
        return ExitCode.OK;
    }

    /** The claim's decision and months; returns the worker's person_id. */
    private String explainClaim(SparkSession spark, Warehouse w, int c, Rules rules, PrintWriter out) {
        Column thisClaim = col(Columns.CLAIM_ID).equalTo(claim);
        List<Row> decision = gold(spark, w, "claim_decisions", c, thisClaim).collectAsList();
        if (decision.isEmpty()) {
            throw new IllegalArgumentException("claim " + claim + " was not decided at cycle " + Months.formatDashed(c)
                    + " (not a CITY_2023 claim submitted before the cycle, or unknown)");
        }
        Row d = decision.get(0);
        String who = d.getAs(Columns.PERSON_ID);
        out.printf("claim %s at cycle %s: %s %s, approved %s%s%n", claim, Months.formatDashed(c),
                d.getAs(Columns.SUBSIDY), d.getAs(Columns.DECISION), d.getAs(Columns.APPROVED_AMOUNT),
                blank(d.getAs(Columns.REASONS)) ? "" : " (" + d.getAs(Columns.REASONS) + ")");
        out.printf("  worker %s, claimant %s, filed at district %s%n", who, d.getAs(Columns.CLAIMANT_ID),
                d.getAs(Columns.DISTRICT));
        for (Row m : byMonth(gold(spark, w, "claim_months", c, thisClaim).collectAsList())) {
            out.printf("  %s %-8s %10s  %s%n", m.getAs(Columns.MONTH), m.getAs(Columns.STATUS),
                    m.getAs(Columns.AMOUNT), describe(m.getAs(Columns.REASON), rules));
        }
        return who;
    }

    private static void explainPersonMonths(SparkSession spark, Warehouse w, int c, String who, Rules rules, PrintWriter out) {
        out.printf("%nperson %s at cycle %s (months with a visible PAID contribution):%n", who, Months.formatDashed(c));
        List<Row> months = byMonth(gold(spark, w, "month_eligibility", c, col(Columns.PERSON_ID).equalTo(who)).collectAsList());
        if (months.isEmpty()) {
            out.println("  (none)");
        }
        for (Row m : months) {
            out.printf("  %s %-8s unit %s district %s spell %s..%s (%s, %s months) SI %s  %s%n",
                    m.getAs(Columns.MONTH), m.getAs(Columns.STATUS), m.getAs("unit_id"), m.getAs(Columns.DISTRICT),
                    m.getAs("spell_start"), m.getAs("spell_end"), m.getAs("spell_kind"), m.getAs("spell_months"),
                    m.getAs("si_amount"), describe(m.getAs(Columns.REASON), rules));
        }
    }

    /** The person's rows at the version the cycle read, split by {@link Explanations#contributionUse}. */
    private static void explainContributions(SparkSession spark, Warehouse w, int c, String who, long version,
                                             PrintWriter out) {
        if (version < 0) {
            throw new IllegalArgumentException("cycle " + Months.formatDashed(c) + " recorded no contributions version");
        }
        // the person filter sits right on the time-travelled scan: Delta skips files, Parquet row groups
        Dataset<Row> personRows = Warehouse.readVersion(spark, w.bronze(CONTRIBUTIONS), version)
                .filter(col(Columns.PERSON_ID).equalTo(who));
        Map<RowUse, List<Row>> byUse = new EnumMap<>(RowUse.class);
        for (RowUse use : RowUse.values()) {
            byUse.put(use, new ArrayList<>());
        }
        for (Row r : Explanations.contributionUse(personRows, c).collectAsList()) {
            byUse.get(RowUse.valueOf(r.getAs(Explanations.ROW_USE))).add(r);
        }
        String cycleText = Months.formatDashed(c);
        String firstDay = Months.firstDay(c).toString();
        int lastDecided = MonthEligibility.lastDecidedMonth(c);
        out.printf("%ncontribution rows used: visible at cycle %s (PAID before %s, or not PAID), months up to %s"
                + " (contributions table version %s):%n", cycleText, firstDay, lastDecided, version);
        if (byUse.get(RowUse.USED).isEmpty()) {
            out.println("  (none)");
        }
        for (Row r : sorted(byUse.get(RowUse.USED))) {
            out.printf("  %s: %s%n", inputLine(r), contribution(r));
        }
        List<Row> late = byUse.get(RowUse.NOT_VISIBLE);
        if (!late.isEmpty()) {
            out.printf("%ncontribution rows NOT VISIBLE at cycle %s, not used: PAID on or after %s (a later cycle sees them):%n",
                    cycleText, firstDay);
            for (Row r : sorted(late)) {
                out.printf("  %s NOT VISIBLE at %s: %s%n", inputLine(r), cycleText, contribution(r));
            }
        }
        int later = byUse.get(RowUse.LATER_MONTH).size();
        if (later > 0) {
            out.printf("%n%d contribution row(s) of months after %s not listed: cycle %s decides months up to %s.%n",
                    later, lastDecided, cycleText, lastDecided);
        }
    }

    /** "line 12", and the delivery when the row came in an increment ("line 3 of increment-202312/contributions.csv"). */
    private static String inputLine(Row r) {
        String file = java.util.Arrays.asList(r.schema().fieldNames()).contains("source_file") ? r.getAs("source_file") : null;
        return "line " + r.getAs("source_line") + (file != null && file.contains("/") ? " of " + file : "");
    }

    private static String contribution(Row r) {
        return String.format("%s %s %s paid_on %s at %s (%s) base %s personal %s", r.getAs(Columns.MONTH),
                r.getAs(Columns.INSURANCE_TYPE), r.getAs(Columns.PAY_STATUS), r.getAs(Columns.PAID_ON),
                r.getAs(Columns.EMPLOYER_ID), r.getAs(Columns.STAFF_TYPE), r.getAs(Columns.BASE),
                r.getAs(Columns.PERSONAL_AMOUNT));
    }

    /** One cycle's partition of a gold table, filtered on a claim or a person. */
    private static Dataset<Row> gold(SparkSession spark, Warehouse w, String table, int cycle, Column key) {
        return Warehouse.read(spark, w.gold(table)).filter(col(Columns.CYCLE).equalTo(cycle).and(key));
    }

    // a few rows per claim or person: sorted here, no shuffle for them
    private static List<Row> byMonth(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(r -> r.<Integer>getAs(Columns.MONTH)));
        return sorted;
    }

    private static List<Row> sorted(List<Row> contributions) {
        List<Row> sorted = new ArrayList<>(contributions);
        sorted.sort(Comparator.<Row, Integer>comparing(r -> r.getAs(Columns.MONTH))
                .thenComparing(r -> r.<String>getAs(Columns.INSURANCE_TYPE))
                .thenComparing(r -> r.<Long>getAs("source_line")));
        return sorted;
    }

    private static String describe(String reason, Rules rules) {
        Explanations.Explanation e = Explanations.of(reason, rules);
        return e == null ? "" : reason + ": " + e.meaning() + " [" + e.rule() + ", " + e.source() + "]";
    }

    private static boolean blank(Object s) {
        return s == null || s.toString().isEmpty();
    }
}
