package wengang.claims;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.decision.ClaimMonthFacts;
import wengang.payment.Settlement;
import wengang.schemas.Codes.Decision;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Columns;
import wengang.schemas.Money;
import wengang.schemas.ReasonCode;

/**
 * One decision per claim from its months (contract: claim_decisions): APPROVED when
 * every month is PAYABLE, REJECTED when every month is REJECTED, PENDING when none is
 * PAYABLE and one is PENDING, PARTIAL otherwise. approved_amount sums the PAYABLE
 * months' amounts (held ones and those settled earlier included). reasons is the
 * sorted set of the months' reasons plus the informational codes that apply now or
 * applied in an earlier cycle, the latter only on a claim with a PAYABLE month.
 * "Applied in an earlier cycle" means shown by any cycle before c run on the warehouse,
 * payment cycle or not (a month held for want of a card in December's claim_months
 * keeps NO_FINANCIAL_CARD in January's reasons after the card arrived), or held in the
 * ledger before c.
 */
public final class ClaimDecisions {
    /** Informational codes a cycle showed for a claim: one row per claim, cycle and code. */
    public static final StructType SHOWN_REASONS = new StructType()
            .add(Columns.CLAIM_ID, DataTypes.StringType, false)
            .add(Columns.CYCLE, DataTypes.IntegerType, false)
            .add(Columns.REASON, DataTypes.StringType, false);

    private ClaimDecisions() {}

    /** The informational codes among a cycle's shown claim decisions (claim_id, cycle, reasons). */
    public static Dataset<Row> shownReasons(Dataset<Row> decisionsWithCycle) {
        return decisionsWithCycle
                .select(col(Columns.CLAIM_ID), col(Columns.CYCLE),
                        explode(split(coalesce(col(Columns.REASONS), lit("")), ";")).as(Columns.REASON))
                .filter(col(Columns.REASON).isin((Object[]) ReasonCode.informational()));
    }

    /** Decisions of a cycle on which no earlier cycle showed anything. */
    public static Dataset<Row> decide(Dataset<Row> settledMonths) {
        return decide(settledMonths, settledMonths.sparkSession().createDataFrame(java.util.List.of(), SHOWN_REASONS), 0);
    }

    /**
     * @param settledMonths claim months as shown ({@link Settlement.Settled#claimMonths()})
     * @param shownReasons  informational codes shown by cycles run on the warehouse ({@link #SHOWN_REASONS});
     *                      those of cycles before {@code cycle} are kept
     */
    public static Dataset<Row> decide(Dataset<Row> settledMonths, Dataset<Row> shownReasons, int cycle) {
        Dataset<Row> earlier = shownReasons.filter(col(Columns.CYCLE).lt(cycle))
                .groupBy(col(Columns.CLAIM_ID).as("_e_claim")).agg(collect_set(col(Columns.REASON)).as("_earlier_shown"));
        Column payable = col(Columns.STATUS).equalTo(MonthStatus.PAYABLE);
        Column hoursCapped = col(ClaimMonthFacts.HOURS_CAPPED);
        Dataset<Row> perClaim = settledMonths.groupBy(Columns.CLAIM_ID)
                .agg(
                        first(Columns.SUBSIDY).as(Columns.SUBSIDY),
                        first(Columns.PERSON_ID).as(Columns.PERSON_ID),
                        first(Columns.CLAIMANT_ID).as(Columns.CLAIMANT_ID),
                        first(Columns.DISTRICT).as(Columns.DISTRICT),
                        first(Columns.AMOUNT_CLAIMED).as(Columns.AMOUNT_CLAIMED),
                        count(lit(1)).as("_months"),
                        sum(when(payable, 1).otherwise(0)).as("_payable"),
                        sum(when(col(Columns.STATUS).equalTo(MonthStatus.REJECTED), 1).otherwise(0)).as("_rejected"),
                        sum(when(col(Columns.STATUS).equalTo(MonthStatus.PENDING), 1).otherwise(0)).as("_pending"),
                        coalesce(sum(when(payable, col(Columns.AMOUNT))), lit(Money.ZERO)).cast(Money.TYPE)
                                .as(Columns.APPROVED_AMOUNT),
                        collect_set(col(Columns.REASON)).as("_month_reasons"),
                        flatten(collect_list(col(Settlement.EARLIER_HOLD_REASONS))).as("_earlier_holds"),
                        max(hoursCapped).as("_capped"))
                .join(earlier, col(Columns.CLAIM_ID).equalTo(col("_e_claim")), "left");
        Column informational = concat(
                when(col("_capped"), array(lit(ReasonCode.HOURS_CAPPED.name()))).otherwise(array().cast("array<string>")),
                filter(col("_earlier_holds"), x -> x.isNotNull()),
                coalesce(col("_earlier_shown"), array().cast("array<string>")));
        Column reasons = array_join(array_sort(array_distinct(concat(col("_month_reasons"),
                when(col("_payable").gt(0), informational).otherwise(array().cast("array<string>"))))), ";");
        Column decision = when(col("_payable").equalTo(col("_months")), lit(Decision.APPROVED))
                .when(col("_rejected").equalTo(col("_months")), lit(Decision.REJECTED))
                .when(col("_payable").equalTo(0).and(col("_pending").gt(0)), lit(Decision.PENDING))
                .otherwise(lit(Decision.PARTIAL));
        return perClaim
                .withColumn(Columns.DECISION, decision)
                .withColumn(Columns.REASONS, reasons)
                .drop("_months", "_payable", "_rejected", "_pending", "_month_reasons", "_earlier_holds", "_capped",
                        "_e_claim", "_earlier_shown");
    }
}
