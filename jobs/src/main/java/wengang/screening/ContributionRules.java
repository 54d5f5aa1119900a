package wengang.screening;

import static org.apache.spark.sql.functions.*;
import static wengang.screening.FlagRows.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.eligibility.MonthEligibility;
import wengang.eligibility.PersonMonths;
import wengang.policy.Rules;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.FlagRule;
import wengang.schemas.Months;

/**
 * Flags read from contributions and month eligibility, one per person (subject PERSON).
 * A CONFIRMED review holds the person (every claim about them).
 */
final class ContributionRules {
    private ContributionRules() {}

    /**
     * RETROACTIVE_PAYMENT (MEDIUM), P6: a month in the policy window that is PAYABLE in
     * month eligibility only through a back-payment: the month's earliest visible PAID
     * city pension payment arrived on or after the first day of month + 1 +
     * {@code retroactive_after_months} (MonthEligibility's {@code retroactive} column).
     * Evidence: each month with its payment date and paying unit, and the SI_SUBSIDY /
     * LIVING claims that hold it as PAYABLE. Keys: the months. Links: the person and the
     * paying units of those months.
     */
    static Dataset<Row> retroactivePayment(ScreeningInputs in, Rules rules) {
        Column month = col(Columns.MONTH);
        Dataset<Row> months = in.monthEligibility()
                .filter(col(MonthEligibility.STATUS).equalTo(MonthStatus.PAYABLE)
                        .and(col(MonthEligibility.RETROACTIVE))
                        .and(MonthEligibility.inWindow(month, rules)))
                .select(col(Columns.PERSON_ID), month, col(PersonMonths.FIRST_PENSION_PAID_ON).as("_paid_on"),
                        col(PersonMonths.UNIT_ID).as("_unit"));
        Dataset<Row> claimsPerMonth = in.claimMonths()
                .filter(col(Columns.STATUS).equalTo(MonthStatus.PAYABLE).and(col(Columns.SUBSIDY).isin(Subsidy.MONTHLY.toArray())))
                .select(col(Columns.PERSON_ID).as("_cp"), col(Columns.MONTH).as("_cm"), col(Columns.CLAIM_ID).as("_claim"));
        Dataset<Row> withClaims = months.join(claimsPerMonth,
                        col(Columns.PERSON_ID).equalTo(col("_cp")).and(month.equalTo(col("_cm"))), "left")
                .groupBy(Columns.PERSON_ID, Columns.MONTH, "_paid_on", "_unit")
                .agg(collect_set(col("_claim")).as("_claims"));
        Column item = concat(month.cast("string"), lit(" paid on "), date_format(col("_paid_on"), "yyyy-MM-dd"),
                lit(" by unit "), coalesce(col("_unit"), lit("?")));
        Dataset<Row> perPerson = withClaims.groupBy(Columns.PERSON_ID)
                .agg(collect_list(item).as("_items"),
                        collect_list(month).as("_months"),
                        flatten(collect_list(col("_claims"))).as("_claims"),
                        collect_set(col("_unit")).as("_units"));
        Column evidence = concat(lit("payable only through back-payment: "), array_join(array_sort(col("_items")), "; "),
                when(size(col("_claims")).gt(0), concat(lit("; claims "), listed(col("_claims")))).otherwise(lit("")));
        Column keys = transform(col("_months"), m -> concat(lit("month:"), m.cast("string")));
        Column nodes = concat(array(node(FlagTable.PERSON, col(Columns.PERSON_ID))),
                transform(col("_units"), u -> concat(lit(FlagTable.UNIT + ":"), u)));
        return FlagRows.of(perPerson, FlagRule.RETROACTIVE_PAYMENT, col(Columns.PERSON_ID), evidence, keys,
                col("_claims"), array(col(Columns.PERSON_ID)), nodes);
    }

    /**
     * NAME_MISMATCH (MEDIUM): a person in the registry whose visible contribution rows
     * (any type, status or region) carry a name that none of the person's registry rows
     * carries. Names are compared without white space (ASCII and the ideographic space
     * U+3000), nothing else. Evidence: the registry name(s) and each other name with the
     * units that reported it. Keys: name@unit pairs. Links: the person and those units.
     */
    static Dataset<Row> nameMismatch(ScreeningInputs in) {
        Dataset<Row> registryNames = in.registry().groupBy(col(Columns.PERSON_ID).as("_rp"))
                .agg(collect_set(normalised(col(Columns.NAME))).as("_registry_norm"),
                        collect_set(col(Columns.NAME)).as("_registry_names"));
        Dataset<Row> other = in.scopeContributions()
                .select(col(Columns.PERSON_ID), col(Columns.NAME).as("_name"), normalised(col(Columns.NAME)).as("_norm"),
                        col(Columns.EMPLOYER_ID).as("_unit"))
                .filter(col("_name").isNotNull())
                .distinct()
                .join(registryNames, col(Columns.PERSON_ID).equalTo(col("_rp")))
                .filter(not(array_contains(col("_registry_norm"), col("_norm"))));
        Dataset<Row> perName = other.groupBy(Columns.PERSON_ID, "_norm")
                .agg(min("_name").as("_name"), collect_set(col("_unit")).as("_units"),
                        first(col("_registry_names")).as("_registry_names"));
        Column item = concat(col("_name"), lit(" (units "), listed(col("_units")), lit(")"));
        Column nameKeys = transform(col("_units"), u -> concat(lit("name:"), col("_norm"), lit("@"), u));
        Dataset<Row> perPerson = perName.groupBy(Columns.PERSON_ID)
                .agg(collect_list(item).as("_items"),
                        flatten(collect_list(nameKeys)).as("_keys"),
                        flatten(collect_list(col("_units"))).as("_units"),
                        first(col("_registry_names")).as("_registry_names"));
        Column evidence = concat(lit("registry name "), listed(col("_registry_names")), lit("; contributions name "),
                array_join(array_sort(col("_items")), "; "));
        Column nodes = concat(array(node(FlagTable.PERSON, col(Columns.PERSON_ID))),
                transform(col("_units"), u -> concat(lit(FlagTable.UNIT + ":"), u)));
        return FlagRows.of(perPerson, FlagRule.NAME_MISMATCH, col(Columns.PERSON_ID), evidence, col("_keys"),
                emptyStrings(), array(col(Columns.PERSON_ID)), nodes);
    }

    /**
     * CONCURRENT_EMPLOYERS (LOW): a month in the policy window, up to cycle − 1, with
     * visible PAID pension rows (the policy's employment insurance types, 110; any
     * region) from two or more units. A job change without an overlapping month is not
     * a flag. Evidence: runs of consecutive months with the same units. Keys: the units.
     * Links: the person and the units.
     */
    static Dataset<Row> concurrentEmployers(ScreeningInputs in, Rules rules, int cycle) {
        Column month = col(Columns.MONTH);
        Dataset<Row> perMonth = in.scopeContributions()
                .filter(col(Columns.PAY_STATUS).equalTo(PayStatus.PAID)
                        .and(col(Columns.INSURANCE_TYPE).isin(rules.employmentInsuranceTypes().toArray()))
                        .and(MonthEligibility.inWindow(month, rules))
                        .and(month.leq(Months.plus(cycle, -1))))
                .groupBy(Columns.PERSON_ID, Columns.MONTH)
                .agg(array_sort(collect_set(col(Columns.EMPLOYER_ID))).as("_units"))
                .filter(size(col("_units")).geq(2))
                .withColumn("_unit_set", array_join(col("_units"), ", "));
        Dataset<Row> runs = FlagRows.monthRuns(perMonth, List.of(Columns.PERSON_ID, "_unit_set"), Columns.MONTH, "_runs");
        Column item = concat(col("_runs"), lit(": units "), col("_unit_set"));
        Dataset<Row> perPerson = runs.groupBy(Columns.PERSON_ID)
                .agg(collect_list(item).as("_items"),
                        array_distinct(flatten(collect_list(split(col("_unit_set"), ", ")))).as("_units"));
        Column evidence = concat(lit("PAID pension from several units in "), array_join(array_sort(col("_items")), "; "));
        Column keys = transform(col("_units"), u -> concat(lit("unit:"), u));
        Column nodes = concat(array(node(FlagTable.PERSON, col(Columns.PERSON_ID))),
                transform(col("_units"), u -> concat(lit(FlagTable.UNIT + ":"), u)));
        return FlagRows.of(perPerson, FlagRule.CONCURRENT_EMPLOYERS, col(Columns.PERSON_ID), evidence, keys,
                emptyStrings(), array(col(Columns.PERSON_ID)), nodes);
    }

    /** A name without white space, for comparison. */
    static Column normalised(Column name) {
        return regexp_replace(name, "[\\s\\u3000]+", "");
    }
}
