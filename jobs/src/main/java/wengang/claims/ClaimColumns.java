package wengang.claims;

import static org.apache.spark.sql.functions.*;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import wengang.eligibility.MonthColumns;
import wengang.policy.Rules;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.schemas.ResidentId;

/** Claim-level conditions shared by every subsidy. */
public final class ClaimColumns {
    private ClaimColumns() {}

    /**
     * Code 1 INVALID_ID: person_id fails GB 11643 format, birth date or checksum. A birth
     * date after the cycle's first day is invalid: the cycle, not the day it happens to
     * run, is the bound, so a re-run or a replay of the cycle decides the same way. (Every
     * claim a cycle decides was submitted before that day; ingest already rejected IDs
     * born after its own run date from every other table.)
     */
    public static Column invalidId(int cycle) {
        LocalDate latestBirth = Months.firstDay(cycle);
        UserDefinedFunction validId = udf((UDF1<String, Boolean>) s -> ResidentId.isValid(s, latestBirth),
                DataTypes.BooleanType).asNonNullable().withName("valid_resident_id");
        return not(coalesce(validId.apply(col(Columns.PERSON_ID)), lit(false)));
    }

    /** Code 2 for SI_SUBSIDY and LIVING: submitted after the policy's last application day (P2). */
    public static Column afterApplicationDeadline(Rules rules) {
        return col(Columns.SUBMITTED_ON).gt(lit(Date.valueOf(rules.applicationDeadline())));
    }

    /**
     * Code 2 for TRANSPORT, DISPATCH_ONE_TIME, TRAINING: submitted after 31 December of
     * the year of period_from (P9–P11: no back claims), or after the policy's last day.
     */
    public static Column afterYearEnd(Rules rules) {
        Column yearEnd = make_date(MonthColumns.yearOf(col(Columns.PERIOD_FROM)), lit(12), lit(31));
        return col(Columns.SUBMITTED_ON).gt(yearEnd).or(afterApplicationDeadline(rules));
    }

    /** The claim was filed at an office that is not one of the city's districts. */
    public static Column filedOutsideCity(Rules rules) {
        return not(col(Columns.DISTRICT).isin(rules.districtCodes().toArray()));
    }
}
