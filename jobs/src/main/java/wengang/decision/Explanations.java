package wengang.decision;

import java.util.EnumMap;
import java.util.Map;
import wengang.schemas.ReasonCode;

/** For each reason code: the policy rule it enforces, its seed paragraph, and what it means in plain words. */
public final class Explanations {
    public record Explanation(String rule, String source, String meaning) {}

    private static final Map<ReasonCode, Explanation> TEXT = new EnumMap<>(ReasonCode.class);

    static {
        put(ReasonCode.INVALID_ID, "P1", "GB 11643", "the person_id fails the ID number's format, birth date or checksum");
        put(ReasonCode.LATE_SUBMISSION, "P2/P9-P11", "问题六(一), 问题七(二), 问题九(四), 问题十(三)",
                "submitted after the deadline (31 December of the year for annual and unit subsidies; 2025-12-31 for all)");
        put(ReasonCode.NOT_IN_REGISTRY, "P1", "问题二", "no registry row with a covered status (ALLEVIATED) valid in the month");
        put(ReasonCode.ORIGIN_NOT_COVERED, "P1", "问题二", "household county not in Bijie, Qiannan or Anshun");
        put(ReasonCode.OUTSIDE_POLICY_WINDOW, "P2", "问题三", "month outside 2023-01..2025-12");
        put(ReasonCode.NOT_DISPATCH_AGENCY, "P10", "问题九(一)", "the claimant is not a licensed dispatch agency registered in Guangzhou");
        put(ReasonCode.INELIGIBLE_UNIT, "P11", "问题十(一)",
                "the training unit is a government organ or public institution, outside Guangzhou, or not the worker's paying unit");
        put(ReasonCode.USER_UNIT_OUTSIDE_CITY, "P10", "问题九(三)", "the worker is not dispatched to a unit registered in Guangzhou");
        put(ReasonCode.NOT_NEW_HIRE, "P10", "问题九(二)",
                "a Guangzhou contribution in the 3 months before the hire month, or no PAID pension at the agency in the hire month");
        put(ReasonCode.REPEAT_SAME_AGENCY, "P10", "问题九(五)", "the same agency was already granted this worker");
        put(ReasonCode.DOUBLE_SCHEME, "P18", "问题十二", "already granted under the 2021 procedure or a district scheme");
        put(ReasonCode.DUPLICATE_CLAIM, "P17", "问题八", "an earlier claim for the same person, subsidy and month holds it");
        put(ReasonCode.ALREADY_PAID, "P16", "问题十二", "the ledger shows it paid or held for another claim");
        put(ReasonCode.ESTABLISHED_STAFF, "P3", "问题八", "established staff of a government organ or public institution");
        put(ReasonCode.NO_PAID_CONTRIBUTION, "P3/P6", "问题六(一)",
                "no PAID enterprise pension contribution in Guangzhou for the month (PENDING while arrears may still arrive)");
        put(ReasonCode.REQUALIFYING, "P4", "问题六(一)",
                "a spell after a break that has not reached 3 consecutive paid months (PENDING while it may still grow)");
        put(ReasonCode.SPELL_AFTER_CLAIM, "P4a", "问题六(二) 例B", "the month's spell began after the claim was submitted: apply again");
        put(ReasonCode.WRONG_DISTRICT, "P13", "问题五", "the paying unit is registered in another district than the claim's");
        put(ReasonCode.AGENCY_BELOW_MIN_HIRES, "P10", "问题九(二)", "the agency has fewer than 5 confirmed new hires this year");
        put(ReasonCode.HOURS_CAPPED, "P11", "问题十(二)", "training hours above 8 per day were cut");
        put(ReasonCode.NO_FINANCIAL_CARD, "P14", "问题四", "payable, but held: no social security card with active bank function");
        put(ReasonCode.FLAG_CONFIRMED, "screening", "问题九 温馨提示", "payable, but held: a reviewer confirmed a screening flag");
    }

    private Explanations() {}

    private static void put(ReasonCode code, String rule, String source, String meaning) {
        TEXT.put(code, new Explanation(rule, "seeds/000 " + source, meaning));
    }

    public static Explanation of(ReasonCode code) {
        return TEXT.get(code);
    }

    public static Explanation of(String code) {
        return code == null || code.isEmpty() ? null : of(ReasonCode.valueOf(code));
    }
}
