package wengang.schemas;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** How a contract column is read from text and which reject code a bad value gets. */
public enum ColumnKind {
    /** Free text (names, card numbers, ids without a national checksum). */
    TEXT(DataTypes.StringType, null),
    /** GB 11643 resident ID number, normalised to 18 upper-case characters. */
    RESIDENT_ID(DataTypes.StringType, "BAD_ID"),
    /** GB 32100 unified social credit code. */
    CREDIT_CODE(DataTypes.StringType, "BAD_CREDIT_CODE"),
    /** A code from a fixed vocabulary (upper-case ASCII). */
    CODE(DataTypes.StringType, "UNKNOWN_CODE"),
    /** A 6-digit administrative division code (region, district, county). */
    DIVISION(DataTypes.StringType, "UNKNOWN_CODE"),
    /** A month, yyyyMM or yyyy-MM, stored as the integer yyyyMM. */
    MONTH(DataTypes.IntegerType, "BAD_MONTH"),
    /** A date, yyyy-MM-dd. */
    DATE(DataTypes.DateType, "BAD_DATE"),
    /** Yuan with at most two decimals, never negative. */
    MONEY(Money.TYPE, "BAD_NUMBER"),
    /** A whole number, never negative. */
    COUNT(DataTypes.IntegerType, "BAD_NUMBER"),
    /** true/false (also 1/0, Y/N). */
    BOOLEAN(DataTypes.BooleanType, "UNKNOWN_CODE");

    private final DataType sparkType;
    private final String rejectCode;

    ColumnKind(DataType sparkType, String rejectCode) {
        this.sparkType = sparkType;
        this.rejectCode = rejectCode;
    }

    public DataType sparkType() {
        return sparkType;
    }

    /** The contract reject reason for a value of this kind that cannot be read. */
    public String rejectCode() {
        return rejectCode;
    }
}
