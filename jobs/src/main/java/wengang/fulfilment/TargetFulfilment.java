package wengang.fulfilment;

import static org.apache.spark.sql.functions.*;

import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import wengang.eligibility.MonthColumns;
import wengang.eligibility.RegistryPersons;
import wengang.policy.Rules;
import wengang.schemas.Codes;
import wengang.schemas.Columns;

/**
 * P19 target fulfilment: per year, poverty-alleviated workers (statuses of the policy's
 * fulfilment list, any origin, status valid in the month) with at least one visible
 * PAID contribution in a city of the province, counted once, in the city of their
 * latest such month (ties: higher base, then smaller region code); the province row is
 * the distinct total. Compared with the quota table (seeds/003).
 */
public final class TargetFulfilment {
    public static final DecimalType RATIO = DataTypes.createDecimalType(10, 4);

    private TargetFulfilment() {}

    /**
     * @param visibleContributions contributions as of the cycle
     * @param quotas               year, region_code, region_name, target_persons
     * @param cityNames            region_code, region_name of every city (names for cities without a quota row)
     */
    public static Dataset<Row> build(Dataset<Row> visibleContributions, Dataset<Row> registryPersons,
                                     Dataset<Row> quotas, Dataset<Row> cityNames, Rules rules) {
        String province = rules.provinceRegion();
        Dataset<Row> counted = counted(visibleContributions, registryPersons, rules);
        Dataset<Row> latest = counted
                .withColumn("_rank", row_number().over(Window.partitionBy(Columns.PERSON_ID, Columns.YEAR)
                        .orderBy(col(Columns.MONTH).desc(), col(Columns.BASE).desc(), col(Columns.REGION_CODE).asc())))
                .filter(col("_rank").equalTo(1))
                .select(Columns.PERSON_ID, Columns.YEAR, Columns.REGION_CODE);
        Dataset<Row> perCity = latest.groupBy(Columns.YEAR, Columns.REGION_CODE)
                .agg(count(lit(1)).as(Columns.EMPLOYED_PERSONS));
        Dataset<Row> perProvince = latest.groupBy(Columns.YEAR)
                .agg(countDistinct(Columns.PERSON_ID).as(Columns.EMPLOYED_PERSONS))
                .withColumn(Columns.REGION_CODE, lit(province));
        Dataset<Row> employed = perCity.unionByName(perProvince);

        // every year with visible data lists the regions that have workers or a quota that year
        Dataset<Row> years = employed.select(Columns.YEAR).distinct();
        Dataset<Row> quotaRows = quotas.join(years, Columns.YEAR)
                .select(col(Columns.YEAR), col(Columns.REGION_CODE), col(Columns.TARGET_PERSONS));
        Dataset<Row> names = names(quotas, cityNames);
        Column ratio = ratio(col(Columns.EMPLOYED_PERSONS), col(Columns.TARGET_PERSONS));
        return employed.join(quotaRows, new String[] {Columns.YEAR, Columns.REGION_CODE}, "full_outer")
                .join(names, new String[] {Columns.REGION_CODE}, "left")
                .withColumn(Columns.EMPLOYED_PERSONS, coalesce(col(Columns.EMPLOYED_PERSONS), lit(0L)))
                .withColumn(Columns.FULFILMENT_RATIO, ratio.cast(RATIO))
                .select(col(Columns.YEAR), col(Columns.REGION_CODE), col(Columns.REGION_NAME),
                        col(Columns.EMPLOYED_PERSONS), col(Columns.TARGET_PERSONS), col(Columns.FULFILMENT_RATIO));
    }

    /**
     * P19 month by month: for every year of {@code yearly} ({@link #build}) and every month from
     * January to the last month the cycle can judge (December for past years, cycle − 1 for the
     * current one, or the last month with data when that is later), per region of the year's
     * rows (and any city a worker was counted in during the year):
     * <ul>
     *   <li>employed_persons: workers counted so far in the year, each once, in the city of their
     *       latest month up to this month (so the last month equals the yearly row);</li>
     *   <li>working_persons: workers whose month it is, in that month's city;</li>
     *   <li>target_persons, fulfilment_ratio: the year's quota and employed ÷ quota;</li>
     *   <li>pace_ratio (month ÷ 12), pace_persons (quota × pace, half up) and behind_pace
     *       (employed below the even pace; empty without a quota).</li>
     * </ul>
     * The province row is the sum of its cities (a worker is in one city in a month).
     */
    public static Dataset<Row> monthly(Dataset<Row> yearly, Dataset<Row> visibleContributions, Dataset<Row> registryPersons,
                                       Dataset<Row> quotas, Dataset<Row> cityNames, Rules rules, int cycle) {
        return monthly(yearly, visibleContributions, registryPersons, quotas, cityNames, rules, cycle,
                UnaryOperator.identity());
    }

    /**
     * As {@link #monthly(Dataset, Dataset, Dataset, Dataset, Dataset, Rules, int)}, with {@code keep}
     * applied to each person's city per month, which three branches of the query read: the job
     * passes a materialising checkpoint, so the contributions are read for it once, not once a branch
     * (a 10^7-row province: twelve scans of the narrowed contributions, 15 s of CPU, before).
     */
    public static Dataset<Row> monthly(Dataset<Row> yearly, Dataset<Row> visibleContributions, Dataset<Row> registryPersons,
                                       Dataset<Row> quotas, Dataset<Row> cityNames, Rules rules, int cycle,
                                       UnaryOperator<Dataset<Row>> keep) {
        String province = rules.provinceRegion();
        int judged = wengang.schemas.Months.plus(cycle, -1);
        // one city per person and month: the higher base, then the smaller region code (as the yearly count)
        Dataset<Row> perMonth = keep.apply(counted(visibleContributions, registryPersons, rules)
                .withColumn("_rank", row_number().over(Window.partitionBy(Columns.PERSON_ID, Columns.MONTH)
                        .orderBy(col(Columns.BASE).desc(), col(Columns.REGION_CODE).asc())))
                .filter(col("_rank").equalTo(1))
                .select(Columns.PERSON_ID, Columns.YEAR, Columns.MONTH, Columns.REGION_CODE));
        Dataset<Row> lastMonth = perMonth.groupBy(Columns.YEAR).agg(max(Columns.MONTH).as("_data_last"))
                .withColumn("_last", greatest(least(col(Columns.YEAR).multiply(100).plus(12), lit(judged)),
                        col("_data_last")))
                .select(Columns.YEAR, "_last");
        // a person stays in the city of a month until their next month of the year: one row per month of that stretch
        Column next = lead(col(Columns.MONTH), 1).over(Window.partitionBy(Columns.PERSON_ID, Columns.YEAR)
                .orderBy(Columns.MONTH));
        Dataset<Row> stretches = perMonth.withColumn("_next", next).join(lastMonth, Columns.YEAR)
                .withColumn("_until", coalesce(col("_next").minus(1), col("_last")))
                .filter(col(Columns.MONTH).leq(col("_until")));
        Dataset<Row> employedCity = stretches
                .select(col(Columns.YEAR), col(Columns.REGION_CODE),
                        explode(sequence(col(Columns.MONTH), col("_until"))).as(Columns.MONTH))
                .groupBy(Columns.YEAR, Columns.MONTH, Columns.REGION_CODE)
                .agg(count(lit(1)).as(Columns.EMPLOYED_PERSONS));
        Dataset<Row> workingCity = perMonth.groupBy(Columns.YEAR, Columns.MONTH, Columns.REGION_CODE)
                .agg(count(lit(1)).as(Columns.WORKING_PERSONS));
        Dataset<Row> cities = employedCity.join(workingCity, new String[] {Columns.YEAR, Columns.MONTH, Columns.REGION_CODE},
                "full_outer");
        Dataset<Row> provinceRows = cities.groupBy(Columns.YEAR, Columns.MONTH)
                .agg(sum(Columns.EMPLOYED_PERSONS).cast("long").as(Columns.EMPLOYED_PERSONS),
                        sum(Columns.WORKING_PERSONS).cast("long").as(Columns.WORKING_PERSONS))
                .withColumn(Columns.REGION_CODE, lit(province));
        Dataset<Row> counts = cities.unionByName(provinceRows);

        // the grid: every month of the year for every region the year lists or a worker passed through
        Dataset<Row> regions = yearly.select(Columns.YEAR, Columns.REGION_CODE)
                .union(counts.select(Columns.YEAR, Columns.REGION_CODE)).distinct();
        Dataset<Row> months = lastMonth.select(col(Columns.YEAR),
                explode(sequence(col(Columns.YEAR).multiply(100).plus(1), col("_last"))).as(Columns.MONTH));
        Dataset<Row> targets = yearly.select(Columns.YEAR, Columns.REGION_CODE, Columns.TARGET_PERSONS);
        Column pace = (col(Columns.MONTH).mod(100)).cast(DataTypes.createDecimalType(20, 6))
                .divide(lit(12).cast(DataTypes.createDecimalType(20, 6)));
        Column employed = col(Columns.EMPLOYED_PERSONS);
        Column pacePersons = round(col(Columns.TARGET_PERSONS).cast(DataTypes.createDecimalType(20, 6))
                .multiply(col(Columns.PACE_RATIO)), 0).cast("long");
        return regions.join(months, Columns.YEAR)
                .join(counts, new String[] {Columns.YEAR, Columns.MONTH, Columns.REGION_CODE}, "left")
                .join(targets, new String[] {Columns.YEAR, Columns.REGION_CODE}, "left")
                .join(names(quotas, cityNames), new String[] {Columns.REGION_CODE}, "left")
                .withColumn(Columns.EMPLOYED_PERSONS, coalesce(employed, lit(0L)))
                .withColumn(Columns.WORKING_PERSONS, coalesce(col(Columns.WORKING_PERSONS), lit(0L)))
                .withColumn(Columns.FULFILMENT_RATIO, ratio(employed, col(Columns.TARGET_PERSONS)).cast(RATIO))
                .withColumn(Columns.PACE_RATIO, round(pace, 4).cast(RATIO))
                .withColumn(Columns.PACE_PERSONS, when(col(Columns.TARGET_PERSONS).isNotNull(), pacePersons))
                .withColumn(Columns.BEHIND_PACE, when(col(Columns.TARGET_PERSONS).isNotNull(),
                        employed.lt(col(Columns.PACE_PERSONS))))
                .select(col(Columns.YEAR), col(Columns.MONTH), col(Columns.REGION_CODE), col(Columns.REGION_NAME),
                        employed, col(Columns.TARGET_PERSONS), col(Columns.FULFILMENT_RATIO),
                        col(Columns.WORKING_PERSONS), col(Columns.PACE_RATIO), col(Columns.PACE_PERSONS),
                        col(Columns.BEHIND_PACE));
    }

    /** The PAID rows in a city of the province of persons with a fulfilment status valid in the month, with their year. */
    private static Dataset<Row> counted(Dataset<Row> visibleContributions, Dataset<Row> registryPersons, Rules rules) {
        String province = rules.provinceRegion();
        String prefix = province.substring(0, 2);
        Column region = col(Columns.REGION_CODE);
        Column inProvinceCity = region.startsWith(prefix).and(region.endsWith("00")).and(region.notEqual(province));
        Dataset<Row> reg = registryPersons.select(col(Columns.PERSON_ID).as("_rp"), col(RegistryPersons.FULFILMENT_PERIODS));
        return visibleContributions
                .filter(col(Columns.PAY_STATUS).equalTo(Codes.PayStatus.PAID).and(inProvinceCity))
                .join(reg, col(Columns.PERSON_ID).equalTo(col("_rp")))
                .filter(RegistryPersons.validIn(col(RegistryPersons.FULFILMENT_PERIODS), col(Columns.MONTH)))
                .withColumn(Columns.YEAR, MonthColumns.yearOf(col(Columns.MONTH)));
    }

    /** region_code → region_name from the quotas, else from the city names. */
    private static Dataset<Row> names(Dataset<Row> quotas, Dataset<Row> cityNames) {
        return quotas.select(Columns.REGION_CODE, Columns.REGION_NAME)
                .unionByName(cityNames.select(Columns.REGION_CODE, Columns.REGION_NAME))
                .groupBy(Columns.REGION_CODE).agg(first(Columns.REGION_NAME).as(Columns.REGION_NAME));
    }

    /** employed ÷ target with four decimals, empty without a positive target. */
    private static Column ratio(Column employed, Column target) {
        return when(target.gt(0), round(employed.cast(DataTypes.createDecimalType(20, 6))
                .divide(target.cast(DataTypes.createDecimalType(20, 6))), 4));
    }
}
