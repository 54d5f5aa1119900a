package wengang.schemas;

import java.util.List;

/**
 * The files `run` writes under --out (contract.md "The command that acceptance tests
 * call"): file name and the leading columns, in order. More columns may follow.
 */
public final class OutputFiles {
    private OutputFiles() {}

    public record OutputFile(String fileName, List<String> columns) {
        public OutputFile {
            columns = List.copyOf(columns);
        }
    }

    public static final OutputFile CLAIM_DECISIONS = new OutputFile("claim_decisions.csv", List.of(
            Columns.CLAIM_ID, Columns.DECISION, Columns.APPROVED_AMOUNT, Columns.REASONS,
            Columns.SUBSIDY, Columns.PERSON_ID, Columns.DISTRICT, Columns.CYCLE, Columns.POLICY_VERSION));

    public static final OutputFile CLAIM_MONTHS = new OutputFile("claim_months.csv", List.of(
            Columns.CLAIM_ID, Columns.MONTH, Columns.STATUS, Columns.AMOUNT, Columns.REASON,
            Columns.CYCLE, Columns.POLICY_VERSION));

    public static final OutputFile PAYMENTS = new OutputFile("payments/<district_code>.csv", List.of(
            Columns.PAYMENT_ID, Columns.DISTRICT, Columns.PAYEE_TYPE, Columns.PAYEE_ID, Columns.PAYEE_NAME,
            Columns.ACCOUNT, Columns.SUBSIDY, Columns.PERIOD_FROM, Columns.PERIOD_TO, Columns.AMOUNT,
            Columns.CLAIM_ID, Columns.STATUS, Columns.CYCLE, Columns.POLICY_VERSION));

    public static final OutputFile ADJUSTMENTS = new OutputFile("adjustments.csv", List.of(
            Columns.CLAIM_ID, Columns.MONTH, Columns.PAID_AMOUNT, Columns.RECOMPUTED_AMOUNT, Columns.DIFFERENCE,
            Columns.CYCLE, Columns.POLICY_VERSION));

    public static final OutputFile FLAGS = new OutputFile("flags.csv", List.of(
            Columns.RULE, Columns.SUBJECT_TYPE, Columns.SUBJECT_ID, Columns.SEVERITY, Columns.EVIDENCE,
            Columns.FLAG_ID, Columns.GROUP_ID, Columns.GROUP_SIZE, "review", Columns.CYCLE, Columns.POLICY_VERSION));

    /** Screening: units and agencies ranked by risk (1 = most suspicious). */
    public static final OutputFile RISK_UNITS = new OutputFile("risk_units.csv", List.of(
            "rank", "unit_id", Columns.NAME, Columns.DISTRICT, "flags_high", "flags_medium", "flags_low", "flags",
            "money_involved", "short_stay_share", "score", "rules", Columns.CYCLE, Columns.POLICY_VERSION));

    public static final OutputFile ELIGIBLE_UNCLAIMED = new OutputFile("eligible_unclaimed.csv", List.of(
            Columns.PERSON_ID, Columns.NAME, Columns.DISTRICT, Columns.MONTHS, Columns.FIRST_MONTH,
            Columns.LAST_MONTH, Columns.ESTIMATED_AMOUNT, Columns.CYCLE, Columns.POLICY_VERSION));

    public static final OutputFile FULFILMENT = new OutputFile("fulfilment.csv", List.of(
            Columns.YEAR, Columns.REGION_CODE, Columns.REGION_NAME, Columns.EMPLOYED_PERSONS,
            Columns.TARGET_PERSONS, Columns.FULFILMENT_RATIO, Columns.CYCLE, Columns.POLICY_VERSION));

    /** P19 month by month: employed so far in the year (cumulative), against the quota and an even pace. */
    public static final OutputFile FULFILMENT_MONTHLY = new OutputFile("fulfilment_monthly.csv", List.of(
            Columns.YEAR, Columns.MONTH, Columns.REGION_CODE, Columns.REGION_NAME, Columns.EMPLOYED_PERSONS,
            Columns.TARGET_PERSONS, Columns.FULFILMENT_RATIO, Columns.WORKING_PERSONS, Columns.PACE_RATIO,
            Columns.PACE_PERSONS, Columns.BEHIND_PACE, Columns.CYCLE, Columns.POLICY_VERSION));

    /** Metrics of this cycle that moved beyond their family's threshold (conf/alerts.yaml). */
    public static final OutputFile ALERTS = new OutputFile("alerts.csv", List.of(
            Columns.METRIC, Columns.FAMILY, Columns.DIRECTION, Columns.VALUE, Columns.PREVIOUS_CYCLE,
            Columns.PREVIOUS_VALUE, Columns.CHANGE_VS_PREVIOUS, Columns.TRAILING_CYCLES, Columns.TRAILING_AVERAGE,
            Columns.CHANGE_VS_AVERAGE, Columns.THRESHOLD, Columns.REASON, Columns.CYCLE, Columns.POLICY_VERSION));

    public static final OutputFile REJECTS = new OutputFile("rejects.csv", List.of(
            Columns.TABLE, Columns.FILE, Columns.LINE, Columns.COLUMN, Columns.REASON, Columns.RAW,
            Columns.RAW_BASE64));

    public static final List<OutputFile> ALWAYS = List.of(CLAIM_DECISIONS, CLAIM_MONTHS, ADJUSTMENTS, FLAGS,
            ELIGIBLE_UNCLAIMED, FULFILMENT, REJECTS, RISK_UNITS, FULFILMENT_MONTHLY, ALERTS);
}
