package wengang.payment;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.schemas.Columns;
import wengang.schemas.Money;

/**
 * Payment lines of one cycle from its ledger entries: per claim and status, a run of
 * consecutive months settled in the cycle (the entries already carry their line's
 * payment_id). A HELD line appears once, in the cycle that first holds it; its release
 * is a PAY line of the releasing cycle.
 */
public final class PaymentLines {
    private PaymentLines() {}

    public static Dataset<Row> of(Dataset<Row> entriesOfCycle) {
        return entriesOfCycle.groupBy(Columns.PAYMENT_ID)
                .agg(first(Columns.DISTRICT).as(Columns.DISTRICT),
                        first(Columns.PAYEE_TYPE).as(Columns.PAYEE_TYPE),
                        first(Columns.PAYEE_ID).as(Columns.PAYEE_ID),
                        first(Columns.PAYEE_NAME).as(Columns.PAYEE_NAME),
                        first(Columns.ACCOUNT).as(Columns.ACCOUNT),
                        first(Columns.SUBSIDY).as(Columns.SUBSIDY),
                        min(Columns.MONTH).as(Columns.PERIOD_FROM),
                        max(Columns.PERIOD_TO).as(Columns.PERIOD_TO),
                        sum(Columns.AMOUNT).cast(Money.TYPE).as(Columns.AMOUNT),
                        first(Columns.CLAIM_ID).as(Columns.CLAIM_ID),
                        first(Ledger.ENTRY_TYPE).as(Columns.STATUS),
                        first(Columns.CYCLE).as(Columns.CYCLE),
                        first(Columns.POLICY_VERSION).as(Columns.POLICY_VERSION));
    }
}
