package wengang.payment;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.decision.ClaimMonthFacts;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Columns;
import wengang.schemas.Money;

/**
 * P16: a month's amount is frozen when first paid or held. When the data now gives
 * another amount (a corrected contribution, or the month is no longer payable), the
 * difference is reported here and never paid automatically.
 */
public final class Adjustments {
    private Adjustments() {}

    /**
     * @param ledgerUpToCycle ledger entries of cycles up to and including this one
     * @param decidedMonths   claim months with status and the currently computed amount
     */
    public static Dataset<Row> build(Dataset<Row> ledgerUpToCycle, Dataset<Row> decidedMonths) {
        Dataset<Row> frozen = ledgerUpToCycle.groupBy(Columns.CLAIM_ID, Columns.MONTH)
                .agg(min(struct(col(Columns.CYCLE), col(Columns.AMOUNT))).getField(Columns.AMOUNT).as(Columns.PAID_AMOUNT));
        Dataset<Row> now = decidedMonths.select(col(Columns.CLAIM_ID).as("_c"), col(Columns.MONTH).as("_m"),
                when(col(Columns.STATUS).equalTo(MonthStatus.PAYABLE), col(ClaimMonthFacts.AMOUNT))
                        .otherwise(lit(Money.ZERO)).cast(Money.TYPE).as(Columns.RECOMPUTED_AMOUNT));
        Column recomputed = coalesce(col(Columns.RECOMPUTED_AMOUNT), lit(Money.ZERO)).cast(Money.TYPE);
        return frozen.join(now, col(Columns.CLAIM_ID).equalTo(col("_c")).and(col(Columns.MONTH).equalTo(col("_m"))), "left")
                .withColumn(Columns.RECOMPUTED_AMOUNT, recomputed)
                .withColumn(Columns.DIFFERENCE, col(Columns.RECOMPUTED_AMOUNT).minus(col(Columns.PAID_AMOUNT)).cast(Money.TYPE))
                .filter(col(Columns.DIFFERENCE).notEqual(lit(Money.ZERO)))
                .select(Columns.CLAIM_ID, Columns.MONTH, Columns.PAID_AMOUNT, Columns.RECOMPUTED_AMOUNT, Columns.DIFFERENCE);
    }
}
