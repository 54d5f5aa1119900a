package wengang.screening;

import static org.apache.spark.sql.functions.*;
import static wengang.screening.FlagRows.*;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.eligibility.MonthColumns;
import wengang.policy.Rules;
import wengang.schemas.Codes.Decision;
import wengang.schemas.Codes.RemovalReason;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.FlagRule;

/**
 * Flags on one CITY_2023 claim (subject CLAIM). A CONFIRMED review holds the claim.
 * Links: the claim's person and, when a unit applied, the claimant unit.
 */
final class ClaimRules {
    private ClaimRules() {}

    /**
     * DECEASED_CLAIM (HIGH): the registry removed the person as deceased (the earliest
     * status_to of a row with removal_reason DECEASED; death month = its month) and a
     * visible claim covers a month after the death month: SI_SUBSIDY, LIVING when
     * period_to is after it; TRANSPORT, DISPATCH_ONE_TIME, TRAINING (one claimed month,
     * period_from) when period_from is after it. Evidence: the claimed period, the
     * months after death and the date. Keys: the death date and those months.
     */
    static Dataset<Row> deceasedClaim(ScreeningInputs in) {
        Dataset<Row> deaths = in.registry()
                .filter(col(Columns.REMOVAL_REASON).equalTo(RemovalReason.DECEASED).and(col(Columns.STATUS_TO).isNotNull()))
                .groupBy(col(Columns.PERSON_ID).as("_dp"))
                .agg(min(Columns.STATUS_TO).as("_died_on"))
                .withColumn("_death_month", MonthColumns.of(col("_died_on")));
        Column from = col(Columns.PERIOD_FROM);
        Column to = col(Columns.PERIOD_TO);
        Column deathMonth = col("_death_month");
        Column monthly = col(Columns.SUBSIDY).isin(Subsidy.MONTHLY.toArray());
        Column covers = when(monthly, to.gt(deathMonth)).otherwise(from.gt(deathMonth));
        Dataset<Row> hits = in.claims().join(deaths, col(Columns.PERSON_ID).equalTo(col("_dp")))
                .filter(covers)
                .withColumn("_after_from", greatest(from, MonthColumns.plus(deathMonth, 1)))
                .withColumn("_after", monthRange(col("_after_from"), to));
        Column diedOn = date_format(col("_died_on"), "yyyy-MM-dd");
        Column evidence = concat(col(Columns.SUBSIDY), lit(" "), monthRange(from, to), lit(" covers "), col("_after"),
                lit(", after the registry removed the person as DECEASED on "), diedOn);
        Column keys = array(concat(lit("died:"), diedOn), concat(lit("months:"), col("_after")));
        return claimFlag(hits, FlagRule.DECEASED_CLAIM, evidence, keys);
    }

    /**
     * OVERCLAIM (LOW): an APPROVED or PARTIAL claim whose amount_claimed exceeds its
     * approved_amount by more than {@code overclaim_tolerance} × approved_amount (empty
     * amount_claimed: no flag). Evidence: both amounts and the excess in percent. Keys:
     * amount_claimed (a later approved amount does not make a new flag; a new amount
     * claimed does).
     */
    static Dataset<Row> overclaim(ScreeningInputs in, Rules rules) {
        BigDecimal limitFactor = BigDecimal.ONE.add(rules.overclaimTolerance());
        Column claimed = col(Columns.AMOUNT_CLAIMED);
        Column approved = col(Columns.APPROVED_AMOUNT);
        Dataset<Row> hits = in.claimDecisions()
                .filter(col(Columns.DECISION).isin(Decision.APPROVED, Decision.PARTIAL)
                        .and(claimed.isNotNull())
                        .and(claimed.gt(approved.multiply(lit(limitFactor)))));
        Column excess = when(approved.gt(0), concat(lit(" (+"),
                claimed.divide(approved).minus(1).multiply(100).cast("decimal(12,1)").cast("string"), lit(" %)")))
                .otherwise(lit(""));
        Column evidence = concat(col(Columns.DECISION), lit(" "), col(Columns.SUBSIDY), lit(": claimed "),
                claimed.cast("decimal(14,2)").cast("string"), lit(", approved "),
                approved.cast("decimal(14,2)").cast("string"), excess);
        Column keys = array(concat(lit("claimed:"), claimed.cast("decimal(14,2)").cast("string")));
        return claimFlag(hits, FlagRule.OVERCLAIM, evidence, keys);
    }

    /**
     * DOUBLE_SCHEME (MEDIUM), P18: a visible CITY_2023 claim and a visible grant under
     * CITY_2021 or DISTRICT for the same person and subsidy whose periods share a month
     * (TRANSPORT, DISPATCH_ONE_TIME: share a year). Evidence: the claim's period and
     * each overlapping grant. Keys: the grant ids.
     */
    static Dataset<Row> doubleScheme(ScreeningInputs in) {
        Dataset<Row> grants = in.grants().select(col(Columns.CLAIM_ID).as("_grant"), col(Columns.PERSON_ID).as("_gp"),
                col(Columns.SUBSIDY).as("_gs"), col(Columns.SCHEME).as("_scheme"),
                col(Columns.PERIOD_FROM).as("_gf"), col(Columns.PERIOD_TO).as("_gt"));
        Column from = col(Columns.PERIOD_FROM);
        Column to = col(Columns.PERIOD_TO);
        Column yearly = col(Columns.SUBSIDY).isin(Subsidy.TRANSPORT, Subsidy.DISPATCH_ONE_TIME);
        Column monthsOverlap = from.leq(col("_gt")).and(col("_gf").leq(to));
        Column yearsOverlap = MonthColumns.yearOf(from).leq(MonthColumns.yearOf(col("_gt")))
                .and(MonthColumns.yearOf(col("_gf")).leq(MonthColumns.yearOf(to)));
        Dataset<Row> pairs = in.claims().join(grants, col(Columns.PERSON_ID).equalTo(col("_gp"))
                .and(col(Columns.SUBSIDY).equalTo(col("_gs")))
                .and(when(yearly, yearsOverlap).otherwise(monthsOverlap)));
        Column grantItem = concat(col("_scheme"), lit(" grant "), col("_grant"), lit(" "), monthRange(col("_gf"), col("_gt")));
        Dataset<Row> perClaim = pairs.groupBy(Columns.CLAIM_ID, Columns.SUBSIDY, Columns.PERSON_ID, Columns.CLAIMANT_ID,
                        Columns.PERIOD_FROM, Columns.PERIOD_TO)
                .agg(collect_list(grantItem).as("_items"), collect_set(col("_grant")).as("_grants"));
        Column evidence = concat(col(Columns.SUBSIDY), lit(" "), monthRange(from, to), lit(" overlaps "),
                array_join(array_sort(col("_items")), "; "));
        Column keys = transform(col("_grants"), g -> concat(lit("grant:"), g));
        return claimFlag(perClaim, FlagRule.DOUBLE_SCHEME, evidence, keys);
    }

    /** A CLAIM flag on rows holding claim_id, person_id and claimant_id (one row per claim). */
    private static Dataset<Row> claimFlag(Dataset<Row> perClaim, FlagRule rule, Column evidence, Column keys) {
        Column nodes = array(node(FlagTable.PERSON, col(Columns.PERSON_ID)),
                claimantNode(col(Columns.CLAIMANT_ID), col(Columns.PERSON_ID)));
        return FlagRows.of(perClaim, rule, col(Columns.CLAIM_ID), evidence, keys,
                array(col(Columns.CLAIM_ID)), emptyStrings(), nodes);
    }
}
