package wengang.screening;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import wengang.eligibility.PersonMonths;
import wengang.policy.Rules;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.Money;

/**
 * Risk ranking of units and agencies (risk_units.csv): one row per unit that at least
 * one flag links ({@link FlagTable#LINKED_NODES} holds {@code UNIT:<employer_id>}: the
 * subject of AGENCY_REPEAT and SHORT_STAY_CLUSTER, the agencies of
 * MULTI_AGENCY_SAME_YEAR, the holders of a SHARED_ACCOUNT, the claimant unit of a
 * claim flag, the units of a CONCURRENT_EMPLOYERS, RETROACTIVE_PAYMENT or
 * NAME_MISMATCH flag).
 *
 * <p>Columns, {@code rank} first:
 * <ul>
 *   <li>rank: 1 = most suspicious;</li>
 *   <li>unit_id, name, district (registered_district; empty for a unit not in employers);</li>
 *   <li>flags_high, flags_medium, flags_low: flags linking the unit, by severity; flags:
 *       their total; rules: the ";"-joined rules of those flags;</li>
 *   <li>money_involved: the PAYABLE amounts of this cycle's claim months (held ones and
 *       those settled earlier included) that concern the unit: DISPATCH_ONE_TIME and
 *       TRAINING months it claimed, and SI_SUBSIDY and LIVING months whose paying unit
 *       (P13, month eligibility's unit_id) it is. TRANSPORT is a yearly sum paid for a
 *       person and is not attributed to a unit;</li>
 *   <li>short_stay_share: the highest yearly share of its granted DISPATCH_ONE_TIME hires
 *       that were short stays (SHORT_STAY_CLUSTER's definition, {@link DispatchRules#grantedHires});
 *       empty when it has no granted hire;</li>
 *   <li>score = points(HIGH) × flags_high + points(MEDIUM) × flags_medium + points(LOW) × flags_low,
 *       the points from the policy file (risk_score_points; 10, 3, 1 since 2023).</li>
 * </ul>
 * Order: score descending, then money_involved descending, then unit_id ascending (so
 * ties always come out in the same order).
 */
public final class RiskUnits {

    public static final String RANK = "rank";
    public static final String UNIT_ID = "unit_id";
    public static final String FLAGS_HIGH = "flags_high";
    public static final String FLAGS_MEDIUM = "flags_medium";
    public static final String FLAGS_LOW = "flags_low";
    public static final String FLAGS = "flags";
    public static final String MONEY_INVOLVED = "money_involved";
    public static final String SHORT_STAY_SHARE = DispatchRules.SHARE;
    public static final String SCORE = "score";
    public static final String RULES = "rules";

    /** risk_units.csv columns in order. */
    public static final List<String> COLUMNS = List.of(RANK, UNIT_ID, Columns.NAME, Columns.DISTRICT, FLAGS_HIGH,
            FLAGS_MEDIUM, FLAGS_LOW, FLAGS, MONEY_INVOLVED, SHORT_STAY_SHARE, SCORE, RULES);

    private RiskUnits() {}

    public static Dataset<Row> rank(Dataset<Row> flags, ScreeningInputs in, Rules rules, int cycle) {
        String unitPrefix = FlagTable.UNIT + ":";
        Dataset<Row> perUnitFlag = flags
                .select(col(Columns.FLAG_ID), col(Columns.RULE), col(Columns.SEVERITY),
                        explode(col(FlagTable.LINKED_NODES)).as("_node"))
                .filter(col("_node").startsWith(unitPrefix))
                .select(col("_node").substr(unitPrefix.length() + 1, Integer.MAX_VALUE).as(UNIT_ID),
                        col(Columns.FLAG_ID), col(Columns.RULE), col(Columns.SEVERITY))
                .distinct();
        Dataset<Row> counts = perUnitFlag.groupBy(UNIT_ID)
                .agg(severityCount("HIGH").as(FLAGS_HIGH),
                        severityCount("MEDIUM").as(FLAGS_MEDIUM),
                        severityCount("LOW").as(FLAGS_LOW),
                        count(lit(1)).cast("int").as(FLAGS),
                        array_join(array_sort(collect_set(col(Columns.RULE))), ";").as(RULES));

        Dataset<Row> money = money(in).groupBy(col("_mu").as("_money_unit"))
                .agg(sum("_amount").cast(Money.TYPE).as(MONEY_INVOLVED));
        Dataset<Row> shares = DispatchRules.shortStayShares(in, rules, cycle)
                .groupBy(col(DispatchRules.AGENCY).as("_share_unit"))
                .agg(max(DispatchRules.SHARE).as(SHORT_STAY_SHARE));
        Dataset<Row> units = in.employers().select(col(Columns.EMPLOYER_ID).as("_emp"), col(Columns.NAME),
                col(Columns.REGISTERED_DISTRICT).as(Columns.DISTRICT)).dropDuplicates("_emp");

        Column score = col(FLAGS_HIGH).multiply(rules.riskPoints("HIGH"))
                .plus(col(FLAGS_MEDIUM).multiply(rules.riskPoints("MEDIUM")))
                .plus(col(FLAGS_LOW).multiply(rules.riskPoints("LOW")));
        Dataset<Row> joined = counts
                .join(units, col(UNIT_ID).equalTo(col("_emp")), "left")
                .join(money, col(UNIT_ID).equalTo(col("_money_unit")), "left")
                .join(shares, col(UNIT_ID).equalTo(col("_share_unit")), "left")
                .withColumn(MONEY_INVOLVED, coalesce(col(MONEY_INVOLVED), lit(Money.ZERO)).cast(Money.TYPE))
                .withColumn(SCORE, score.cast("int"));
        Column rank = row_number().over(Window.orderBy(col(SCORE).desc(), col(MONEY_INVOLVED).desc(), col(UNIT_ID).asc()));
        return joined.withColumn(RANK, rank)
                .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }

    private static Column severityCount(String severity) {
        return sum(when(col(Columns.SEVERITY).equalTo(severity), 1).otherwise(0)).cast("int");
    }

    /** _mu (unit), _amount: PAYABLE claim-month amounts attributed to a unit. */
    static Dataset<Row> money(ScreeningInputs in) {
        Dataset<Row> payable = in.claimMonths().filter(col(Columns.STATUS).equalTo(MonthStatus.PAYABLE));
        Dataset<Row> unitSubsidies = payable.filter(col(Columns.SUBSIDY).isin(Subsidy.UNIT.toArray()))
                .select(col(Columns.CLAIMANT_ID).as("_mu"), col(Columns.AMOUNT).as("_amount"));
        Dataset<Row> payingUnits = in.monthEligibility().select(col(Columns.PERSON_ID).as("_ep"),
                col(Columns.MONTH).as("_em"), col(PersonMonths.UNIT_ID).as("_mu"));
        Dataset<Row> personal = payable.filter(col(Columns.SUBSIDY).isin(Subsidy.MONTHLY.toArray()))
                .join(payingUnits, col(Columns.PERSON_ID).equalTo(col("_ep")).and(col(Columns.MONTH).equalTo(col("_em"))))
                .select(col("_mu"), col(Columns.AMOUNT).as("_amount"));
        return unitSubsidies.union(personal).filter(col("_mu").isNotNull());
    }
}
