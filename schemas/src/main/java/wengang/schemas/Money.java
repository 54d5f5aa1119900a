package wengang.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/** Money is yuan with two decimals, as DecimalType(14,2): never double. */
public final class Money {
    public static final int PRECISION = 14;
    public static final int SCALE = 2;
    public static final DecimalType TYPE = DataTypes.createDecimalType(PRECISION, SCALE);
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {}

    public static BigDecimal of(String yuan) {
        return new BigDecimal(yuan).setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** Two decimals, no exponent: how every output writes money. */
    public static String format(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(SCALE, RoundingMode.HALF_UP).toPlainString();
    }
}
