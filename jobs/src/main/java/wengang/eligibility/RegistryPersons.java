package wengang.eligibility;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.policy.Rules;
import wengang.schemas.Codes;
import wengang.schemas.Columns;

/**
 * P1 per person: one row per person in the registry extract, with the periods in which
 * a covered status is valid (a person with several rows is covered in a month when any
 * row covers it), whether the origin is covered, and the date of a removal as deceased.
 */
public final class RegistryPersons {
    public static final String REGISTRY_NAME = "registry_name";
    public static final String ORIGIN_COVERED = "origin_covered";
    public static final String HOUSEHOLD_COUNTY = "household_county";
    /** array of struct(from date, to date) of rows with a covered status (P1). */
    public static final String COVERED_PERIODS = "covered_periods";
    /** array of struct(from, to) of rows counted by target fulfilment (P19). */
    public static final String FULFILMENT_PERIODS = "fulfilment_periods";
    public static final String DECEASED_ON = "deceased_on";

    private RegistryPersons() {}

    public static Dataset<Row> build(Dataset<Row> registry, Rules rules) {
        Column county = col(Columns.HOUSEHOLD_COUNTY);
        Column originCovered = lit(false);
        for (String prefecture : rules.originPrefectures()) {
            originCovered = originCovered.or(county.startsWith(prefecture));
        }
        Column period = struct(col(Columns.STATUS_FROM).as("from"), col(Columns.STATUS_TO).as("to"));
        return registry
                .groupBy(Columns.PERSON_ID)
                .agg(
                        // the name of the latest status row
                        max(struct(col(Columns.STATUS_FROM), col(Columns.NAME))).getField(Columns.NAME).as(REGISTRY_NAME),
                        max(originCovered).as(ORIGIN_COVERED),
                        min(county).as(HOUSEHOLD_COUNTY),
                        collect_list(when(statusIn(rules.coveredStatuses()), period)).as(COVERED_PERIODS),
                        collect_list(when(statusIn(rules.fulfilmentStatuses()), period)).as(FULFILMENT_PERIODS),
                        min(when(col(Columns.REMOVAL_REASON).equalTo(Codes.RemovalReason.DECEASED),
                                col(Columns.STATUS_TO))).as(DECEASED_ON));
    }

    private static Column statusIn(List<String> statuses) {
        return col(Columns.STATUS).isin(statuses.toArray());
    }

    /** True when one of {@code periods} is valid in month {@code yyyymm} (from ≤ month end, to empty or ≥ month start). */
    public static Column validIn(Column periods, Column yyyymm) {
        Column start = MonthColumns.firstDay(yyyymm);
        Column end = MonthColumns.lastDay(yyyymm);
        return coalesce(exists(periods, p -> p.getField("from").leq(end)
                .and(p.getField("to").isNull().or(p.getField("to").geq(start)))), lit(false));
    }

    /** True when one of {@code periods} overlaps calendar year {@code year}. */
    public static Column validInYear(Column periods, Column year) {
        Column start = make_date(year, lit(1), lit(1));
        Column end = make_date(year, lit(12), lit(31));
        return coalesce(exists(periods, p -> p.getField("from").leq(end)
                .and(p.getField("to").isNull().or(p.getField("to").geq(start)))), lit(false));
    }
}
