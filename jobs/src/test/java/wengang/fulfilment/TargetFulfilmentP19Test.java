package wengang.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static wengang.testing.Fixture.*;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import wengang.cycle.CycleComputation.CycleResult;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;

/** P19 (seeds/003): employed poverty-alleviated workers per city, counted once in their latest city, against quotas. */
class TargetFulfilmentP19Test {
    @Test
    void countsEachWorkerOnceInTheLatestCityAndComparesWithTheQuota() {
        String mover = person(121);
        String monitored = person(GUIYANG_NANMING, 122);
        String notPoor = person(123);
        String u = unit(121);
        Fixture f = new Fixture().enterprise(u, TIANHE)
                .alleviated(mover, BIJIE_QIXINGGUAN)
                .registry(monitored, "钱七", GUIYANG_NANMING, "MONITORED", "2021-01-01", null, null)
                .contribution(mover, u, null, "440100", 202203, "110", "5000.00", "400.00", "PAID", "2022-03-15", "REGULAR")
                .contribution(mover, u, null, "440300", 202206, "110", "5000.00", "400.00", "PAID", "2022-06-15", "REGULAR")
                .contribution(monitored, u, null, "440100", 202211, "310", "5000.00", "100.00", "PAID", "2022-11-15", "REGULAR")
                .contribution(notPoor, u, null, "440100", 202211, "110", "5000.00", "400.00", "PAID", "2022-11-15", "REGULAR")
                .quota(2022, "440100", "广州市", 4)
                .quota(2022, "440300", "深圳市", 2)
                .quota(2022, "440000", "广东省", 10);
        CycleResult r = CycleHarness.run(f, 202301);
        List<String> rows = r.fulfilment().orderBy("year", "region_code").collectAsList().stream()
                .map(x -> x.get(0) + " " + x.get(1) + " " + x.get(3) + " " + x.get(4) + " " + x.get(5)).toList();
        assertThat(rows).containsExactly(
                "2022 440000 2 10 0.2000",
                "2022 440100 1 4 0.2500",
                "2022 440300 1 2 0.5000");
    }

    /**
     * fulfilment_monthly: the mover counts in Guangzhou from March, in Shenzhen from June (their
     * latest city so far), the monitored worker in Guangzhou from November; December equals the
     * yearly rows; the pace is the quota spread evenly over the months.
     */
    @Test
    void monthByMonthEachWorkerCountsOnceInTheLatestCitySoFarAgainstAnEvenPace() {
        String mover = person(125);
        String monitored = person(GUIYANG_NANMING, 126);
        String u = unit(125);
        Fixture f = new Fixture().enterprise(u, TIANHE)
                .alleviated(mover, BIJIE_QIXINGGUAN)
                .registry(monitored, "钱七", GUIYANG_NANMING, "MONITORED", "2021-01-01", null, null)
                .contribution(mover, u, null, "440100", 202203, "110", "5000.00", "400.00", "PAID", "2022-03-15", "REGULAR")
                .contribution(mover, u, null, "440300", 202206, "110", "5000.00", "400.00", "PAID", "2022-06-15", "REGULAR")
                .contribution(monitored, u, null, "440100", 202211, "310", "5000.00", "100.00", "PAID", "2022-11-15", "REGULAR")
                .quota(2022, "440100", "广州市", 4)
                .quota(2022, "440300", "深圳市", 2)
                .quota(2022, "440000", "广东省", 10);
        CycleResult r = CycleHarness.run(f, 202301);
        List<String> rows = r.fulfilmentMonthly().orderBy("region_code", "month").collectAsList().stream()
                .map(x -> x.getAs("month") + " " + x.getAs("region_code") + " " + x.getAs("employed_persons") + "/"
                        + x.getAs("target_persons") + " " + x.getAs("fulfilment_ratio") + " working " + x.getAs("working_persons")
                        + " pace " + x.getAs("pace_ratio") + " " + x.getAs("pace_persons") + " behind " + x.getAs("behind_pace"))
                .toList();
        assertThat(rows).hasSize(36); // 12 months × (province, Guangzhou, Shenzhen)
        assertThat(rows).contains(
                "202201 440000 0/10 0.0000 working 0 pace 0.0833 1 behind true",
                "202203 440100 1/4 0.2500 working 1 pace 0.2500 1 behind false",
                "202205 440100 1/4 0.2500 working 0 pace 0.4167 2 behind true",
                "202206 440100 0/4 0.0000 working 0 pace 0.5000 2 behind true",
                "202206 440300 1/2 0.5000 working 1 pace 0.5000 1 behind false",
                "202210 440000 1/10 0.1000 working 0 pace 0.8333 8 behind true",
                "202211 440100 1/4 0.2500 working 1 pace 0.9167 4 behind true",
                "202212 440000 2/10 0.2000 working 0 pace 1.0000 10 behind true",
                "202212 440100 1/4 0.2500 working 0 pace 1.0000 4 behind true",
                "202212 440300 1/2 0.5000 working 0 pace 1.0000 2 behind true");
        // the last month is the yearly count
        List<String> december = r.fulfilmentMonthly().filter("month = 202212").orderBy("region_code").collectAsList().stream()
                .map(x -> x.getAs("region_code") + " " + x.getAs("employed_persons")).toList();
        List<String> yearly = r.fulfilment().orderBy("region_code").collectAsList().stream()
                .map(x -> x.getAs("region_code") + " " + x.getAs("employed_persons")).toList();
        assertThat(december).isEqualTo(yearly);
    }

    @Test
    void theCurrentYearRunsToTheMonthBeforeTheCycleAndHasNoPaceWithoutAQuota() {
        String p = person(127);
        Fixture f = new Fixture().alleviated(p, BIJIE_QIXINGGUAN)
                .contribution(p, unit(127), null, "440100", 202302, "110", "5000.00", "400.00", "PAID", "2023-02-15", "REGULAR")
                .quota(2022, "440100", "广州市", 4);
        List<String> rows = CycleHarness.run(f, 202305).fulfilmentMonthly().filter("region_code = '440100'")
                .orderBy("month").collectAsList().stream()
                .map(x -> x.getAs("month") + " " + x.getAs("region_name") + " " + x.getAs("employed_persons") + " "
                        + x.getAs("target_persons") + " " + x.getAs("pace_persons") + " " + x.getAs("behind_pace"))
                .toList();
        assertThat(rows).containsExactly(
                "202301 广州市 0 null null null",
                "202302 广州市 1 null null null",
                "202303 广州市 1 null null null",
                "202304 广州市 1 null null null");
    }

    @Test
    void aYearWithoutAQuotaHasEmptyTargetAndRatio() {
        String p = person(124);
        Fixture f = new Fixture().alleviated(p, BIJIE_QIXINGGUAN)
                .contribution(p, unit(122), null, "440100", 202303, "110", "5000.00", "400.00", "PAID", "2023-03-15", "REGULAR")
                .quota(2022, "440100", "广州市", 4);
        Row row = CycleHarness.run(f, 202304).fulfilment().filter("region_code = '440100'").first();
        assertThat(row.getInt(0)).isEqualTo(2023);
        assertThat(row.getString(2)).isEqualTo("广州市");
        assertThat(row.getLong(3)).isEqualTo(1);
        assertThat(row.isNullAt(4)).isTrue();
        assertThat(row.isNullAt(5)).isTrue();
    }
}
