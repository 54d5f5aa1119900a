package wengang.decision;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.ReasonCode;

/**
 * The one place a month's reason is chosen: rules are walked in {@link ReasonCode}
 * order (the enum's order is the contract's precedence) and the first that applies
 * decides. No rule applies: PAYABLE with no reason.
 */
public final class ReasonChooser {
    private ReasonChooser() {}

    /** Adds {@code reasonColumn} (null when PAYABLE) and {@code statusColumn}. */
    public static Dataset<Row> decide(Dataset<Row> rows, List<ReasonRule> rules, String reasonColumn, String statusColumn) {
        List<ReasonRule> ordered = ordered(rules);
        return rows.withColumn(reasonColumn, reason(ordered)).withColumn(statusColumn, status(ordered));
    }

    public static Column reason(List<ReasonRule> rules) {
        Column out = null;
        for (ReasonRule r : ordered(rules)) {
            Column applies = coalesce(r.applies(), lit(false));
            out = out == null ? when(applies, lit(r.code().name())) : out.when(applies, lit(r.code().name()));
        }
        return out == null ? lit(null).cast("string") : out;
    }

    public static Column status(List<ReasonRule> rules) {
        Column out = null;
        for (ReasonRule r : ordered(rules)) {
            Column applies = coalesce(r.applies(), lit(false));
            Column status = when(coalesce(r.pending(), lit(false)), lit(MonthStatus.PENDING))
                    .otherwise(lit(MonthStatus.REJECTED));
            out = out == null ? when(applies, status) : out.when(applies, status);
        }
        return out == null ? lit(MonthStatus.PAYABLE) : out.otherwise(lit(MonthStatus.PAYABLE));
    }

    private static List<ReasonRule> ordered(List<ReasonRule> rules) {
        EnumSet<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        for (ReasonRule r : rules) {
            if (!seen.add(r.code())) {
                // two rules for one code would make the outcome depend on list order
                throw new IllegalArgumentException("two rules for " + r.code());
            }
        }
        return rules.stream().sorted(Comparator.comparing(ReasonRule::code)).toList();
    }
}
