package wengang.claims;

import static org.apache.spark.sql.functions.*;
import static wengang.decision.ClaimMonthFacts.applies;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.decision.ClaimMonthDecider;
import wengang.eligibility.MonthColumns;
import wengang.policy.Rules;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Columns;
import wengang.schemas.ReasonCode;

/**
 * Decides DISPATCH_ONE_TIME claims hire year by hire year, oldest first, because code 10
 * REPEAT_SAME_AGENCY (Q9.5: an agency is never paid twice for the same worker, in any
 * year) looks at what this cycle finds PAYABLE among the agency's earlier-year claims
 * for the worker, and those outcomes depend only on earlier years. Within a year the
 * usual decider settles DUPLICATE_CLAIM (one agency per worker per year) and
 * AGENCY_BELOW_MIN_HIRES.
 */
public final class DispatchDecisions {
    private DispatchDecisions() {}

    public static Dataset<Row> decide(Dataset<Row> dispatchFacts, Rules rules, int cycle) {
        List<Integer> years = dispatchFacts.select(MonthColumns.yearOf(col(Columns.MONTH)).as("y")).distinct()
                .orderBy("y").collectAsList().stream().map(r -> r.getInt(0)).toList();
        Dataset<Row> decided = null;
        for (int year : years) {
            Dataset<Row> facts = dispatchFacts.filter(MonthColumns.yearOf(col(Columns.MONTH)).equalTo(year));
            if (decided != null) {
                Dataset<Row> payableEarlier = decided.filter(col(Columns.STATUS).equalTo(MonthStatus.PAYABLE))
                        .select(col(Columns.CLAIMANT_ID).as("_pe_agency"), col(Columns.PERSON_ID).as("_pe_person"))
                        .distinct();
                String repeat = applies(ReasonCode.REPEAT_SAME_AGENCY);
                facts = facts.join(payableEarlier, col(Columns.CLAIMANT_ID).equalTo(col("_pe_agency"))
                                .and(col(Columns.PERSON_ID).equalTo(col("_pe_person"))), "left")
                        .withColumn(repeat, col(repeat).or(col("_pe_agency").isNotNull()))
                        .drop("_pe_agency", "_pe_person");
            }
            Dataset<Row> yearDecided = ClaimMonthDecider.decide(facts, rules, cycle);
            decided = decided == null ? yearDecided : decided.unionByName(yearDecided);
        }
        return decided != null ? decided
                : ClaimMonthDecider.decide(dispatchFacts, rules, cycle); // no dispatch claims: the empty shape
    }
}
