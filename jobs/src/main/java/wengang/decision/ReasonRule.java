package wengang.decision;

import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import wengang.schemas.ReasonCode;

/**
 * One row of the contract's reason-code table made executable: when {@code applies}
 * holds, the month gets {@code code}, and is PENDING when {@code pending} holds,
 * REJECTED otherwise.
 */
public record ReasonRule(ReasonCode code, Column applies, Column pending) {
    public ReasonRule {
        if (!code.decides()) {
            throw new IllegalArgumentException(code + " is informational and decides nothing");
        }
    }

    public static ReasonRule rejects(ReasonCode code, Column applies) {
        return new ReasonRule(code, applies, lit(false));
    }

    public static ReasonRule pendingWhile(ReasonCode code, Column applies, Column pending) {
        return new ReasonRule(code, applies, pending);
    }
}
