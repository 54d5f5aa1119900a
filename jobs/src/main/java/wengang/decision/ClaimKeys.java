package wengang.decision;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import wengang.eligibility.MonthColumns;
import wengang.schemas.Codes.Subsidy;

/**
 * What "the same subsidy" means for double claims, grants of other schemes and the
 * ledger (P16–P18): person, subsidy and month; TRANSPORT and DISPATCH_ONE_TIME person,
 * subsidy and year (one transport grant and one agency per worker per year).
 */
public final class ClaimKeys {
    private ClaimKeys() {}

    /** "SUBSIDY|person|period" where period is yyyyMM, or yyyy for the yearly subsidies. */
    public static Column key(Column subsidy, Column personId, Column month) {
        Column yearly = subsidy.isin(Subsidy.TRANSPORT, Subsidy.DISPATCH_ONE_TIME);
        Column period = when(yearly, MonthColumns.yearOf(month).cast("string")).otherwise(month.cast("string"));
        return concat_ws("|", subsidy, coalesce(personId, lit("")), period);
    }
}
