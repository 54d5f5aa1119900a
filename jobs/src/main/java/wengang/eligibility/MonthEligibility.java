package wengang.eligibility;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.decision.ReasonChooser;
import wengang.decision.ReasonRule;
import wengang.policy.Rules;
import wengang.schemas.Columns;
import wengang.schemas.Months;
import wengang.schemas.ReasonCode;

/**
 * Gold: person × month eligibility under P1–P4 and P6 at cycle c, before any claim is
 * looked at. One row per person-month with a visible PAID contribution up to c − 1,
 * carrying the month's facts (unit, district, SI amount), its spell and the person-level
 * reason (NOT_IN_REGISTRY, ORIGIN_NOT_COVERED, OUTSIDE_POLICY_WINDOW, ESTABLISHED_STAFF,
 * NO_PAID_CONTRIBUTION, REQUALIFYING) with status PAYABLE / PENDING / REJECTED. Claims
 * add their own codes on top ({@code wengang.claims.ClaimMonths}); "免申即享" and TRANSPORT
 * read the PAYABLE months from here.
 */
public final class MonthEligibility {
    public static final String IN_REGISTRY = "in_registry";
    public static final String COVERED_VALID = "covered_valid";
    public static final String IN_WINDOW = "in_window";
    public static final String REQUALIFYING = "requalifying";
    public static final String REQUALIFYING_PENDING = "requalifying_pending";
    public static final String RETROACTIVE = "retroactive";
    public static final String STATUS = Columns.STATUS;
    public static final String REASON = Columns.REASON;

    private MonthEligibility() {}

    /**
     * @param personMonths    {@link PersonMonths#build} output
     * @param registryPersons {@link RegistryPersons#build} output
     */
    public static Dataset<Row> build(Dataset<Row> personMonths, Dataset<Row> registryPersons, Rules rules, int cycle) {
        Dataset<Row> facts = withRegistryFacts(personMonths, registryPersons, rules);
        Dataset<Row> spells = ContinuitySpells.build(facts, rules);
        Dataset<Row> withSpells = facts.as("m").join(spells.as("s"),
                        col("m." + Columns.PERSON_ID).equalTo(col("s." + Columns.PERSON_ID))
                                .and(col("m." + Columns.MONTH).between(col("s." + ContinuitySpells.SPELL_START),
                                        col("s." + ContinuitySpells.SPELL_END))), "left")
                .select(col("m.*"), col("s." + ContinuitySpells.SPELL_START), col("s." + ContinuitySpells.SPELL_END),
                        col("s." + ContinuitySpells.SPELL_MONTHS), col("s." + ContinuitySpells.SPELL_KIND))
                .withColumn(REQUALIFYING, coalesce(ContinuitySpells.requalifying(rules), lit(false)))
                .withColumn(REQUALIFYING_PENDING, coalesce(ContinuitySpells.requalifyingStillPending(rules, cycle), lit(false)))
                .withColumn(RETROACTIVE, retroactive(rules));
        return ReasonChooser.decide(withSpells, personRules(rules, cycle), REASON, STATUS);
    }

    /** Registry facts for each person-month: in the registry, covered status valid, origin, window, qualifying. */
    static Dataset<Row> withRegistryFacts(Dataset<Row> personMonths, Dataset<Row> registryPersons, Rules rules) {
        Dataset<Row> reg = registryPersons.select(
                col(Columns.PERSON_ID).as("_rp"), col(RegistryPersons.ORIGIN_COVERED),
                col(RegistryPersons.COVERED_PERIODS), col(RegistryPersons.REGISTRY_NAME));
        Column month = col(Columns.MONTH);
        return personMonths.join(reg, col(Columns.PERSON_ID).equalTo(col("_rp")), "left")
                .withColumn(IN_REGISTRY, col("_rp").isNotNull())
                .drop("_rp")
                .withColumn(COVERED_VALID, RegistryPersons.validIn(col(RegistryPersons.COVERED_PERIODS), month))
                .withColumn(RegistryPersons.ORIGIN_COVERED, coalesce(col(RegistryPersons.ORIGIN_COVERED), lit(false)))
                .withColumn(IN_WINDOW, inWindow(month, rules))
                .withColumn(ContinuitySpells.QUALIFYING, col(IN_WINDOW).and(col(COVERED_VALID))
                        .and(col(RegistryPersons.ORIGIN_COVERED)).and(col(PersonMonths.EMPLOYED))
                        .and(not(col(PersonMonths.ESTABLISHED))))
                .drop(RegistryPersons.COVERED_PERIODS);
    }

    public static Column inWindow(Column month, Rules rules) {
        return month.between(rules.windowFirstMonth(), rules.windowLastMonth());
    }

    /** P6: month m is still within grace at cycle c while (c − 1) − m &lt; grace (months after c − 1 too). */
    public static Column withinGrace(Column month, Rules rules, int cycle) {
        int lastDecidedIdx = MonthColumns.index(cycle) - 1;
        return lit(lastDecidedIdx).minus(MonthColumns.index(month)).lt(rules.graceMonths());
    }

    /**
     * Screening: the month's earliest city pension payment arrived more than the
     * retroactive months after the month ended (on or after the first day of month + n + 1).
     */
    static Column retroactive(Rules rules) {
        Column limit = MonthColumns.firstDay(MonthColumns.plus(col(Columns.MONTH), rules.retroactiveAfterMonths() + 1));
        return coalesce(col(PersonMonths.FIRST_PENSION_PAID_ON).geq(limit), lit(false));
    }

    /** The person-level rows of the reason table, in contract terms. */
    static List<ReasonRule> personRules(Rules rules, int cycle) {
        Column month = col(Columns.MONTH);
        return List.of(
                ReasonRule.rejects(ReasonCode.NOT_IN_REGISTRY, not(col(COVERED_VALID))),
                ReasonRule.rejects(ReasonCode.ORIGIN_NOT_COVERED,
                        col(IN_REGISTRY).and(not(col(RegistryPersons.ORIGIN_COVERED)))),
                ReasonRule.rejects(ReasonCode.OUTSIDE_POLICY_WINDOW, not(col(IN_WINDOW))),
                ReasonRule.rejects(ReasonCode.ESTABLISHED_STAFF, col(PersonMonths.ESTABLISHED)),
                ReasonRule.pendingWhile(ReasonCode.NO_PAID_CONTRIBUTION, not(col(PersonMonths.EMPLOYED)),
                        withinGrace(month, rules, cycle)),
                ReasonRule.pendingWhile(ReasonCode.REQUALIFYING, col(REQUALIFYING), col(REQUALIFYING_PENDING)));
    }

    /** For tests and explain: the last month a cycle decides. */
    public static int lastDecidedMonth(int cycle) {
        return Months.plus(cycle, -1);
    }
}
