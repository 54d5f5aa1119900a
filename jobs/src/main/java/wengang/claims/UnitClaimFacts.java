package wengang.claims;

import static org.apache.spark.sql.functions.*;
import static wengang.decision.ClaimMonthFacts.applies;
import static wengang.decision.ClaimMonthFacts.pending;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.decision.ClaimKeys;
import wengang.decision.ClaimMonthFacts;
import wengang.eligibility.MonthColumns;
import wengang.eligibility.MonthEligibility;
import wengang.eligibility.RegistryPersons;
import wengang.policy.Policy;
import wengang.policy.Rules;
import wengang.schemas.Codes;
import wengang.schemas.Codes.PayeeType;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.Money;
import wengang.schemas.ReasonCode;

/**
 * Facts of the subsidies paid to a unit (one row per claim, month = period_from):
 * DISPATCH_ONE_TIME (P10, seeds/000 问题九) and TRAINING (P11, 问题十).
 */
public final class UnitClaimFacts {
    private UnitClaimFacts() {}

    /** DISPATCH_ONE_TIME facts: every code but the cross-claim ones (10's second clause, 12, 19). */
    public static Dataset<Row> dispatch(ClaimInputs in, Policy policy, Rules rules, int cycle) {
        Dataset<Row> claims = common(in.claims().filter(col(Columns.SUBSIDY).equalTo(Subsidy.DISPATCH_ONE_TIME)), in);
        Column hire = col(Columns.MONTH);
        Dataset<Row> agencies = in.employers().select(col(Columns.EMPLOYER_ID).as("_agency"),
                col(Columns.DISPATCH_LICENSED).as("_licensed"), col(Columns.REGISTERED_DISTRICT).as("_agency_district"));
        Dataset<Row> userUnits = in.employers().select(col(Columns.EMPLOYER_ID).as("_user_unit_id"),
                col(Columns.REGISTERED_DISTRICT).as("_user_unit_district"));

        // the worker's hire-month row at the claimant: its pension row first, a PAID one first
        Column rank = struct(
                when(col(Columns.INSURANCE_TYPE).equalTo(Codes.InsuranceType.ENTERPRISE_PENSION), 0).otherwise(1).as("t"),
                when(col(Columns.PAY_STATUS).equalTo(Codes.PayStatus.PAID), 0).otherwise(1).as("s"),
                col(Columns.STAFF_TYPE).as("staff"), col(Columns.USER_UNIT_ID).as("user_unit"));
        Column paidPension = col(Columns.PAY_STATUS).equalTo(Codes.PayStatus.PAID)
                .and(col(Columns.INSURANCE_TYPE).isin(rules.employmentInsuranceTypes().toArray()));
        // only the rows of the claims' (worker, agency, hire month): the few claims are
        // broadcast and narrow the contributions before anything is aggregated
        Dataset<Row> hireKeys = claims.select(col(Columns.PERSON_ID).as("_k_person"),
                col(Columns.CLAIMANT_ID).as("_k_unit"), hire.as("_k_month")).distinct();
        Dataset<Row> atClaimant = in.contributions()
                .join(broadcast(hireKeys), col(Columns.PERSON_ID).equalTo(col("_k_person"))
                        .and(col(Columns.EMPLOYER_ID).equalTo(col("_k_unit"))).and(col(Columns.MONTH).equalTo(col("_k_month"))),
                        "left_semi")
                .groupBy(col(Columns.PERSON_ID).as("_hr_person"), col(Columns.EMPLOYER_ID).as("_hr_unit"),
                        col(Columns.MONTH).as("_hr_month"))
                .agg(min(rank).as("_hire_row"), max(paidPension).as("_paid_pension_at_claimant"));
        // Q9.2: any Guangzhou row (any type or status) in the lookback months before the hire month
        Dataset<Row> claimWorkers = claims.select(col(Columns.PERSON_ID).as("_w_person")).distinct();
        Dataset<Row> cityMonths = in.contributions()
                .join(broadcast(claimWorkers), col(Columns.PERSON_ID).equalTo(col("_w_person")), "left_semi")
                .filter(col(Columns.REGION_CODE).equalTo(rules.cityRegion()))
                .select(col(Columns.PERSON_ID).as("_lb_person"), MonthColumns.index(col(Columns.MONTH)).as("_lb_idx"))
                .distinct();
        Dataset<Row> earlier = claims.join(cityMonths, col(Columns.PERSON_ID).equalTo(col("_lb_person"))
                        .and(col("_lb_idx").between(MonthColumns.index(hire).minus(rules.newHireLookbackMonths()),
                                MonthColumns.index(hire).minus(1))), "left_semi")
                .select(col(Columns.CLAIM_ID).as("_lb_claim"));
        // P16/Q9.5: the ledger already paid or held this agency for this worker under another claim
        Dataset<Row> repeats = in.ledgerBefore().filter(col(Columns.SUBSIDY).equalTo(Subsidy.DISPATCH_ONE_TIME))
                .select(col(Columns.CLAIMANT_ID).as("_rp_agency"), col(Columns.PERSON_ID).as("_rp_person"),
                        col(Columns.CLAIM_ID).as("_rp_claim"));
        Dataset<Row> repeatClaims = claims.join(repeats, col(Columns.CLAIMANT_ID).equalTo(col("_rp_agency"))
                        .and(col(Columns.PERSON_ID).equalTo(col("_rp_person")))
                        .and(col(Columns.CLAIM_ID).notEqual(col("_rp_claim"))), "left_semi")
                .select(col(Columns.CLAIM_ID).as("_rp_hit"));

        Dataset<Row> joined = claims
                .join(broadcast(agencies), col(Columns.CLAIMANT_ID).equalTo(col("_agency")), "left")
                .join(atClaimant, col(Columns.PERSON_ID).equalTo(col("_hr_person"))
                        .and(col(Columns.CLAIMANT_ID).equalTo(col("_hr_unit"))).and(hire.equalTo(col("_hr_month"))), "left")
                .join(broadcast(userUnits), col("_hire_row.user_unit").equalTo(col("_user_unit_id")), "left")
                .join(earlier, col(Columns.CLAIM_ID).equalTo(col("_lb_claim")), "left")
                .join(repeatClaims, col(Columns.CLAIM_ID).equalTo(col("_rp_hit")), "left");

        Column cityDistricts = array(rules.districtCodes().stream().map(d -> lit(d)).toArray(Column[]::new));
        Column hasHireRow = col("_hire_row").isNotNull();
        Column lookbackHit = col("_lb_claim").isNotNull();
        Column noPaidPension = not(coalesce(col("_paid_pension_at_claimant"), lit(false)));
        Map<String, Column> facts = new LinkedHashMap<>();
        facts.put(ClaimMonthFacts.AMOUNT, policy.moneyForMonth("dispatch_one_time_amount", hire));
        facts.put(ClaimMonthFacts.PAYEE_TYPE, lit(PayeeType.UNIT));
        putWorkerCodes(facts, rules, cycle);
        // Q9.1: a licensed dispatch agency registered in a Guangzhou district
        facts.put(applies(ReasonCode.NOT_DISPATCH_AGENCY), not(coalesce(col("_licensed"), lit(false)))
                .or(not(coalesce(array_contains(cityDistricts, col("_agency_district")), lit(false)))));
        // Q9.3: dispatched (staff type DISPATCHED) to a unit registered in Guangzhou
        facts.put(applies(ReasonCode.USER_UNIT_OUTSIDE_CITY), hasHireRow.and(
                col("_hire_row.staff").notEqual(Codes.StaffType.DISPATCHED)
                        .or(coalesce(col("_hire_row.user_unit"), lit("")).equalTo(""))
                        .or(not(coalesce(array_contains(cityDistricts, col("_user_unit_district")), lit(false))))));
        // Q9.2: newly hired: no Guangzhou record in the lookback, a PAID pension at the agency in the hire month
        facts.put(applies(ReasonCode.NOT_NEW_HIRE), lookbackHit.or(noPaidPension));
        facts.put(pending(ReasonCode.NOT_NEW_HIRE), not(lookbackHit).and(MonthEligibility.withinGrace(hire, rules, cycle)));
        facts.put(applies(ReasonCode.REPEAT_SAME_AGENCY), col("_rp_hit").isNotNull());
        // Q9.1: filed in the agency's own district
        facts.put(applies(ReasonCode.WRONG_DISTRICT), ClaimColumns.filedOutsideCity(rules)
                .or(coalesce(col("_agency_district").notEqual(col(Columns.DISTRICT)), lit(true))));
        return ClaimMonthFacts.normalise(joined.withColumns(facts));
    }

    /** TRAINING facts (P11): 30 yuan per person-hour, at most 8 hours per training day. */
    public static Dataset<Row> training(ClaimInputs in, Policy policy, Rules rules, int cycle) {
        Dataset<Row> claims = common(in.claims().filter(col(Columns.SUBSIDY).equalTo(Subsidy.TRAINING)), in);
        Column month = col(Columns.MONTH);
        Dataset<Row> units = in.employers().select(col(Columns.EMPLOYER_ID).as("_unit"),
                col(Columns.UNIT_TYPE).as("_unit_type"), col(Columns.REGISTERED_DISTRICT).as("_unit_district"));
        // Q10.1: the worker's paying unit in the training month (any unit with a PAID pension row)
        Dataset<Row> trainingKeys = claims.select(col(Columns.PERSON_ID).as("_k_person"),
                col(Columns.CLAIMANT_ID).as("_k_unit"), month.as("_k_month")).distinct();
        Dataset<Row> paying = in.contributions()
                .join(broadcast(trainingKeys), col(Columns.PERSON_ID).equalTo(col("_k_person"))
                        .and(col(Columns.EMPLOYER_ID).equalTo(col("_k_unit"))).and(col(Columns.MONTH).equalTo(col("_k_month"))),
                        "left_semi")
                .filter(col(Columns.PAY_STATUS).equalTo(Codes.PayStatus.PAID)
                        .and(col(Columns.INSURANCE_TYPE).isin(rules.employmentInsuranceTypes().toArray())))
                .select(col(Columns.PERSON_ID).as("_pay_person"), col(Columns.EMPLOYER_ID).as("_pay_unit"),
                        col(Columns.MONTH).as("_pay_month"))
                .distinct();
        Dataset<Row> joined = claims
                .join(broadcast(units), col(Columns.CLAIMANT_ID).equalTo(col("_unit")), "left")
                .join(paying, col(Columns.PERSON_ID).equalTo(col("_pay_person"))
                        .and(col(Columns.CLAIMANT_ID).equalTo(col("_pay_unit"))).and(month.equalTo(col("_pay_month"))), "left");

        Column cityDistricts = array(rules.districtCodes().stream().map(d -> lit(d)).toArray(Column[]::new));
        Column excludedType = coalesce(col("_unit_type").isin(rules.trainingExcludedUnitTypes().toArray()), lit(false));
        Column outsideCity = not(coalesce(array_contains(cityDistricts, col("_unit_district")), lit(false)));
        Column notPayingUnit = col("_pay_unit").isNull();
        Column hours = coalesce(col(Columns.TRAINING_HOURS), lit(0));
        Column days = greatest(coalesce(col(Columns.TRAINING_DAYS), lit(1)), lit(1));
        Column cap = days.multiply(rules.trainingMaxHoursPerDay());
        Column paidHours = least(hours, cap);
        Map<String, Column> facts = new LinkedHashMap<>();
        facts.put(ClaimMonthFacts.AMOUNT, policy.moneyForMonth("training_hourly_amount", month).multiply(paidHours)
                .cast(Money.TYPE));
        facts.put(ClaimMonthFacts.PAYEE_TYPE, lit(PayeeType.UNIT));
        facts.put(ClaimMonthFacts.HOURS_CAPPED, hours.gt(cap));
        putWorkerCodes(facts, rules, cycle);
        facts.put(applies(ReasonCode.INELIGIBLE_UNIT), excludedType.or(outsideCity).or(notPayingUnit));
        // only the paying-unit test can still change (the pension may arrive within grace)
        facts.put(pending(ReasonCode.INELIGIBLE_UNIT), not(excludedType).and(not(outsideCity))
                .and(MonthEligibility.withinGrace(month, rules, cycle)));
        facts.put(applies(ReasonCode.WRONG_DISTRICT), ClaimColumns.filedOutsideCity(rules)
                .or(coalesce(col("_unit_district").notEqual(col(Columns.DISTRICT)), lit(true))));
        return ClaimMonthFacts.normalise(joined.withColumns(facts));
    }

    /** One row per claim (month = period_from) with its key, the registry and the grants/ledger lookups. */
    private static Dataset<Row> common(Dataset<Row> claims, ClaimInputs in) {
        Dataset<Row> rows = PersonalClaimFacts.explodeMonths(claims)
                .withColumn(ClaimMonthFacts.KEY, ClaimKeys.key(col(Columns.SUBSIDY), col(Columns.PERSON_ID), col(Columns.MONTH)));
        rows = ClaimLookups.withRegistry(rows, in.registryPersons());
        return ClaimLookups.withGrantsAndLedger(rows, in.grants(), in.ledgerBefore());
    }

    /** Codes 1, 2, 3, 5 about the worker and the claim's dates (4, 11, 13 come from the lookups). */
    private static void putWorkerCodes(Map<String, Column> facts, Rules rules, int cycle) {
        Column month = col(Columns.MONTH);
        facts.put(applies(ReasonCode.INVALID_ID), ClaimColumns.invalidId(cycle));
        facts.put(applies(ReasonCode.LATE_SUBMISSION), ClaimColumns.afterYearEnd(rules));
        facts.put(applies(ReasonCode.NOT_IN_REGISTRY), not(RegistryPersons.validIn(col(RegistryPersons.COVERED_PERIODS), month)));
        facts.put(applies(ReasonCode.OUTSIDE_POLICY_WINDOW), not(MonthEligibility.inWindow(month, rules)));
    }

}
