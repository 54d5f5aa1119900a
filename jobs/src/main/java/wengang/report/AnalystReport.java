package wengang.report;

import static org.apache.spark.sql.functions.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.eligibility.MonthColumns;
import wengang.eligibility.MonthEligibility;
import wengang.eligibility.PersonMonths;
import wengang.engine.Location;
import wengang.output.Published;
import wengang.payment.Ledger;
import wengang.policy.District;
import wengang.policy.Policy;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.PaymentStatus;
import wengang.schemas.Columns;
import wengang.schemas.Months;

/**
 * report.html: the analysts' view of a cycle, one self-contained page (Apache ECharts is
 * inlined from its WebJar: it opens offline from the file). Charts: fulfilment per city
 * against quota, monthly progress against an even pace, payments per district and subsidy,
 * claims by decision, top reasons, flags by rule, riskiest units, rejects by reason; tables
 * of the same with alerts, base-enterprise candidates (P12), unclaimed months and metrics.
 * Every code has its Chinese label beside it, districts and cities their names, ratios are
 * percentages and money has two decimals with grouping. Aggregates only: it names units,
 * districts and cities, never a person.
 */
public final class AnalystReport {
    public static final String FILE = "report.html";
    /** The ECharts WebJar on the class path (pom: org.webjars.npm:echarts). */
    static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final int TOP = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            // templates come from the application's class loader (Pebble's own is Spark's on a cluster)
            .loader(new ClasspathLoader(AnalystReport.class.getClassLoader())).strictVariables(true).build();
    private static final Properties LABELS = labels();

    private AnalystReport() {}

    /**
     * @param entriesOfCycle ledger entries of this cycle (empty outside payment cycles)
     * @param rejects        the rejects table at the version the cycle read
     * @param alerts         rows of {@link MetricAlerts#find}
     */
    public static void write(CycleResult r, Dataset<Row> flags, Dataset<Row> entriesOfCycle, Dataset<Row> employers,
                             Dataset<Row> rejects, Dataset<Row> alerts, Dataset<Row> riskUnits, Policy policy,
                             Map<String, Long> versions, Map<String, BigDecimal> metrics,
                             Map<String, BigDecimal> previous, Location file) {
        Map<String, String> districtNames = new LinkedHashMap<>();
        for (District d : policy.districts()) {
            districtNames.put(d.code(), d.name());
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        ctx.put("cycle", Months.formatDashed(r.cycle()));
        ctx.put("policy", policy.label());
        ctx.put("policyTitle", policy.title());
        ctx.put("paymentCycle", r.paymentCycle());
        ctx.put("versions", versions.toString());
        data.put("labels", LABELS);
        data.put("districtNames", districtNames);

        List<Map<String, Object>> yearly = rows(r.fulfilment().orderBy(Columns.YEAR, Columns.REGION_CODE),
                Columns.YEAR, Columns.REGION_CODE, Columns.REGION_NAME, Columns.EMPLOYED_PERSONS,
                Columns.TARGET_PERSONS, Columns.FULFILMENT_RATIO);
        data.put("fulfilment", yearly);
        ctx.put("fulfilment", formatted(yearly));
        data.put("monthly", rows(r.fulfilmentMonthly().orderBy(Columns.YEAR, Columns.MONTH, Columns.REGION_CODE),
                Columns.YEAR, Columns.MONTH, Columns.REGION_CODE, Columns.REGION_NAME, Columns.EMPLOYED_PERSONS,
                Columns.TARGET_PERSONS, Columns.FULFILMENT_RATIO, Columns.PACE_RATIO, Columns.PACE_PERSONS,
                Columns.BEHIND_PACE));
        List<Map<String, Object>> behind = rows(r.fulfilmentMonthly()
                        .filter(col(Columns.MONTH).equalTo(Months.plus(r.cycle(), -1)).and(col(Columns.BEHIND_PACE)))
                        .orderBy(Columns.REGION_CODE),
                Columns.MONTH, Columns.REGION_CODE, Columns.REGION_NAME, Columns.EMPLOYED_PERSONS, Columns.PACE_PERSONS,
                Columns.TARGET_PERSONS);
        ctx.put("behindPace", formatted(behind));

        // payments per district and subsidy: what this payment cycle pays; otherwise what is approved so far
        Dataset<Row> money = r.paymentCycle()
                ? entriesOfCycle.filter(col(Ledger.ENTRY_TYPE).equalTo(PaymentStatus.PAY))
                        .groupBy(Columns.DISTRICT, Columns.SUBSIDY).agg(sum(Columns.AMOUNT).as(Columns.AMOUNT))
                : r.claimDecisions().groupBy(Columns.DISTRICT, Columns.SUBSIDY)
                        .agg(sum(Columns.APPROVED_AMOUNT).as(Columns.AMOUNT));
        data.put("payments", rows(money.orderBy(Columns.DISTRICT, Columns.SUBSIDY),
                Columns.DISTRICT, Columns.SUBSIDY, Columns.AMOUNT));
        List<Map<String, Object>> paymentTable = rows(entriesOfCycle.groupBy(Columns.DISTRICT)
                .agg(countDistinct(Columns.CLAIM_ID).as("claims"),
                        sum(when(col(Ledger.ENTRY_TYPE).equalTo(PaymentStatus.PAY), col(Columns.AMOUNT))).as("pay"),
                        sum(when(col(Ledger.ENTRY_TYPE).equalTo(PaymentStatus.HELD), col(Columns.AMOUNT))).as("held"))
                .orderBy(Columns.DISTRICT), Columns.DISTRICT, "claims", "pay", "held");
        ctx.put("payments", formatted(withDistrictNames(paymentTable, districtNames)));

        List<Map<String, Object>> decisions = rows(r.claimDecisions().groupBy(Columns.SUBSIDY, Columns.DECISION)
                .agg(count(lit(1)).as("claims"), sum(Columns.APPROVED_AMOUNT).as("approved"))
                .orderBy(Columns.SUBSIDY, Columns.DECISION), Columns.SUBSIDY, Columns.DECISION, "claims", "approved");
        data.put("decisions", decisions);
        ctx.put("decisions", formatted(decisions));
        List<Map<String, Object>> reasons = rows(r.claimMonths().filter(col(Columns.REASON).isNotNull())
                .groupBy(Columns.REASON, Columns.STATUS).count().orderBy(col("count").desc(), col(Columns.REASON)),
                Columns.REASON, Columns.STATUS, "count");
        data.put("reasons", reasons.subList(0, Math.min(TOP, reasons.size())));
        ctx.put("reasons", formatted(reasons));

        List<Map<String, Object>> flagRows = rows(flags.groupBy(Columns.RULE, Columns.SEVERITY).count()
                .orderBy(Columns.RULE), Columns.RULE, Columns.SEVERITY, "count");
        data.put("flags", flagRows);
        ctx.put("flags", formatted(flagRows));
        List<Map<String, Object>> risky = rows(riskUnits.orderBy("rank").limit(TOP),
                "rank", "unit_id", Columns.NAME, Columns.DISTRICT, "score", "flags", "money_involved", "rules");
        data.put("risk", risky);
        ctx.put("risk", formatted(withDistrictNames(risky, districtNames)));

        List<Map<String, Object>> rejectRows = rows(rejects.groupBy(Columns.TABLE, Columns.REASON).count()
                .orderBy(Columns.TABLE, Columns.REASON), Columns.TABLE, Columns.REASON, "count");
        data.put("rejects", rejectRows);
        ctx.put("rejects", formatted(rejectRows));

        ctx.put("alerts", formatted(rows(alerts.orderBy(Columns.METRIC), Columns.METRIC, Columns.FAMILY,
                Columns.DIRECTION, Columns.VALUE, Columns.PREVIOUS_CYCLE, Columns.PREVIOUS_VALUE,
                Columns.CHANGE_VS_PREVIOUS, Columns.TRAILING_AVERAGE, Columns.CHANGE_VS_AVERAGE, Columns.THRESHOLD,
                Columns.REASON)));
        ctx.put("unclaimed", formatted(withDistrictNames(rows(r.eligibleUnclaimed().groupBy(Columns.DISTRICT)
                .agg(countDistinct(Columns.PERSON_ID).as("persons"), sum(Columns.MONTHS).as("months"),
                        sum(Columns.ESTIMATED_AMOUNT).as("estimate"))
                .orderBy(Columns.DISTRICT), Columns.DISTRICT, "persons", "months", "estimate"), districtNames)));
        ctx.put("baseCandidates", formatted(withDistrictNames(rows(
                baseEnterpriseCandidates(r.monthEligibility(), employers, r.cycle()),
                "year", Columns.DISTRICT, Columns.EMPLOYER_ID, Columns.NAME, "target_workers"), districtNames)));

        List<Map<String, Object>> changes = new ArrayList<>();
        metrics.forEach((k, v) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            BigDecimal before = previous.get(k);
            c.put("metric", k);
            c.put("label", label(k.contains(".") ? k.substring(0, k.indexOf('.')) : k));
            c.put("value", ReportFormat.metric(k, v));
            c.put("previous", before == null ? "" : ReportFormat.metric(k, before));
            c.put("change", before == null ? "" : ReportFormat.metric(k, v.subtract(before)));
            changes.add(c);
        });
        ctx.put("metrics", changes);
        ctx.put("previousCycle", previous.containsKey("_cycle")
                ? Months.formatDashed(previous.get("_cycle").intValue()) : "");
        ctx.put("data", scriptSafe(json(data)));
        ctx.put("echarts", scriptSafe(echarts()));
        ctx.put("echartsVersion", echartsVersion());
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
                .filter(col("_rank").leq(TOP));
        return ranked.join(employers.select(Columns.EMPLOYER_ID, Columns.NAME, Columns.REGISTERED_DISTRICT), Columns.EMPLOYER_ID)
                .withColumnRenamed(Columns.REGISTERED_DISTRICT, Columns.DISTRICT)
                .orderBy(col("year"), col(Columns.DISTRICT), col("_rank"));
    }

    /** The Chinese label of a code, or "" when there is none. */
    static String label(String code) {
        return code == null ? "" : LABELS.getProperty(code, "");
    }

    private static List<Map<String, Object>> rows(Dataset<Row> df, String... columns) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : df.select(java.util.Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new)).collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                m.put(columns[i], r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> withDistrictNames(List<Map<String, Object>> rows, Map<String, String> names) {
        for (Map<String, Object> m : rows) {
            Object d = m.get(Columns.DISTRICT);
            m.put("district_name", d == null ? "" : names.getOrDefault(d.toString(), "(not a Guangzhou district 非广州辖区)"));
        }
        return rows;
    }

    /** Table cells as text: money and counts grouped, ratios as percentages, codes with their labels. */
    private static List<Map<String, Object>> formatted(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : rows) {
            Map<String, Object> f = new LinkedHashMap<>();
            m.forEach((k, v) -> f.put(k, ReportFormat.cell(k, v)));
            if (m.get(Columns.METRIC) instanceof String metric) { // an alert: its values in the metric's unit
                for (String k : List.of(Columns.VALUE, Columns.PREVIOUS_VALUE, Columns.TRAILING_AVERAGE)) {
                    f.put(k, m.get(k) == null ? "" : ReportFormat.metric(metric, (BigDecimal) m.get(k)));
                }
            }
            for (String code : List.of(Columns.SUBSIDY, Columns.DECISION, Columns.REASON, Columns.STATUS, Columns.RULE,
                    Columns.SEVERITY, Columns.TABLE, Columns.DIRECTION, Columns.FAMILY)) {
                if (m.containsKey(code) && !(code.equals(Columns.REASON) && m.containsKey(Columns.METRIC))) {
                    f.put(code + "_label", label(m.get(code) == null ? null : m.get(code).toString()));
                }
            }
            out.add(f);
        }
        return out;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text that can stand inside a script element ("</script" cannot end it early). */
    public static String scriptSafe(String s) {
        return s.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    static String echartsVersion() {
        try (InputStream in = resource(ECHARTS_POM)) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** echarts.min.js of the WebJar, to inline (no CDN: the page works offline). */
    public static String echarts() {
        String path = "META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = AnalystReport.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the class path (the WebJar org.webjars.npm:echarts)");
        }
        return in;
    }

    private static Properties labels() {
        Properties p = new Properties();
        try (InputStream in = resource("wengang/report/labels.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static void render(String template, Map<String, Object> ctx, Location file) {
        PebbleTemplate t = ENGINE.getTemplate(template);
        Published.file(file, out -> {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                t.evaluate(w, ctx);
            }
            return null;
        });
    }
}
