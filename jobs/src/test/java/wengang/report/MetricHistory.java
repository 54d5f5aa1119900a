package wengang.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import wengang.testing.TestSpark;

/** A small meta/metrics history written in the test: rows of (cycle, run, metric, value). */
final class MetricHistory {
    private final List<Row> rows = new ArrayList<>();

    MetricHistory run(int cycle, int run, String metric, String value) {
        rows.add(RowFactory.create(cycle, new Timestamp(cycle * 1000L + run), metric, new BigDecimal(value)));
        return this;
    }

    /** The same metric over consecutive cycles, one run each. */
    MetricHistory series(String metric, int firstCycle, String... values) {
        for (int i = 0; i < values.length; i++) {
            run(firstCycle + i, 0, metric, values[i]);
        }
        return this;
    }

    Dataset<Row> dataset() {
        return TestSpark.session().createDataFrame(rows, CycleMetrics.SCHEMA);
    }

    /**
     * Four quiet cycles 2024-01..2024-04 of a district's payments, a city's workers, a table's
     * reject rate and approved claims; {@code planted} makes 2024-04 the cycle where payments
     * triple, the reject rate jumps and the workers drop by 40 %.
     */
    static MetricHistory quarter(boolean planted) {
        return new MetricHistory()
                .series("payments_by_district.440106", 202401, "10000.00", "12000.00", "11000.00", planted ? "33000.00" : "12500.00")
                .series("working_persons.440100", 202401, "100", "102", "98", planted ? "60" : "97")
                .series("reject_percent.contributions", 202401, "0.50", "0.40", "0.50", planted ? "3.00" : "0.60")
                .series("claims.APPROVED", 202401, "100", "110", "105", "120")
                // a small count that doubles: below min_change, no alert
                .series("flags.OVERCLAIM", 202401, "1", "1", "2", "4");
    }
}
