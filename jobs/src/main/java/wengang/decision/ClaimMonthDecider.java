package wengang.decision;

import static org.apache.spark.sql.functions.*;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import wengang.eligibility.MonthColumns;
import wengang.policy.Rules;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.ReasonCode;

/**
 * Decides claim months given their facts ({@link ClaimMonthFacts}): every code but
 * DUPLICATE_CLAIM is known from the month's own data; DUPLICATE_CLAIM (P17) needs the
 * other claims' outcomes, so it is settled in a second pass: an earlier-submitted claim
 * (ties: smaller claim_id) with the same key holds the month when its own outcome is
 * PAYABLE or PENDING; a month rejected on the earlier claim does not block a later one.
 * For DISPATCH_ONE_TIME the earlier claim holds the worker-year when codes 1–11 do not
 * reject it (P10).
 */
public final class ClaimMonthDecider {
    public static final String REASON = Columns.REASON;
    public static final String STATUS = Columns.STATUS;
    private static final String INTRINSIC_REASON = "_intrinsic_reason";
    private static final String INTRINSIC_STATUS = "_intrinsic_status";
    private static final String FIRST_OF_WORKER = "_first_of_worker";

    private ClaimMonthDecider() {}

    public static Dataset<Row> decide(Dataset<Row> facts, Rules rules, int cycle) {
        List<ReasonCode> withoutDuplicate = codes(c -> c != ReasonCode.DUPLICATE_CLAIM
                && c != ReasonCode.AGENCY_BELOW_MIN_HIRES);
        List<ReasonCode> upToDistrict = codes(c -> c != ReasonCode.AGENCY_BELOW_MIN_HIRES);
        List<ReasonCode> all = codes(c -> true);

        Dataset<Row> intrinsic = ReasonChooser.decide(facts, ClaimMonthFacts.rules(withoutDuplicate),
                INTRINSIC_REASON, INTRINSIC_STATUS);
        WindowSpec earlier = Window.partitionBy(ClaimMonthFacts.KEY)
                .orderBy(col(Columns.SUBMITTED_ON), col(Columns.CLAIM_ID))
                .rowsBetween(Window.unboundedPreceding(), -1);
        Dataset<Row> withDuplicate = intrinsic
                .withColumn(ClaimMonthFacts.applies(ReasonCode.DUPLICATE_CLAIM),
                        coalesce(max(holds()).over(earlier), lit(false)))
                .withColumn(ClaimMonthFacts.pending(ReasonCode.DUPLICATE_CLAIM), lit(false));
        Dataset<Row> upTo18 = ReasonChooser.decide(withDuplicate, ClaimMonthFacts.rules(upToDistrict),
                INTRINSIC_REASON, INTRINSIC_STATUS);
        return ReasonChooser.decide(withMinimumHires(upTo18, rules, cycle), ClaimMonthFacts.rules(all), REASON, STATUS)
                .drop(INTRINSIC_REASON, INTRINSIC_STATUS);
    }

    /**
     * P10 (code 19): an agency is paid only once at least the minimum number of its
     * DISPATCH_ONE_TIME claims for the hire year (distinct workers) pass codes 1–18 as
     * PAYABLE; short of that its claims stay PENDING until the cycle is past the annual
     * decision month of the next year, then are REJECTED.
     */
    static Dataset<Row> withMinimumHires(Dataset<Row> decidedUpTo18, Rules rules, int cycle) {
        Column dispatch = col(Columns.SUBSIDY).equalTo(Subsidy.DISPATCH_ONE_TIME);
        Column hireYear = MonthColumns.yearOf(col(Columns.MONTH));
        Column payableWorker = when(dispatch.and(col(INTRINSIC_STATUS).equalTo(MonthStatus.PAYABLE)),
                col(Columns.PERSON_ID));
        // distinct payable workers per agency and hire year, counted without a set: each worker
        // counts on its first row in worker order. (The size of a collect_set over the window put
        // the agency's whole set on each of its rows: for one agency with 10^5 claims, 10^10
        // copies, a cycle that never ended.)
        WindowSpec agencyYear = Window.partitionBy(col(Columns.CLAIMANT_ID), hireYear);
        Column previous = lag(payableWorker, 1).over(agencyYear.orderBy(payableWorker.asc_nulls_last()));
        Column firstOfWorker = payableWorker.isNotNull().and(previous.isNull().or(previous.notEqual(payableWorker)));
        Column confirmedHires = sum(col(FIRST_OF_WORKER)).over(agencyYear);
        Column stillOpen = lit(cycle).leq(hireYear.plus(1).multiply(100).plus(rules.annualDecisionMonth()));
        return decidedUpTo18
                .withColumn(FIRST_OF_WORKER, when(firstOfWorker, 1).otherwise(0))
                .withColumn(ClaimMonthFacts.applies(ReasonCode.AGENCY_BELOW_MIN_HIRES),
                        dispatch.and(confirmedHires.lt(rules.dispatchMinHires())))
                .withColumn(ClaimMonthFacts.pending(ReasonCode.AGENCY_BELOW_MIN_HIRES), stillOpen)
                .drop(FIRST_OF_WORKER);
    }

    private static List<ReasonCode> codes(java.util.function.Predicate<ReasonCode> keep) {
        return Arrays.stream(ReasonCode.values()).filter(ReasonCode::decides).filter(keep).toList();
    }

    /** Whether this claim month keeps its key from later claims. */
    private static Column holds() {
        Column notRejected = col(INTRINSIC_STATUS).notEqual(MonthStatus.REJECTED);
        // codes 1–11 do not reject it (a code still PENDING within grace does not reject)
        Column passesWorkerAndAgencyChecks = lit(true);
        for (ReasonCode code : ReasonCode.values()) {
            if (code.compareTo(ReasonCode.DOUBLE_SCHEME) <= 0) {
                Column rejects = col(ClaimMonthFacts.applies(code)).and(not(col(ClaimMonthFacts.pending(code))));
                passesWorkerAndAgencyChecks = passesWorkerAndAgencyChecks.and(not(rejects));
            }
        }
        return when(col(Columns.SUBSIDY).equalTo(Subsidy.DISPATCH_ONE_TIME), passesWorkerAndAgencyChecks)
                .otherwise(notRejected);
    }
}
