package wengang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.HeadlessChromium;
import wengang.testing.TestSpark;

/**
 * report.html of a small payment cycle (two workers in two districts, a shared card, a quota
 * year and a year without, a planted jump in the metric history): what a reader sees, and, in
 * headless Chromium, that every chart rendered without a script error.
 */
class AnalystReportTest {
    @TempDir
    static Path dir;
    static Path report;
    static String html;
    static String worker1;
    static String worker2;

    @BeforeAll
    static void writeReport() throws Exception {
        worker1 = person(151);
        worker2 = person(152);
        String u1 = unit(151);
        String u2 = unit(152);
        Fixture f = new Fixture().enterprise(u1, YUEXIU).enterprise(u2, TIANHE)
                .alleviated(worker1, BIJIE_QIXINGGUAN).alleviated(worker2, BIJIE_QIXINGGUAN)
                .card(worker1, "6217000001").card(worker2, "6217000001") // one card, two holders: SHARED_ACCOUNT
                .worked(worker1, u1, 202207, 202312).worked(worker2, u2, 202310, 202312)
                .claim("C-1", Subsidy.LIVING, worker1, YUEXIU, 202310, 202312, "2023-12-10")
                .claim("C-2", Subsidy.LIVING, worker2, TIANHE, 202310, 202312, "2023-12-10")
                .claim("C-3", Subsidy.LIVING, worker2, YUEXIU, 202310, 202312, "2023-12-11")
                .quota(2022, "440100", "广州市", 4000)
                .quota(2022, "440000", "广东省", 10000);
        CycleResult r = CycleHarness.run(f, 202401);
        Dataset<Row> flags = r.flags();
        StructType rejectsSchema = new StructType().add(Columns.TABLE, DataTypes.StringType)
                .add(Columns.REASON, DataTypes.StringType);
        Dataset<Row> rejects = TestSpark.session().createDataFrame(List.of(
                RowFactory.create("contributions", "BAD_ID"), RowFactory.create("contributions", "BAD_ID"),
                RowFactory.create("claims", "BAD_MONTH")), rejectsSchema);
        Dataset<Row> alerts = MetricAlertsTest.alerts(MetricHistory.quarter(true), 202404);
        Map<String, java.math.BigDecimal> metrics = new TreeMap<>(CycleMetrics.of(r, flags, r.newLedgerEntries()));
        report = dir.resolve(AnalystReport.FILE);
        AnalystReport.write(r, flags, r.newLedgerEntries(), CycleHarness.sources(f).employers(), rejects, alerts,
                r.riskUnits(flags), CycleHarness.policy(), Map.of("contributions", 0L), metrics, Map.of(), wengang.engine.Location.local(report));
        html = Files.readString(report);
    }

    @Test
    void namesBesideCodesPercentagesMoneyWithGroupingAndNoPerson() {
        assertThat(html).contains("越秀区 <span class=\"muted\">440104</span>", "天河区 <span class=\"muted\">440106</span>")
                .contains("生活补贴 LIVING", "批准 APPROVED", "共用账户 SHARED_ACCOUNT", "身份证号错误 BAD_ID")
                .contains("广州市 <span class=\"muted\">440100</span>")
                .contains("无目标 no quota") // 2023 has no quota: no bar, said in words
                .contains("1,500.00")        // money: two decimals and grouping
                .contains("33,000.00")       // the planted alert
                .contains("上升 RISE")
                .doesNotContain(worker1).doesNotContain(worker2).doesNotContain("6217000001");
        // 2022: 1 of 4,000 in Guangzhou is 0.03 %, never 0.0003
        assertThat(html).contains("0.03 %").doesNotContain(">0.0003<");
        // self-contained: no script or style is fetched, ECharts is inlined
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=")
                .contains("Apache ECharts " + AnalystReport.echartsVersion());
    }

    @Test
    void everyChartRendersInHeadlessChromiumWithoutAScriptError() throws Exception {
        HeadlessChromium.Page page = HeadlessChromium.load(report);
        Matcher body = Pattern.compile("<body[^>]*>").matcher(page.dom());
        assertThat(body.find()).as("a rendered page").isTrue();
        String tag = body.group();
        int charts = count(html, "data-chart=\"");
        assertThat(charts).isEqualTo(8);
        assertThat(tag).contains("data-charts=\"" + charts + "\"").contains("data-charts-drawn=\"" + charts + "\"")
                .contains("data-errors=\"[]\"");
        assertThat(count(page.dom(), "data-drawn=\"yes\"")).isEqualTo(charts);
        assertThat(page.log()).doesNotContain("Uncaught").doesNotContainPattern("CONSOLE.*(Error|error)");
        Path png = Path.of("target", "report-screenshot.png");
        Files.createDirectories(png.getParent());
        HeadlessChromium.screenshot(report, png, 4200);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(50_000);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
