package wengang.screening;

import static org.apache.spark.sql.functions.*;
import static wengang.screening.FlagRows.*;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.eligibility.MonthColumns;
import wengang.policy.Rules;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.FlagRule;
import wengang.schemas.Months;

/**
 * Flags on DISPATCH_ONE_TIME claims (P10, seed 问题九: one agency per worker per year,
 * never twice; 温馨提示: fictitious labour relations). "Year" is the year of the claim's
 * period_from (the hire month). Claims are the visible CITY_2023 claims, whatever
 * their decision.
 */
final class DispatchRules {
    static final String AGENCY = "agency_id";
    static final String YEAR = Columns.YEAR;
    static final String GRANTED = "granted_hires";
    static final String SHORT = "short_stays";
    static final String SHARE = "short_stay_share";

    private DispatchRules() {}

    private static Dataset<Row> dispatchClaims(ScreeningInputs in) {
        return in.claims().filter(col(Columns.SUBSIDY).equalTo(Subsidy.DISPATCH_ONE_TIME).and(col(Columns.PERSON_ID).isNotNull()))
                .select(col(Columns.CLAIM_ID), col(Columns.PERSON_ID), col(Columns.CLAIMANT_ID).as(AGENCY),
                        col(Columns.PERIOD_FROM).as("_hire"), MonthColumns.yearOf(col(Columns.PERIOD_FROM)).as(YEAR));
    }

    /**
     * MULTI_AGENCY_SAME_YEAR (subject PERSON, HIGH): two or more distinct agencies
     * (claimant_id) claimed DISPATCH_ONE_TIME for the worker in one year. One flag per
     * worker, every such year in the evidence. Keys: the claim ids. Names: the worker
     * and the claims. Links: the worker and the agencies.
     */
    static Dataset<Row> multiAgencySameYear(ScreeningInputs in) {
        Column item = concat(col(Columns.CLAIM_ID), lit(" (agency "), col(AGENCY), lit(", hired "),
                col("_hire").cast("string"), lit(")"));
        Dataset<Row> years = dispatchClaims(in).groupBy(Columns.PERSON_ID, YEAR)
                .agg(countDistinct(col(AGENCY)).as("_agencies"), collect_list(item).as("_items"),
                        collect_set(col(Columns.CLAIM_ID)).as("_claims"), collect_set(col(AGENCY)).as("_units"))
                .filter(col("_agencies").geq(2));
        Column yearItem = concat(col(YEAR).cast("string"), lit(": "), array_join(array_sort(col("_items")), ", "));
        Dataset<Row> perWorker = years.groupBy(Columns.PERSON_ID)
                .agg(collect_list(yearItem).as("_years"), flatten(collect_list(col("_claims"))).as("_claims"),
                        flatten(collect_list(col("_units"))).as("_units"));
        Column evidence = concat(lit("DISPATCH_ONE_TIME claimed by several agencies in "),
                array_join(array_sort(col("_years")), "; "));
        Column keys = transform(col("_claims"), c -> concat(lit("claim:"), c));
        Column nodes = concat(array(node(FlagTable.PERSON, col(Columns.PERSON_ID))),
                transform(col("_units"), u -> concat(lit(FlagTable.UNIT + ":"), u)));
        return FlagRows.of(perWorker, FlagRule.MULTI_AGENCY_SAME_YEAR, col(Columns.PERSON_ID), evidence, keys,
                col("_claims"), array(col(Columns.PERSON_ID)), nodes);
    }

    /**
     * AGENCY_REPEAT (subject UNIT = the agency, HIGH): the agency claimed
     * DISPATCH_ONE_TIME for the same worker in two or more years. One flag per agency,
     * every such worker in the evidence. Keys: the claim ids. Names: the agency's claims
     * for those workers (not the workers: they did not claim). Links: the agency and the
     * workers.
     */
    static Dataset<Row> agencyRepeat(ScreeningInputs in) {
        Column item = concat(col(Columns.CLAIM_ID), lit(" (hired "), col("_hire").cast("string"), lit(")"));
        Dataset<Row> workers = dispatchClaims(in).groupBy(AGENCY, Columns.PERSON_ID)
                .agg(countDistinct(col(YEAR)).as("_years"), collect_list(item).as("_items"),
                        collect_set(col(Columns.CLAIM_ID)).as("_claims"))
                .filter(col("_years").geq(2));
        Column workerItem = concat(lit("worker "), col(Columns.PERSON_ID), lit(": "), array_join(array_sort(col("_items")), ", "));
        Dataset<Row> perAgency = workers.groupBy(AGENCY)
                .agg(collect_list(workerItem).as("_workers"), flatten(collect_list(col("_claims"))).as("_claims"),
                        collect_set(col(Columns.PERSON_ID)).as("_persons"));
        Column evidence = concat(lit("DISPATCH_ONE_TIME claimed again for the same worker: "),
                array_join(array_sort(col("_workers")), "; "));
        Column keys = transform(col("_claims"), c -> concat(lit("claim:"), c));
        Column nodes = concat(array(node(FlagTable.UNIT, col(AGENCY))),
                transform(col("_persons"), p -> concat(lit(FlagTable.PERSON + ":"), p)));
        return FlagRows.of(perAgency, FlagRule.AGENCY_REPEAT, col(AGENCY), evidence, keys,
                col("_claims"), emptyStrings(), nodes);
    }

    /**
     * The agency's granted new hires and whether each is a short stay, at cycle c.
     * <ul>
     *   <li>Granted hire: a DISPATCH_ONE_TIME claim month (the hire month m) that is
     *       PAYABLE in the cycle's claim months; one per agency, worker and hire month.</li>
     *   <li>Judged: the k = {@code short_stay_months} months after the hire month are past,
     *       m + k ≤ c − 1. A hire not yet judged counts as granted, not as short.</li>
     *   <li>Short stay: judged, and some month among m + 1 … m + k has no visible PAID
     *       pension row (employment insurance types, 110) at the agency: the worker
     *       stopped contributing there within k months of the hire month.</li>
     * </ul>
     * Columns: claim_id, person_id, agency_id, year, hire month {@code _hire}, months paid
     * after the hire {@code _stayed}, judged, short.
     */
    static Dataset<Row> grantedHires(ScreeningInputs in, Rules rules, int cycle) {
        int k = rules.shortStayMonths();
        int lastDecidedIndex = Months.index(Months.plus(cycle, -1));
        Dataset<Row> granted = in.claimMonths()
                .filter(col(Columns.SUBSIDY).equalTo(Subsidy.DISPATCH_ONE_TIME)
                        .and(col(Columns.STATUS).equalTo(MonthStatus.PAYABLE))
                        .and(col(Columns.PERSON_ID).isNotNull()))
                .groupBy(col(Columns.CLAIMANT_ID).as(AGENCY), col(Columns.PERSON_ID), col(Columns.MONTH).as("_hire"))
                .agg(min(Columns.CLAIM_ID).as(Columns.CLAIM_ID))
                .withColumn(YEAR, MonthColumns.yearOf(col("_hire")))
                .withColumn("_judged", MonthColumns.index(col("_hire")).plus(k).leq(lastDecidedIndex));
        Dataset<Row> paidAtAgency = in.scopeContributions()
                .filter(col(Columns.PAY_STATUS).equalTo(PayStatus.PAID)
                        .and(col(Columns.INSURANCE_TYPE).isin(rules.employmentInsuranceTypes().toArray())))
                .select(col(Columns.PERSON_ID).as("_pp"), col(Columns.EMPLOYER_ID).as("_pu"), col(Columns.MONTH).as("_pm"))
                .distinct();
        Column after = MonthColumns.between(col("_hire"), col("_pm"));
        Dataset<Row> stayed = granted.join(paidAtAgency, col(Columns.PERSON_ID).equalTo(col("_pp"))
                        .and(col(AGENCY).equalTo(col("_pu"))).and(after.between(1, k)), "left")
                .groupBy(Columns.CLAIM_ID, Columns.PERSON_ID, AGENCY, YEAR, "_hire", "_judged")
                .agg(count(col("_pm")).as("_stayed"));
        return stayed.withColumn("_short", col("_judged").and(col("_stayed").lt(k)));
    }

    /** Per agency and hire year: granted hires, short stays and their share (4 decimals). */
    static Dataset<Row> shortStayShares(ScreeningInputs in, Rules rules, int cycle) {
        return grantedHires(in, rules, cycle).groupBy(AGENCY, YEAR)
                .agg(countDistinct(col(Columns.PERSON_ID)).as(GRANTED),
                        countDistinct(when(col("_short"), col(Columns.PERSON_ID))).as(SHORT),
                        collect_list(when(col("_short"), struct(col(Columns.CLAIM_ID), col(Columns.PERSON_ID),
                                col("_hire"), col("_stayed")))).as("_short_hires"))
                .withColumn(SHARE, col(SHORT).cast("decimal(12,4)").divide(col(GRANTED)).cast("decimal(5,4)"));
    }

    /**
     * SHORT_STAY_CLUSTER (subject UNIT = the agency, HIGH): in a hire year, the agency's
     * short stays ({@link #grantedHires}) are at least one and at least
     * {@code short_stay_share} × its granted hires of that year. Evidence per flagged
     * year: short stays of granted hires, and each short stay's claim, worker, hire month
     * and months paid after it. Keys: the years and the short stays' claim ids. Names:
     * the short stays' claims. Links: the agency and those workers.
     */
    static Dataset<Row> shortStayCluster(ScreeningInputs in, Rules rules, int cycle) {
        int k = rules.shortStayMonths();
        BigDecimal share = rules.shortStayShare();
        Dataset<Row> years = shortStayShares(in, rules, cycle)
                .filter(col(SHORT).geq(1).and(col(SHORT).cast("decimal(20,4)").geq(col(GRANTED).multiply(lit(share)))));
        Column hireItem = transform(col("_short_hires"), h -> concat(h.getField(Columns.CLAIM_ID), lit(" ("),
                h.getField(Columns.PERSON_ID), lit(", hired "), h.getField("_hire").cast("string"), lit(", paid "),
                h.getField("_stayed").cast("string"), lit(" of " + k + " months after)")));
        Column yearItem = concat(col(YEAR).cast("string"), lit(": "), col(SHORT).cast("string"), lit(" of "),
                col(GRANTED).cast("string"), lit(" granted hires stopped within " + k + " months: "),
                array_join(array_sort(hireItem), ", "));
        Dataset<Row> perAgency = years.groupBy(AGENCY)
                .agg(collect_list(yearItem).as("_years"),
                        collect_list(col(YEAR)).as("_year_list"),
                        flatten(collect_list(col("_short_hires"))).as("_hires"));
        Column claims = transform(col("_hires"), h -> h.getField(Columns.CLAIM_ID));
        Column evidence = array_join(array_sort(col("_years")), "; ");
        Column keys = concat(transform(col("_year_list"), y -> concat(lit("year:"), y.cast("string"))),
                transform(claims, c -> concat(lit("claim:"), c)));
        Column nodes = concat(array(node(FlagTable.UNIT, col(AGENCY))),
                transform(col("_hires"), h -> concat(lit(FlagTable.PERSON + ":"), h.getField(Columns.PERSON_ID))));
        return FlagRows.of(perAgency, FlagRule.SHORT_STAY_CLUSTER, col(AGENCY), evidence, keys,
                claims, emptyStrings(), nodes);
    }
}
