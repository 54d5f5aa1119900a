package wengang.cycle;

import static org.apache.spark.sql.functions.*;

import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.claims.ClaimDecisions;
import wengang.claims.ClaimInputs;
import wengang.claims.DispatchDecisions;
import wengang.claims.UnitClaimFacts;
import wengang.claims.EligibleUnclaimed;
import wengang.claims.PersonalClaimFacts;
import wengang.decision.ClaimMonthDecider;
import wengang.eligibility.AsOf;
import wengang.eligibility.MonthEligibility;
import wengang.eligibility.PersonMonths;
import wengang.eligibility.RegistryPersons;
import wengang.fulfilment.TargetFulfilment;
import wengang.payment.Adjustments;
import wengang.payment.Holds;
import wengang.payment.Ledger;
import wengang.payment.Settlement;
import wengang.policy.Policy;
import wengang.policy.Rules;
import wengang.screening.Reviews;
import wengang.screening.Screening;
import wengang.screening.ScreeningInputs;
import wengang.schemas.Codes.Scheme;
import wengang.schemas.Columns;

/**
 * One verification cycle as pure transforms: sources and the ledger in, every result
 * dataset out. No I/O, no "now": the cycle is an argument (P5).
 */
public final class CycleComputation {
    private CycleComputation() {}

    /** Every dataset a cycle produces; the I/O around it decides what is written where. */
    public record CycleResult(int cycle, boolean paymentCycle, Dataset<Row> monthEligibility, Dataset<Row> claimMonths,
                              Dataset<Row> claimDecisions, Dataset<Row> newLedgerEntries, Dataset<Row> adjustments,
                              Dataset<Row> eligibleUnclaimed, Dataset<Row> fulfilment, Dataset<Row> fulfilmentMonthly,
                              ScreeningInputs screening,
                              Dataset<Row> reviews, Rules rules) {

        /**
         * Screening flags of the cycle, dismissed ones left out, with their review status.
         * Runs Spark jobs when called (linked groups are found iteratively), so only the
         * job and the screening tests call it.
         */
        public Dataset<Row> flags() {
            return Screening.withReviewStatus(Screening.withoutDismissed(
                    Screening.flags(screening, rules, cycle), reviews), reviews);
        }

        /** risk_units rows (rank first) from this cycle's flags. */
        public Dataset<Row> riskUnits(Dataset<Row> flags) {
            return Screening.riskUnits(flags, screening, rules, cycle);
        }
    }

    /**
     * @param ledger         the whole ledger; entries of cycle c itself (a re-run) are replaced by a
     *                       fresh computation only when none exist, see {@link VerificationCycle}
     */
    public static CycleResult compute(CycleSources s, Dataset<Row> ledger, Policy policy, int cycle) {
        return compute(s, ledger, policy, cycle, UnaryOperator.identity());
    }

    /**
     * @param checkpoint applied to the datasets later steps read several times (month
     *                   eligibility, decided months, settled months): the job passes a
     *                   materialising checkpoint so the plan is computed once and stays small
     */
    public static CycleResult compute(CycleSources s, Dataset<Row> ledger, Policy policy, int cycle,
                                      UnaryOperator<Dataset<Row>> checkpoint) {
        Rules rules = policy.rulesAt(cycle);
        boolean paymentCycle = rules.isPaymentCycle(cycle);

        Dataset<Row> allClaims = AsOf.claims(s.claims(), cycle);
        Dataset<Row> claims = allClaims.filter(col(Columns.SCHEME).equalTo(Scheme.CITY_2023));
        Dataset<Row> grants = allClaims.filter(col(Columns.SCHEME).notEqual(Scheme.CITY_2023));
        Dataset<Row> registryPersons = checkpoint.apply(RegistryPersons.build(s.registry(), rules));

        // the big table is narrowed to the people any rule can ask about: the registry and claimants
        Dataset<Row> people = registryPersons.select(Columns.PERSON_ID)
                .union(allClaims.select(Columns.PERSON_ID)).distinct();
        // ... and shuffled once, by person: every later step groups, windows or joins by person
        // (person × month, person × unit × month, person), so the partitioning the checkpoint
        // keeps serves them all without moving the rows again
        Dataset<Row> contributions = checkpoint.apply(AsOf.contributions(s.contributions(), cycle)
                .join(broadcast(people), new String[] {Columns.PERSON_ID}, "left_semi")
                .repartition(col(Columns.PERSON_ID)));
        Dataset<Row> personMonths = PersonMonths.build(contributions, s.employers(), rules, cycle);
        Dataset<Row> monthEligibility = checkpoint.apply(MonthEligibility.build(personMonths, registryPersons, rules, cycle));

        Dataset<Row> ledgerBefore = Ledger.before(ledger, cycle);
        ClaimInputs in = new ClaimInputs(claims, grants, registryPersons, monthEligibility, contributions,
                s.employers(), ledgerBefore);
        Dataset<Row> facts = PersonalClaimFacts.build(in, policy, rules, cycle)
                .unionByName(UnitClaimFacts.training(in, policy, rules, cycle));
        Dataset<Row> dispatch = checkpoint.apply(UnitClaimFacts.dispatch(in, policy, rules, cycle));
        Dataset<Row> decided = checkpoint.apply(ClaimMonthDecider.decide(facts, rules, cycle)
                .unionByName(DispatchDecisions.decide(dispatch, rules, cycle)));

        Holds holds = new Holds(AsOf.usableCards(s.cards(), cycle), Reviews.confirmedSubjects(s.reviews()));
        Settlement.Settled settled = Settlement.split(checkpoint.apply(Settlement.settle(decided, ledgerBefore, holds,
                payeeNames(registryPersons, monthEligibility), s.employers())), paymentCycle, cycle, policy.label());
        // decisions and fulfilment are read by several writers (gold, CSV, screening, metrics,
        // report): computed once; fulfilment is a pass over every narrowed contribution row
        Dataset<Row> decisions = checkpoint.apply(ClaimDecisions.decide(settled.claimMonths(), s.shownReasons(), cycle));
        Dataset<Row> ledgerUpTo = ledgerBefore.unionByName(settled.newEntries());
        Dataset<Row> adjustments = Adjustments.build(ledgerUpTo, decided);
        Dataset<Row> unclaimed = EligibleUnclaimed.build(monthEligibility, allClaims, policy);
        // fulfilment counts registry persons only: the narrowed contributions hold all their rows
        Dataset<Row> fulfilment = checkpoint.apply(
                TargetFulfilment.build(contributions, registryPersons, s.quotas(), s.cityNames(), rules));
        Dataset<Row> fulfilmentMonthly = checkpoint.apply(TargetFulfilment.monthly(fulfilment, contributions,
                registryPersons, s.quotas(), s.cityNames(), rules, cycle, checkpoint));
        ScreeningInputs screening = new ScreeningInputs(contributions, s.employers(), s.registry(), claims, grants,
                s.cards(), monthEligibility, settled.claimMonths(), decisions);
        return new CycleResult(cycle, paymentCycle, monthEligibility, settled.claimMonths(), decisions,
                settled.newEntries(), adjustments, unclaimed, fulfilment, fulfilmentMonthly, screening, s.reviews(), rules);
    }

    /**
     * Names payments are made out to: the registry name, else the name on contributions.
     * Read from month eligibility (every person-month, already computed) rather than
     * aggregating the contributions again.
     */
    static Dataset<Row> payeeNames(Dataset<Row> registryPersons, Dataset<Row> personMonths) {
        Dataset<Row> contributionNames = personMonths.groupBy(Columns.PERSON_ID)
                .agg(min(PersonMonths.CONTRIBUTION_NAME).as("_cname"));
        Column name = coalesce(col(RegistryPersons.REGISTRY_NAME), col("_cname"));
        return registryPersons.select(Columns.PERSON_ID, RegistryPersons.REGISTRY_NAME)
                .join(contributionNames, new String[] {Columns.PERSON_ID}, "full_outer")
                .select(col(Columns.PERSON_ID), name.as(Columns.NAME));
    }
}
