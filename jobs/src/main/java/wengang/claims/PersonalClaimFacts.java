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
import wengang.eligibility.ContinuitySpells;
import wengang.eligibility.MonthColumns;
import wengang.eligibility.MonthEligibility;
import wengang.eligibility.PersonMonths;
import wengang.eligibility.RegistryPersons;
import wengang.policy.Policy;
import wengang.policy.Rules;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.PayeeType;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.ReasonCode;

/**
 * Facts of the subsidies paid to the worker (P7–P9): SI_SUBSIDY and LIVING one row per
 * claimed month, TRANSPORT one row per claim (month = period_from, decided for its year).
 */
public final class PersonalClaimFacts {
    private PersonalClaimFacts() {}

    public static Dataset<Row> build(ClaimInputs in, Policy policy, Rules rules, int cycle) {
        Dataset<Row> claims = in.claims().filter(col(Columns.SUBSIDY).isin(Subsidy.SI_SUBSIDY, Subsidy.LIVING, Subsidy.TRANSPORT));
        Dataset<Row> months = explodeMonths(claims)
                .withColumn(ClaimMonthFacts.KEY, ClaimKeys.key(col(Columns.SUBSIDY), col(Columns.PERSON_ID), col(Columns.MONTH)));
        Dataset<Row> withShared = ClaimLookups.withRegistry(months, in.registryPersons());
        withShared = ClaimLookups.withGrantsAndLedger(withShared, in.grants(), in.ledgerBefore());

        Dataset<Row> monthly = monthlyFacts(withShared.filter(col(Columns.SUBSIDY).isin(Subsidy.SI_SUBSIDY, Subsidy.LIVING)),
                in.monthEligibility(), policy, rules, cycle);
        Dataset<Row> transport = transportFacts(withShared.filter(col(Columns.SUBSIDY).equalTo(Subsidy.TRANSPORT)),
                in.monthEligibility(), policy, rules, cycle);
        return ClaimMonthFacts.normalise(monthly).unionByName(ClaimMonthFacts.normalise(transport));
    }

    /**
     * SI_SUBSIDY and LIVING: one row per month from period_from to period_to; every other
     * subsidy one row, month = period_from (contract: claim_months).
     */
    public static Dataset<Row> explodeMonths(Dataset<Row> claims) {
        Column monthly = col(Columns.SUBSIDY).isin(Subsidy.SI_SUBSIDY, Subsidy.LIVING);
        Column indexes = when(monthly, sequence(MonthColumns.index(col(Columns.PERIOD_FROM)),
                MonthColumns.index(col(Columns.PERIOD_TO))))
                .otherwise(array(MonthColumns.index(col(Columns.PERIOD_FROM))));
        return claims.withColumn("_idx", explode(indexes))
                .withColumn(Columns.MONTH, MonthColumns.fromIndex(col("_idx")))
                .drop("_idx");
    }

    static Dataset<Row> monthlyFacts(Dataset<Row> months, Dataset<Row> monthEligibility, Policy policy, Rules rules,
                                     int cycle) {
        Dataset<Row> me = monthEligibility.select(
                col(Columns.PERSON_ID).as("_me_person"), col(Columns.MONTH).as("_me_month"),
                col(PersonMonths.EMPLOYED), col(PersonMonths.ESTABLISHED), col(PersonMonths.SI_AMOUNT),
                col(Columns.DISTRICT).as("unit_district"), col(ContinuitySpells.SPELL_START),
                col(MonthEligibility.REQUALIFYING), col(MonthEligibility.REQUALIFYING_PENDING));
        Dataset<Row> joined = months.join(me, col(Columns.PERSON_ID).equalTo(col("_me_person"))
                .and(col(Columns.MONTH).equalTo(col("_me_month"))), "left");
        Column month = col(Columns.MONTH);
        Column amount = when(col(Columns.SUBSIDY).equalTo(Subsidy.SI_SUBSIDY), coalesce(col(PersonMonths.SI_AMOUNT), lit(0)))
                .otherwise(policy.moneyForMonth("living_monthly_amount", month));
        Map<String, Column> facts = new LinkedHashMap<>();
        facts.put(ClaimMonthFacts.AMOUNT, amount.cast(wengang.schemas.Money.TYPE));
        facts.put(ClaimMonthFacts.PAYEE_TYPE, lit(PayeeType.PERSON));
        facts.put(applies(ReasonCode.INVALID_ID), ClaimColumns.invalidId(cycle));
        facts.put(applies(ReasonCode.LATE_SUBMISSION), ClaimColumns.afterApplicationDeadline(rules));
        facts.put(applies(ReasonCode.NOT_IN_REGISTRY), not(RegistryPersons.validIn(col(RegistryPersons.COVERED_PERIODS), month)));
        facts.put(applies(ReasonCode.OUTSIDE_POLICY_WINDOW), not(MonthEligibility.inWindow(month, rules)));
        facts.put(applies(ReasonCode.ESTABLISHED_STAFF), coalesce(col(PersonMonths.ESTABLISHED), lit(false)));
        facts.put(applies(ReasonCode.NO_PAID_CONTRIBUTION), not(coalesce(col(PersonMonths.EMPLOYED), lit(false))));
        facts.put(pending(ReasonCode.NO_PAID_CONTRIBUTION), MonthEligibility.withinGrace(month, rules, cycle));
        facts.put(applies(ReasonCode.REQUALIFYING), col(MonthEligibility.REQUALIFYING));
        facts.put(pending(ReasonCode.REQUALIFYING), col(MonthEligibility.REQUALIFYING_PENDING));
        // P4a: a spell that began after the claim was submitted is not covered by it
        facts.put(applies(ReasonCode.SPELL_AFTER_CLAIM),
                col(ContinuitySpells.SPELL_START).gt(MonthColumns.of(col(Columns.SUBMITTED_ON))));
        // P13: the month's paying unit is registered in the claim's district
        facts.put(applies(ReasonCode.WRONG_DISTRICT), ClaimColumns.filedOutsideCity(rules)
                .or(col("unit_district").isNull()).or(col("unit_district").notEqual(col(Columns.DISTRICT))));
        return joined.withColumns(facts);
    }

    /**
     * TRANSPORT (P9): 800 a year when the person has at least one month of the year
     * payable under P1–P4, claimed by 31 December; paid by any district where the
     * worker had a payable month that year.
     */
    static Dataset<Row> transportFacts(Dataset<Row> claimRows, Dataset<Row> monthEligibility, Policy policy, Rules rules,
                                       int cycle) {
        Dataset<Row> payableYears = monthEligibility
                .filter(col(MonthEligibility.STATUS).equalTo(MonthStatus.PAYABLE))
                .groupBy(col(Columns.PERSON_ID).as("_py_person"), MonthColumns.yearOf(col(Columns.MONTH)).as("_py_year"))
                .agg(collect_set(col(Columns.DISTRICT)).as("_payable_districts"));
        Column year = MonthColumns.yearOf(col(Columns.PERIOD_FROM));
        Dataset<Row> joined = claimRows.join(payableYears, col(Columns.PERSON_ID).equalTo(col("_py_person"))
                .and(year.equalTo(col("_py_year"))), "left");
        Column hasPayable = col("_py_person").isNotNull();
        Column stillOpen = lit(cycle).leq(year.plus(1).multiply(100).plus(rules.annualDecisionMonth()));
        Column inWindowYear = year.between(rules.windowFirstMonth() / 100, rules.windowLastMonth() / 100);
        Map<String, Column> facts = new LinkedHashMap<>();
        facts.put(ClaimMonthFacts.AMOUNT, policy.moneyForMonth("transport_yearly_amount", col(Columns.MONTH)));
        facts.put(ClaimMonthFacts.PAYEE_TYPE, lit(PayeeType.PERSON));
        facts.put(applies(ReasonCode.INVALID_ID), ClaimColumns.invalidId(cycle));
        facts.put(applies(ReasonCode.LATE_SUBMISSION), ClaimColumns.afterYearEnd(rules));
        facts.put(applies(ReasonCode.NOT_IN_REGISTRY), not(RegistryPersons.validInYear(col(RegistryPersons.COVERED_PERIODS), year)));
        facts.put(applies(ReasonCode.OUTSIDE_POLICY_WINDOW), not(inWindowYear));
        facts.put(applies(ReasonCode.NO_PAID_CONTRIBUTION), not(hasPayable));
        facts.put(pending(ReasonCode.NO_PAID_CONTRIBUTION), stillOpen);
        facts.put(applies(ReasonCode.WRONG_DISTRICT), hasPayable.and(ClaimColumns.filedOutsideCity(rules)
                .or(not(array_contains(col("_payable_districts"), col(Columns.DISTRICT))))));
        return joined.withColumns(facts);
    }
}
