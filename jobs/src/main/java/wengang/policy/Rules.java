package wengang.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy's parameters resolved for one cycle (values in force on its first day).
 * Amounts that can change within the window are read per month through
 * {@link Policy#moneyForMonth}. Named accessors say which rule each value serves.
 */
public final class Rules {
    private final Policy policy;
    private final LocalDate asOf;

    Rules(Policy policy, LocalDate asOf) {
        this.policy = policy;
        this.asOf = asOf;
    }

    public Policy policy() {
        return policy;
    }

    // P1
    public List<String> coveredStatuses() { return strings("covered_statuses"); }
    public List<String> originPrefectures() { return strings("origin_prefectures"); }
    // P2
    public int windowFirstMonth() { return integer("window_first_month"); }
    public int windowLastMonth() { return integer("window_last_month"); }
    public LocalDate applicationDeadline() { return date("application_deadline"); }
    // P3
    public String cityRegion() { return policy.cityRegion(); }
    public List<String> employmentInsuranceTypes() { return strings("employment_insurance_types"); }
    public List<String> establishedStaffTypes() { return strings("established_staff_types"); }
    public List<String> establishedInsuranceTypes() { return strings("established_insurance_types"); }
    // P4, P6
    public int requalifyMonths() { return integer("requalify_months"); }
    public int graceMonths() { return integer("grace_months"); }
    // P7
    public List<String> siSubsidyInsuranceTypes() { return strings("si_subsidy_insurance_types"); }
    // P9, P10
    public int annualDecisionMonth() { return integer("annual_decision_month"); }
    public int dispatchMinHires() { return integer("dispatch_min_hires"); }
    public int newHireLookbackMonths() { return integer("new_hire_lookback_months"); }
    // P11
    public int trainingMaxHoursPerDay() { return integer("training_max_hours_per_day"); }
    public List<String> trainingExcludedUnitTypes() { return strings("training_excluded_unit_types"); }
    // P13
    public List<String> districtCodes() { return policy.districtCodes(); }
    // P15
    public List<Integer> paymentCycleMonths() {
        List<Integer> out = new ArrayList<>();
        value("payment_cycle_months").forEach(n -> out.add(n.asInt()));
        return out;
    }
    // screening
    public int retroactiveAfterMonths() { return integer("retroactive_after_months"); }
    public int shortStayMonths() { return integer("short_stay_months"); }
    public BigDecimal shortStayShare() { return decimal("short_stay_share"); }
    public BigDecimal overclaimTolerance() { return decimal("overclaim_tolerance"); }
    /** Points of one flag of this severity (HIGH, MEDIUM, LOW) in a unit's risk score. */
    public int riskPoints(String severity) {
        return wholeNumber("risk_score_points." + severity, value("risk_score_points").path(severity));
    }
    // P19
    public List<String> fulfilmentStatuses() { return strings("fulfilment_statuses"); }
    public String provinceRegion() { return value("province_region").asText(); }

    /** P15: payment files are produced in this cycle. */
    public boolean isPaymentCycle(int cycle) {
        return paymentCycleMonths().contains(cycle % 100);
    }

    private JsonNode value(String key) {
        return policy.parameter(key).at(asOf);
    }

    private int integer(String key) {
        return wholeNumber(key, value(key));
    }

    private static int wholeNumber(String key, JsonNode n) {
        if (!n.canConvertToInt() && !n.isTextual()) {
            throw new PolicyException("parameter " + key + " must be a whole number, is " + n);
        }
        try {
            return n.isTextual() ? Integer.parseInt(n.asText().trim()) : n.asInt();
        } catch (NumberFormatException e) {
            throw new PolicyException("parameter " + key + " must be a whole number, is " + n, e);
        }
    }

    private BigDecimal decimal(String key) {
        try {
            return new BigDecimal(value(key).asText());
        } catch (NumberFormatException e) {
            throw new PolicyException("parameter " + key + " must be a decimal, is " + value(key), e);
        }
    }

    private LocalDate date(String key) {
        try {
            return LocalDate.parse(value(key).asText());
        } catch (RuntimeException e) {
            throw new PolicyException("parameter " + key + " must be a date yyyy-MM-dd, is " + value(key), e);
        }
    }

    private List<String> strings(String key) {
        JsonNode n = value(key);
        if (!n.isArray()) {
            throw new PolicyException("parameter " + key + " must be a list, is " + n);
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return List.copyOf(out);
    }
}
