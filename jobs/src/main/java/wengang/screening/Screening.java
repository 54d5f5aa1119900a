package wengang.screening;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.policy.Rules;
import wengang.schemas.Columns;

/**
 * Fraud screening at cycle c (contract "Screening flags"): the ten rules, each flag
 * with a stable flag_id and its linked group, the risk ranking of units, and the
 * reviewers' decisions applied. Dataset transforms on the cycle's view
 * ({@link ScreeningInputs}), no I/O; the only actions are those of the iterative group
 * search in {@link #flags} ({@link #ruleFlags} is the lazy plan without groups).
 *
 * <p>One flag per (rule, subject_id). The rules, as implemented (policy values read from
 * {@link Rules}, never constants):
 * <ul>
 *   <li>SHARED_ACCOUNT, RETROACTIVE_PAYMENT, NAME_MISMATCH, CONCURRENT_EMPLOYERS,
 *       DECEASED_CLAIM, OVERCLAIM, DOUBLE_SCHEME, MULTI_AGENCY_SAME_YEAR, AGENCY_REPEAT,
 *       SHORT_STAY_CLUSTER: see {@link AccountRules}, {@link ContributionRules},
 *       {@link ClaimRules} and {@link DispatchRules}, one method per rule, each with its
 *       exact definition, evidence, keys, names and links;</li>
 *   <li>flag_id: {@link FlagRows#flagId}; group_id / group_size: {@link LinkedGroups};
 *       risk ranking and score: {@link RiskUnits}; reviews: {@link Reviews}.</li>
 * </ul>
 * Only the people the subsidy concerns are screened: registry persons and the persons
 * of claims and grants ({@link ScreeningInputs#scopePersons}).
 */
public final class Screening {
    private Screening() {}

    /**
     * Every flag of the cycle, {@link FlagTable#SCHEMA} rows, groups assigned. Runs Spark jobs
     * when called: the flags are computed once (local checkpoint) and the group search
     * iterates ({@link ConnectedComponents}).
     */
    public static Dataset<Row> flags(ScreeningInputs in, Rules rules, int cycle) {
        return LinkedGroups.assign(ruleFlags(in, rules, cycle).localCheckpoint());
    }

    /** The flags of the ten rules without groups (group_id and group_size empty): a lazy plan, no job runs. */
    public static Dataset<Row> ruleFlags(ScreeningInputs in, Rules rules, int cycle) {
        List<Dataset<Row>> perRule = List.of(
                AccountRules.sharedAccount(in),
                ContributionRules.retroactivePayment(in, rules),
                ContributionRules.nameMismatch(in),
                ClaimRules.deceasedClaim(in),
                DispatchRules.multiAgencySameYear(in),
                DispatchRules.agencyRepeat(in),
                DispatchRules.shortStayCluster(in, rules, cycle),
                ClaimRules.overclaim(in, rules),
                ContributionRules.concurrentEmployers(in, rules, cycle),
                ClaimRules.doubleScheme(in));
        return perRule.stream().map(FlagTable::conform).reduce(Dataset::union).orElseThrow();
    }

    /**
     * risk_units.csv rows ({@link RiskUnits#COLUMNS}, {@code rank} first) for the flags of cycle c.
     * The cycle is needed for the short-stay share (a hire is judged once its months are past).
     */
    public static Dataset<Row> riskUnits(Dataset<Row> flags, ScreeningInputs in, Rules rules, int cycle) {
        return RiskUnits.rank(flags, in, rules, cycle);
    }

    /** The flags without those whose latest review is DISMISSED (same flag_id: same evidence keys). */
    public static Dataset<Row> withoutDismissed(Dataset<Row> flags, Dataset<Row> reviews) {
        return flags.join(Reviews.dismissedFlagIds(reviews), new String[] {Columns.FLAG_ID}, "left_anti");
    }

    /** The flags with a {@value FlagTable#REVIEW} column: CONFIRMED when that is the latest review, else empty. */
    public static Dataset<Row> withReviewStatus(Dataset<Row> flags, Dataset<Row> reviews) {
        Dataset<Row> confirmed = Reviews.latest(reviews).filter(col(Columns.DECISION).equalTo(Reviews.CONFIRMED))
                .select(col(Columns.FLAG_ID).as("_reviewed"), col(Columns.DECISION).as(FlagTable.REVIEW));
        return flags.join(confirmed, col(Columns.FLAG_ID).equalTo(col("_reviewed")), "left").drop("_reviewed");
    }
}
