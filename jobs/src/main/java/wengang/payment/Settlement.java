package wengang.payment;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import wengang.decision.ClaimMonthFacts;
import wengang.eligibility.MonthColumns;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.PayeeType;
import wengang.schemas.Codes.PaymentStatus;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.Money;
import wengang.schemas.ReasonCode;

/**
 * P14–P16: what happens to each decided claim month against the ledger at cycle c.
 * <ul>
 *   <li>A PAYABLE month already paid (PAY in an earlier cycle) is settled: nothing new.</li>
 *   <li>A PAYABLE month that cannot be paid now (no usable card for a personal subsidy,
 *       or a confirmed flag) carries NO_FINANCIAL_CARD or FLAG_CONFIRMED; in a payment
 *       cycle it gets a HELD entry the first time only.</li>
 *   <li>Otherwise, in a payment cycle, a PAY entry: new, or releasing an earlier hold.</li>
 * </ul>
 * A month's amount is frozen by its first entry; later cycles show the frozen amount.
 */
public final class Settlement {
    public static final String HOLD_REASON = Ledger.HOLD_REASON;
    public static final String FROZEN_AMOUNT = "frozen_amount";
    public static final String PAID_BEFORE = "paid_before";
    public static final String HELD_BEFORE = "held_before";
    public static final String EARLIER_HOLD_REASONS = "earlier_hold_reasons";
    public static final String PAYEE_NAME = Columns.PAYEE_NAME;

    private Settlement() {}

    /** Result of settling one cycle: the claim months as shown, and the ledger entries this cycle adds. */
    public record Settled(Dataset<Row> claimMonths, Dataset<Row> newEntries) {}

    /** Helper columns of {@link #settle} that {@link #split} drops from the shown months. */
    private static final String[] WORK_COLUMNS = {"_l_claim", "_l_month", "_card_person", "_flag_claim", "_flag_person",
        "_unit", "_unit_name", "_unit_account", "_name_person", "_person_name", "_account"};

    /**
     * @param decided      claim months decided by {@link wengang.decision.ClaimMonthDecider}
     * @param payeeNames   person_id, name (registry name, else contribution name)
     * @param employers    the employers table (unit payees: name and bank_account)
     */
    public static Dataset<Row> settle(Dataset<Row> decided, Dataset<Row> ledgerBefore, Holds holds, Dataset<Row> payeeNames,
                                      Dataset<Row> employers) {
        Dataset<Row> state = ledgerBefore.groupBy(col(Columns.CLAIM_ID).as("_l_claim"), col(Columns.MONTH).as("_l_month"))
                .agg(min(struct(col(Columns.CYCLE), col(Columns.AMOUNT))).getField(Columns.AMOUNT).as(FROZEN_AMOUNT),
                        max(col(Ledger.ENTRY_TYPE).equalTo(PaymentStatus.PAY)).as(PAID_BEFORE),
                        max(col(Ledger.ENTRY_TYPE).equalTo(PaymentStatus.HELD)).as(HELD_BEFORE),
                        collect_set(col(Ledger.HOLD_REASON)).as(EARLIER_HOLD_REASONS));
        Dataset<Row> cards = holds.usableCards().select(col(Columns.PERSON_ID).as("_card_person"), col(Columns.CARD_NO));
        Dataset<Row> flaggedClaims = holds.confirmedSubjects().filter(col(Columns.SUBJECT_TYPE).equalTo("CLAIM"))
                .select(col(Columns.SUBJECT_ID).as("_flag_claim")).distinct();
        Dataset<Row> flaggedPersons = holds.confirmedSubjects().filter(col(Columns.SUBJECT_TYPE).equalTo("PERSON"))
                .select(col(Columns.SUBJECT_ID).as("_flag_person")).distinct();
        Dataset<Row> units = employers.select(col(Columns.EMPLOYER_ID).as("_unit"), col(Columns.NAME).as("_unit_name"),
                col(Columns.BANK_ACCOUNT).as("_unit_account"));
        Dataset<Row> names = payeeNames.select(col(Columns.PERSON_ID).as("_name_person"), col(Columns.NAME).as("_person_name"));

        Column payable = col(Columns.STATUS).equalTo(MonthStatus.PAYABLE);
        Column paidBefore = coalesce(col(PAID_BEFORE), lit(false));
        Column personal = col(ClaimMonthFacts.PAYEE_TYPE).equalTo(PayeeType.PERSON);
        Column holdReason = when(payable.and(not(paidBefore)),
                when(personal.and(col(Columns.CARD_NO).isNull()), lit(ReasonCode.NO_FINANCIAL_CARD.name()))
                        .when(col("_flag_claim").isNotNull().or(col("_flag_person").isNotNull()),
                                lit(ReasonCode.FLAG_CONFIRMED.name())));

        Dataset<Row> months = decided
                .join(state, col(Columns.CLAIM_ID).equalTo(col("_l_claim")).and(col(Columns.MONTH).equalTo(col("_l_month"))), "left")
                .join(cards, col(Columns.PERSON_ID).equalTo(col("_card_person")), "left")
                .join(flaggedClaims, col(Columns.CLAIM_ID).equalTo(col("_flag_claim")), "left")
                .join(flaggedPersons, col(Columns.PERSON_ID).equalTo(col("_flag_person")), "left")
                .join(broadcast(units), col(Columns.CLAIMANT_ID).equalTo(col("_unit")), "left")
                .join(names, col(Columns.PERSON_ID).equalTo(col("_name_person")), "left")
                .withColumns(settledColumns(payable, paidBefore, personal, holdReason));
        return months;
    }

    private static java.util.Map<String, Column> settledColumns(Column payable, Column paidBefore, Column personal,
                                                               Column holdReason) {
        java.util.Map<String, Column> m = new java.util.LinkedHashMap<>();
        m.put(HOLD_REASON, holdReason);
        m.put(PAID_BEFORE, paidBefore);
        m.put(HELD_BEFORE, coalesce(col(HELD_BEFORE), lit(false)));
        m.put(EARLIER_HOLD_REASONS, coalesce(col(EARLIER_HOLD_REASONS), array().cast("array<string>")));
        m.put(Columns.AMOUNT, when(payable, coalesce(col(FROZEN_AMOUNT), col(ClaimMonthFacts.AMOUNT)))
                .otherwise(lit(Money.ZERO)).cast(Money.TYPE));
        // a held PAYABLE month shows why it is held; a payable month otherwise no reason
        m.put(Columns.REASON, when(payable, holdReason).otherwise(col(Columns.REASON)));
        m.put(PAYEE_NAME, when(personal, col("_person_name")).otherwise(col("_unit_name")));
        m.put("_account", when(personal, col(Columns.CARD_NO)).otherwise(col("_unit_account")));
        return m;
    }

    /** The shown claim months and (in a payment cycle) the new ledger entries, from {@link #settle}'s rows. */
    public static Settled split(Dataset<Row> settled, boolean paymentCycle, int cycle, String policyLabel) {
        Dataset<Row> entries = paymentCycle
                ? newEntries(settled, cycle, policyLabel)
                : settled.sparkSession().createDataFrame(java.util.List.of(), Ledger.SCHEMA);
        return new Settled(settled.drop(WORK_COLUMNS), entries);
    }

    /** Ledger entries of a payment cycle: first holds, new payments and releases, with their line's payment_id. */
    static Dataset<Row> newEntries(Dataset<Row> months, int cycle, String policyLabel) {
        Column payable = col(Columns.STATUS).equalTo(MonthStatus.PAYABLE);
        Column held = col(HOLD_REASON).isNotNull();
        Column entryType = when(payable.and(not(col(PAID_BEFORE))).and(held).and(not(col(HELD_BEFORE))), lit(PaymentStatus.HELD))
                .when(payable.and(not(col(PAID_BEFORE))).and(not(held)), lit(PaymentStatus.PAY));
        Column monthly = col(Columns.SUBSIDY).isin(Subsidy.SI_SUBSIDY, Subsidy.LIVING);
        Dataset<Row> e = months.withColumn(Ledger.ENTRY_TYPE, entryType).filter(col(Ledger.ENTRY_TYPE).isNotNull())
                .withColumn(Columns.CYCLE, lit(cycle))
                .withColumn(Ledger.CLAIM_KEY, col(ClaimMonthFacts.KEY))
                .withColumn(Columns.PERIOD_TO, when(monthly, col(Columns.MONTH)).otherwise(col(Columns.PERIOD_TO)))
                .withColumn(Columns.PAYEE_ID, when(col(ClaimMonthFacts.PAYEE_TYPE).equalTo(PayeeType.PERSON),
                        col(Columns.PERSON_ID)).otherwise(col(Columns.CLAIMANT_ID)))
                .withColumn(Columns.ACCOUNT, when(col(Ledger.ENTRY_TYPE).equalTo(PaymentStatus.PAY), col("_account")))
                .withColumn(Columns.POLICY_VERSION, lit(policyLabel));
        // a line is a run of consecutive months of one claim and one status; its id comes
        // from claim_id, cycle and the run's first month, so a re-run gives the same id
        Column idx = MonthColumns.index(col(Columns.MONTH));
        Column island = idx.minus(row_number().over(
                Window.partitionBy(Columns.CLAIM_ID, Ledger.ENTRY_TYPE).orderBy(Columns.MONTH)));
        Dataset<Row> withRun = e.withColumn("_island", island)
                .withColumn("_run_start", min(Columns.MONTH).over(Window.partitionBy(col(Columns.CLAIM_ID),
                        col(Ledger.ENTRY_TYPE), col("_island"))))
                .withColumn(Columns.PAYMENT_ID, paymentId(col(Columns.CLAIM_ID), lit(cycle), col("_run_start")));
        return withRun.select(java.util.Arrays.stream(Ledger.SCHEMA.fieldNames()).map(c -> col(c))
                .toArray(Column[]::new));
    }

    /** "P" + the first 16 hex digits of SHA-256(claim_id|cycle|period_from). */
    public static Column paymentId(Column claimId, Column cycle, Column periodFrom) {
        return concat(lit("P"), upper(substring(sha2(concat_ws("|", claimId, cycle.cast("string"),
                periodFrom.cast("string")), 256), 1, 16)));
    }
}
