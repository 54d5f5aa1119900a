package wengang.report;

import static org.apache.spark.sql.functions.*;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.eligibility.MonthEligibility;
import wengang.eligibility.MonthColumns;
import wengang.eligibility.PersonMonths;
import wengang.payment.Ledger;
import wengang.policy.Policy;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Columns;
import wengang.schemas.Months;

/**
 * report.html: the analysts' view of a cycle (fulfilment against quotas, decisions,
 * payments per district, reasons, flags, base-enterprise candidates, change since the
 * previous cycle). Aggregates only: it names units and districts, never a person.
 */
public final class AnalystReport {
    public static final String FILE = "report.html";
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new ClasspathLoader()).strictVariables(true).build();

    private AnalystReport() {}

    public static void write(CycleResult r, Dataset<Row> flags, Dataset<Row> entriesOfCycle, Dataset<Row> employers, Policy policy,
                             Map<String, Long> versions, Map<String, BigDecimal> metrics,
                             Map<String, BigDecimal> previous, Path file) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("cycle", Months.formatDashed(r.cycle()));
        ctx.put("policy", policy.label());
        ctx.put("policyTitle", policy.title());
        ctx.put("paymentCycle", r.paymentCycle());
        ctx.put("versions", versions.toString());
        // bar: 100 px = the quota met, capped at 200 px so one city far above its quota stays readable
        ctx.put("fulfilment", rows(r.fulfilment().orderBy(Columns.YEAR, Columns.REGION_CODE)
                        .withColumn("bar_px", least(col(Columns.FULFILMENT_RATIO), lit(2))
                                .multiply(100).cast("int")),
                Columns.YEAR, Columns.REGION_CODE, Columns.REGION_NAME, Columns.EMPLOYED_PERSONS, Columns.TARGET_PERSONS,
                Columns.FULFILMENT_RATIO, "bar_px"));
        ctx.put("decisions", rows(r.claimDecisions().groupBy(Columns.SUBSIDY, Columns.DECISION)
                .agg(count(lit(1)).as("claims"), sum(Columns.APPROVED_AMOUNT).as("approved"))
                .orderBy(Columns.SUBSIDY, Columns.DECISION), Columns.SUBSIDY, Columns.DECISION, "claims", "approved"));
        ctx.put("reasons", rows(r.claimMonths().filter(col(Columns.REASON).isNotNull())
                .groupBy(Columns.REASON, Columns.STATUS).count().orderBy(col("count").desc(), col(Columns.REASON)),
                Columns.REASON, Columns.STATUS, "count"));
        ctx.put("payments", rows(entriesOfCycle.groupBy(Columns.DISTRICT)
                .agg(sum(when(col(Ledger.ENTRY_TYPE).equalTo("PAY"), col(Columns.AMOUNT))).as("pay"),
                        sum(when(col(Ledger.ENTRY_TYPE).equalTo("HELD"), col(Columns.AMOUNT))).as("held"),
                        countDistinct(Columns.CLAIM_ID).as("claims"))
                .orderBy(Columns.DISTRICT), Columns.DISTRICT, "claims", "pay", "held"));
        ctx.put("flags", rows(flags.groupBy(Columns.RULE, Columns.SEVERITY).count().orderBy(Columns.RULE),
                Columns.RULE, Columns.SEVERITY, "count"));
        ctx.put("unclaimed", rows(r.eligibleUnclaimed().groupBy(Columns.DISTRICT)
                .agg(countDistinct(Columns.PERSON_ID).as("persons"), sum(Columns.MONTHS).as("months"),
                        sum(Columns.ESTIMATED_AMOUNT).as("estimate"))
                .orderBy(Columns.DISTRICT), Columns.DISTRICT, "persons", "months", "estimate"));
        ctx.put("baseCandidates", rows(baseEnterpriseCandidates(r.monthEligibility(), employers, r.cycle()),
                "year", Columns.EMPLOYER_ID, Columns.NAME, Columns.DISTRICT, "target_workers"));
        List<Map<String, Object>> changes = new ArrayList<>();
        metrics.forEach((k, v) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("metric", k);
            c.put("value", v.stripTrailingZeros().toPlainString());
            BigDecimal before = previous.get(k);
            c.put("previous", before == null ? "" : before.stripTrailingZeros().toPlainString());
            c.put("change", before == null ? "" : v.subtract(before).stripTrailingZeros().toPlainString());
            changes.add(c);
        });
        ctx.put("metrics", changes);
        ctx.put("previousCycle", previous.containsKey("_cycle")
                ? Months.formatDashed(previous.get("_cycle").intValue()) : "");
        render("wengang/report/report.peb", ctx, file);
    }

    /**
     * P12 (问题十一): the base-enterprise award is decided by a committee; the report lists
     * candidates: per year, the units paying the most target workers (distinct persons with
     * a PAYABLE month at the unit).
     */
    static Dataset<Row> baseEnterpriseCandidates(Dataset<Row> monthEligibility, Dataset<Row> employers, int cycle) {
        Dataset<Row> perUnit = monthEligibility.filter(col(MonthEligibility.STATUS).equalTo(MonthStatus.PAYABLE))
                .groupBy(MonthColumns.yearOf(col(Columns.MONTH)).as("year"), col(PersonMonths.UNIT_ID).as(Columns.EMPLOYER_ID))
                .agg(countDistinct(Columns.PERSON_ID).as("target_workers"));
        Dataset<Row> ranked = perUnit.withColumn("_rank", row_number().over(org.apache.spark.sql.expressions.Window
                .partitionBy("year").orderBy(col("target_workers").desc(), col(Columns.EMPLOYER_ID))))
                .filter(col("_rank").leq(10));
        return ranked.join(employers.select(Columns.EMPLOYER_ID, Columns.NAME, Columns.REGISTERED_DISTRICT), Columns.EMPLOYER_ID)
                .withColumnRenamed(Columns.REGISTERED_DISTRICT, Columns.DISTRICT)
                .orderBy(col("year"), col("_rank"));
    }

    private static List<Map<String, Object>> rows(Dataset<Row> df, String... columns) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : df.select(java.util.Arrays.stream(columns).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                Object v = r.get(i);
                m.put(columns[i], v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v);
            }
            out.add(m);
        }
        return out;
    }

    static void render(String template, Map<String, Object> ctx, Path file) {
        PebbleTemplate t = ENGINE.getTemplate(template);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                wengang.engine.OwnerOnly.create(tmp), StandardCharsets.UTF_8))) {
            t.evaluate(w, ctx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
