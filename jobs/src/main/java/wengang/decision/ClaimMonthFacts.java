package wengang.decision;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.schemas.Columns;
import wengang.schemas.ReasonCode;

/**
 * The common shape of a claim month before it is decided, whatever the subsidy: the
 * claim's identity, the month, its keys and amount, and for every reason code a
 * boolean "applies" column and a boolean "pending" column (false where a code does not
 * concern the subsidy). Subsidy-specific builders fill it; {@link ClaimMonthDecider}
 * decides it.
 */
public final class ClaimMonthFacts {
    public static final String KEY = "claim_key";
    public static final String AMOUNT = "computed_amount";
    public static final String PAYEE_TYPE = Columns.PAYEE_TYPE;
    /** TRAINING: hours above the daily cap were cut (informational HOURS_CAPPED). */
    public static final String HOURS_CAPPED = "hours_capped";
    /** Column name for whether code applies. */
    public static String applies(ReasonCode code) {
        return "c_" + code.name();
    }

    /** Column name for whether the code's effect is PENDING (else REJECTED). */
    public static String pending(ReasonCode code) {
        return "p_" + code.name();
    }

    /** Identity columns every builder provides, in this order. */
    public static final List<String> IDENTITY = List.of(
            Columns.CLAIM_ID, Columns.SUBSIDY, Columns.PERSON_ID, Columns.CLAIMANT_ID, Columns.DISTRICT,
            Columns.SUBMITTED_ON, Columns.PERIOD_FROM, Columns.PERIOD_TO, Columns.MONTH, KEY, AMOUNT, PAYEE_TYPE,
            Columns.AMOUNT_CLAIMED);

    private ClaimMonthFacts() {}

    /** Projects a builder's output onto the common shape: missing code columns become false. */
    public static Dataset<Row> normalise(Dataset<Row> rows) {
        List<String> present = List.of(rows.columns());
        List<Column> select = new ArrayList<>();
        for (String c : IDENTITY) {
            select.add(col(c));
        }
        select.add(present.contains(HOURS_CAPPED) ? coalesce(col(HOURS_CAPPED), lit(false)).as(HOURS_CAPPED)
                : lit(false).as(HOURS_CAPPED));
        for (ReasonCode code : ReasonCode.values()) {
            if (!code.decides()) {
                continue;
            }
            for (String name : List.of(applies(code), pending(code))) {
                select.add(present.contains(name) ? coalesce(col(name), lit(false)).as(name) : lit(false).as(name));
            }
        }
        return rows.select(select.toArray(Column[]::new));
    }

    /** The rules of the given codes, read from their applies/pending columns. */
    public static List<ReasonRule> rules(List<ReasonCode> codes) {
        List<ReasonRule> out = new ArrayList<>();
        for (ReasonCode code : codes) {
            out.add(new ReasonRule(code, col(applies(code)), col(pending(code))));
        }
        return out;
    }
}
