package wengang.fulfilment;

import static org.apache.spark.sql.functions.*;

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
        String prefix = province.substring(0, 2);
        Column region = col(Columns.REGION_CODE);
        Column inProvinceCity = region.startsWith(prefix).and(region.endsWith("00")).and(region.notEqual(province));
        Dataset<Row> reg = registryPersons.select(col(Columns.PERSON_ID).as("_rp"), col(RegistryPersons.FULFILMENT_PERIODS));
        Dataset<Row> counted = visibleContributions
                .filter(col(Columns.PAY_STATUS).equalTo(Codes.PayStatus.PAID).and(inProvinceCity))
                .join(reg, col(Columns.PERSON_ID).equalTo(col("_rp")))
                .filter(RegistryPersons.validIn(col(RegistryPersons.FULFILMENT_PERIODS), col(Columns.MONTH)))
                .withColumn(Columns.YEAR, MonthColumns.yearOf(col(Columns.MONTH)));
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
        Dataset<Row> names = quotas.select(Columns.REGION_CODE, Columns.REGION_NAME)
                .unionByName(cityNames.select(Columns.REGION_CODE, Columns.REGION_NAME))
                .groupBy(Columns.REGION_CODE).agg(first(Columns.REGION_NAME).as(Columns.REGION_NAME));
        Column ratio = when(col(Columns.TARGET_PERSONS).gt(0),
                round(col(Columns.EMPLOYED_PERSONS).cast(DataTypes.createDecimalType(20, 6))
                        .divide(col(Columns.TARGET_PERSONS).cast(DataTypes.createDecimalType(20, 6))), 4));
        return employed.join(quotaRows, new String[] {Columns.YEAR, Columns.REGION_CODE}, "full_outer")
                .join(names, new String[] {Columns.REGION_CODE}, "left")
                .withColumn(Columns.EMPLOYED_PERSONS, coalesce(col(Columns.EMPLOYED_PERSONS), lit(0L)))
                .withColumn(Columns.FULFILMENT_RATIO, ratio.cast(RATIO))
                .select(col(Columns.YEAR), col(Columns.REGION_CODE), col(Columns.REGION_NAME),
                        col(Columns.EMPLOYED_PERSONS), col(Columns.TARGET_PERSONS), col(Columns.FULFILMENT_RATIO));
    }

}
