package wengang.eligibility;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import wengang.schemas.Months;

/** Month arithmetic on integer yyyyMM columns, the Spark side of {@link Months}. */
public final class MonthColumns {
    private MonthColumns() {}

    /** year * 12 + month - 1: consecutive months have consecutive indexes. */
    public static Column index(Column yyyymm) {
        return floor(yyyymm.divide(100)).cast("int").multiply(12).plus(yyyymm.mod(100)).minus(1);
    }

    public static Column fromIndex(Column index) {
        return floor(index.divide(12)).cast("int").multiply(100).plus(index.mod(12)).plus(1).cast("int");
    }

    public static Column plus(Column yyyymm, int months) {
        return fromIndex(index(yyyymm).plus(months));
    }

    public static Column firstDay(Column yyyymm) {
        return make_date(floor(yyyymm.divide(100)).cast("int"), yyyymm.mod(100).cast("int"), lit(1));
    }

    public static Column lastDay(Column yyyymm) {
        return last_day(firstDay(yyyymm));
    }

    /** The yyyyMM of a date column. */
    public static Column of(Column date) {
        return functions.year(date).multiply(100).plus(functions.month(date)).cast("int");
    }

    /** The yyyy of a yyyyMM column. */
    public static Column yearOf(Column yyyymm) {
        return floor(yyyymm.divide(100)).cast("int");
    }

    /** Whole months from a to b (b - a), both yyyyMM. */
    public static Column between(Column a, Column b) {
        return index(b).minus(index(a));
    }

    /** A literal month as its index. */
    public static int index(int yyyymm) {
        return Months.index(yyyymm);
    }
}
