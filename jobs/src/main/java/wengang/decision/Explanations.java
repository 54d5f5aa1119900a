package wengang.decision;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.eligibility.AsOf;
import wengang.eligibility.MonthEligibility;
import wengang.policy.Rules;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.schemas.ReasonCode;

/**
 * For each reason code: the policy rule it enforces, its seed paragraph, and what it means
 * in plain words. The numbers in the words (window, deadline, months, hours, hires) are read
 * from the policy in force, so the text never disagrees with the rules that decided. And for
 * each contribution row of a person: whether a cycle decided a month with it (P5).
 */
public final class Explanations {
    public record Explanation(String rule, String source, String meaning) {}

    /** How cycle c treats a contribution row (the {@link #ROW_USE} column). */
    public enum RowUse {
        /** Visible at c ({@link AsOf#contributions}) and of a month c decides: the month was decided with it. */
        USED,
        /** Of a month c decides, but PAID on or after c's first day (or without paid_on): c could not see it. */
        NOT_VISIBLE,
        /** Of a month after c − 1: c decides no such month. */
        LATER_MONTH
    }

    public static final String ROW_USE = "row_use";

    private Explanations() {}

    public static Explanation of(String code, Rules r) {
        return code == null || code.isEmpty() ? null : of(ReasonCode.valueOf(code), r);
    }

    public static Explanation of(ReasonCode code, Rules r) {
        return switch (code) {
            case INVALID_ID -> text("P1", "GB 11643", "the person_id fails the ID number's format, birth date or checksum");
            case LATE_SUBMISSION -> text("P2/P9-P11", "问题六(一), 问题七(二), 问题九(四), 问题十(三)",
                    "submitted after the deadline (31 December of the year for annual and unit subsidies; "
                            + r.applicationDeadline() + " for all)");
            case NOT_IN_REGISTRY -> text("P1", "问题二", "no registry row with a covered status ("
                    + String.join(", ", r.coveredStatuses()) + ") valid in the month");
            case ORIGIN_NOT_COVERED -> text("P1", "问题二", "household county not in a covered prefecture ("
                    + String.join(", ", r.originPrefectures()) + ")");
            case OUTSIDE_POLICY_WINDOW -> text("P2", "问题三", "month outside " + Months.formatDashed(r.windowFirstMonth())
                    + ".." + Months.formatDashed(r.windowLastMonth()));
            case NOT_DISPATCH_AGENCY -> text("P10", "问题九(一)",
                    "the claimant is not a licensed dispatch agency registered in Guangzhou");
            case INELIGIBLE_UNIT -> text("P11", "问题十(一)",
                    "the training unit is a government organ or public institution, outside Guangzhou, or not the worker's paying unit");
            case USER_UNIT_OUTSIDE_CITY -> text("P10", "问题九(三)", "the worker is not dispatched to a unit registered in Guangzhou");
            case NOT_NEW_HIRE -> text("P10", "问题九(二)", "a Guangzhou contribution in the " + r.newHireLookbackMonths()
                    + " months before the hire month, or no PAID pension at the agency in the hire month");
            case REPEAT_SAME_AGENCY -> text("P10", "问题九(五)", "the same agency was already granted this worker");
            case DOUBLE_SCHEME -> text("P18", "问题十二", "already granted under the 2021 procedure or a district scheme");
            case DUPLICATE_CLAIM -> text("P17", "问题八", "an earlier claim for the same person, subsidy and month holds it");
            case ALREADY_PAID -> text("P16", "问题十二", "the ledger shows it paid or held for another claim");
            case ESTABLISHED_STAFF -> text("P3", "问题八", "established staff of a government organ or public institution");
            case NO_PAID_CONTRIBUTION -> text("P3/P6", "问题六(一)",
                    "no PAID enterprise pension contribution in Guangzhou for the month (PENDING for "
                            + r.graceMonths() + " months while arrears may still arrive)");
            case REQUALIFYING -> text("P4", "问题六(一)", "a spell after a break that has not reached " + r.requalifyMonths()
                    + " consecutive paid months (PENDING while it may still grow)");
            case SPELL_AFTER_CLAIM -> text("P4a", "问题六(二) 例B", "the month's spell began after the claim was submitted: apply again");
            case WRONG_DISTRICT -> text("P13", "问题五", "the paying unit is registered in another district than the claim's");
            case AGENCY_BELOW_MIN_HIRES -> text("P10", "问题九(二)", "the agency has fewer than " + r.dispatchMinHires()
                    + " confirmed new hires this year");
            case HOURS_CAPPED -> text("P11", "问题十(二)", "training hours above " + r.trainingMaxHoursPerDay()
                    + " per day were cut");
            case NO_FINANCIAL_CARD -> text("P14", "问题四", "payable, but held: no social security card with active bank function");
            case FLAG_CONFIRMED -> text("screening", "问题九 温馨提示", "payable, but held: a reviewer confirmed a screening flag");
        };
    }

    /**
     * Contribution rows (bronze columns, typically one person's) with {@link #ROW_USE}: the
     * visibility is {@link AsOf#contributionVisible}, the decided months those up to
     * {@link MonthEligibility#lastDecidedMonth}.
     */
    public static Dataset<Row> contributionUse(Dataset<Row> contributions, int cycle) {
        Column decidedMonth = col(Columns.MONTH).leq(MonthEligibility.lastDecidedMonth(cycle));
        Column visible = coalesce(AsOf.contributionVisible(cycle), lit(false));
        return contributions.withColumn(ROW_USE, when(not(decidedMonth), RowUse.LATER_MONTH.name())
                .when(visible, RowUse.USED.name())
                .otherwise(RowUse.NOT_VISIBLE.name()));
    }

    private static Explanation text(String rule, String source, String meaning) {
        return new Explanation(rule, "seeds/000 " + source, meaning);
    }
}
