package wengang.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import wengang.testing.TestSpark;

/** Alerts on the metric history: thresholds per family from conf/alerts.yaml, against the previous cycle and the trailing average. */
class MetricAlertsTest {

    static Dataset<Row> alerts(MetricHistory h, int cycle) {
        MetricAlerts.Settings s = MetricAlerts.load(cycle);
        return MetricAlerts.find(h.dataset(), s.thresholds(TestSpark.session()), cycle, s.trailingCycles());
    }

    @Test
    void aPlantedJumpIsAnAlertAndAQuietHistoryHasNone() {
        List<String> lines = MetricAlerts.lines(alerts(MetricHistory.quarter(true), 202404));
        assertThat(lines).containsExactly(
                "RISE payments_by_district.440106: 33000.00 (2024-03: 11000.00, +200.00 %; average of 3 earlier cycle(s): "
                        + "11000.00, +200.00 %; threshold rise >= 100 %, fall >= 50 %, change >= 10000.00)",
                "RISE reject_percent.contributions: 3.00 (2024-03: 0.50, +500.00 %; average of 3 earlier cycle(s): "
                        + "0.47, +538.30 %; threshold rise >= 100 %, change >= 1.00)",
                "DROP working_persons.440100: 60.00 (2024-03: 98.00, -38.78 %; average of 3 earlier cycle(s): "
                        + "100.00, -40.00 %; threshold fall >= 20 %, change >= 5.00)");
        Row payments = alerts(MetricHistory.quarter(true), 202404).filter("metric like 'payments%'").first();
        assertThat(payments.<String>getAs("reason")).contains("double");
        assertThat(payments.<String>getAs("family")).isEqualTo("payments_by_district");

        assertThat(alerts(MetricHistory.quarter(false), 202404).count()).isZero();
    }

    @Test
    void theLatestRunOfACycleCountsAndAnEarlierCycleIsJudgedOnItsOwnPast() {
        // 2024-04 was run twice: the first run had the jump, the re-run after a corrected input has not
        MetricHistory h = MetricHistory.quarter(false).run(202404, -1, "payments_by_district.440106", "90000.00");
        assertThat(alerts(h, 202404).count()).isZero();
        // judged at 2024-03, the planted 2024-04 is in the future: nothing
        assertThat(alerts(MetricHistory.quarter(true), 202403).count()).isZero();
        // the first cycle has no previous cycle: nothing to compare
        assertThat(alerts(MetricHistory.quarter(true), 202401).count()).isZero();
    }

    @Test
    void aMetricIsComparedWithTheLastCycleThatRecordedIt() {
        // payments exist in payment cycles only (January, April): April is compared with January
        MetricHistory h = new MetricHistory()
                .series("claims.APPROVED", 202401, "100", "100", "100", "100")
                .run(202401, 0, "payments_by_district.440104", "20000.00")
                .run(202404, 0, "payments_by_district.440104", "45000.00");
        assertThat(MetricAlerts.lines(alerts(h, 202404))).singleElement().asString()
                .startsWith("RISE payments_by_district.440104: 45000.00 (2024-01: 20000.00, +125.00 %; average of 1 earlier");
    }
}
