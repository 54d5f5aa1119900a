package wengang.eligibility;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import wengang.schemas.Codes;
import wengang.schemas.Columns;
import wengang.schemas.Months;

/**
 * P5: what a verification cycle c sees. Contributions paid, claims submitted and cards
 * usable before c's first day; rows without paid_on (OWED, REVERSED) are visible to
 * every cycle. The cycle is an argument, never "now".
 */
public final class AsOf {
    private AsOf() {}

    public static Column firstDay(int cycle) {
        return lit(java.sql.Date.valueOf(Months.firstDay(cycle)));
    }

    /** Contribution rows cycle c sees: PAID ones paid before its first day, and every non-PAID row. */
    public static Dataset<Row> contributions(Dataset<Row> contributions, int cycle) {
        return contributions.filter(contributionVisible(cycle));
    }

    /**
     * Whether cycle c sees a contribution row (the condition {@link #contributions} filters on):
     * true, false, or null (a PAID row without paid_on), which the filter drops like false.
     */
    public static Column contributionVisible(int cycle) {
        Column paid = col(Columns.PAY_STATUS).equalTo(Codes.PayStatus.PAID);
        return not(paid).or(col(Columns.PAID_ON).lt(firstDay(cycle)));
    }

    /** Claims (and grants of other schemes) submitted before c's first day. */
    public static Dataset<Row> claims(Dataset<Row> claims, int cycle) {
        return claims.filter(col(Columns.SUBMITTED_ON).lt(firstDay(cycle)));
    }

    /**
     * Cards usable for payment at c: ACTIVE, bank function on, activated before c's first
     * day (empty activated_on: before any cycle). One card per person: the latest
     * activated, then the smallest card_no.
     */
    public static Dataset<Row> usableCards(Dataset<Row> cards, int cycle) {
        Dataset<Row> usable = cards.filter(col(Columns.STATUS).equalTo(Codes.CardStatus.ACTIVE)
                .and(col(Columns.FINANCIAL_ENABLED))
                .and(col(Columns.ACTIVATED_ON).isNull().or(col(Columns.ACTIVATED_ON).lt(firstDay(cycle)))));
        WindowSpec latestFirst = Window.partitionBy(Columns.PERSON_ID)
                .orderBy(col(Columns.ACTIVATED_ON).desc_nulls_last(), col(Columns.CARD_NO).asc());
        return usable.withColumn("_rank", row_number().over(latestFirst))
                .filter(col("_rank").equalTo(1))
                .select(col(Columns.PERSON_ID), col(Columns.CARD_NO));
    }
}
