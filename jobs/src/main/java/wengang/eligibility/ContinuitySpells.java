package wengang.eligibility;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import wengang.policy.Rules;
import wengang.schemas.Columns;

/**
 * P4 continuity. A spell is a maximal run of consecutive months employed in Guangzhou
 * (P3); changing unit without a gap is not a break. The first spell that contains a
 * qualifying month (in the window, covered status, origin covered, employed, not
 * established) is payable from its first qualifying month; breaks before it do not
 * count (seeds/000 问题六(一): 可从符合条件的首月开始申请补贴). Every later spell is a
 * requalifying spell: payable only once it has 3 consecutive paid months, then from its
 * own first month (须重新连续缴费满3个月后方可再次申请; example B).
 */
public final class ContinuitySpells {
    public static final String SPELL_START = "spell_start";
    public static final String SPELL_END = "spell_end";
    public static final String SPELL_MONTHS = "spell_months";
    public static final String SPELL_KIND = "spell_kind";
    /** Months before the person's first qualifying spell: they never made the person a target. */
    public static final String KIND_BEFORE_FIRST = "BEFORE_FIRST";
    public static final String KIND_FIRST = "FIRST";
    public static final String KIND_LATER = "LATER";
    /** Column of the input: the month qualifies (computed by {@link MonthEligibility}). */
    public static final String QUALIFYING = "qualifying";

    private ContinuitySpells() {}

    /**
     * Spells of each person from person months that carry {@link PersonMonths#EMPLOYED} and
     * {@link #QUALIFYING}: one row per person × spell with start, end, length, kind and
     * whether it is requalifying (a later spell shorter than the policy's requalify months).
     */
    public static Dataset<Row> build(Dataset<Row> personMonths, Rules rules) {
        Column idx = MonthColumns.index(col(Columns.MONTH));
        Dataset<Row> employed = personMonths.filter(col(PersonMonths.EMPLOYED))
                .select(col(Columns.PERSON_ID), col(Columns.MONTH), col(QUALIFYING), idx.as("_idx"));
        // gaps and islands: within a run of consecutive months, index - row_number is constant
        Dataset<Row> islands = employed.withColumn("_island", col("_idx").minus(
                row_number().over(Window.partitionBy(Columns.PERSON_ID).orderBy("_idx"))));
        Dataset<Row> spells = islands.groupBy(col(Columns.PERSON_ID), col("_island"))
                .agg(min(Columns.MONTH).as(SPELL_START), max(Columns.MONTH).as(SPELL_END),
                        count(lit(1)).cast("int").as(SPELL_MONTHS), max(col(QUALIFYING)).as("_has_qualifying"))
                .drop("_island");
        Column firstStart = min(when(col("_has_qualifying"), col(SPELL_START)))
                .over(Window.partitionBy(Columns.PERSON_ID));
        return spells
                .withColumn("_first_start", firstStart)
                .withColumn(SPELL_KIND,
                        when(col("_first_start").isNull().or(col(SPELL_START).lt(col("_first_start"))), lit(KIND_BEFORE_FIRST))
                                .when(col(SPELL_START).equalTo(col("_first_start")), lit(KIND_FIRST))
                                .otherwise(lit(KIND_LATER)))
                .drop("_first_start", "_has_qualifying");
    }

    /** One row per person and spell, read back from month eligibility (what silver/spells holds). */
    public static Dataset<Row> of(Dataset<Row> monthEligibility) {
        return monthEligibility.filter(col(SPELL_START).isNotNull())
                .groupBy(Columns.PERSON_ID, SPELL_START)
                .agg(first(SPELL_END).as(SPELL_END), first(SPELL_MONTHS).as(SPELL_MONTHS), first(SPELL_KIND).as(SPELL_KIND),
                        first(MonthEligibility.REQUALIFYING).as(MonthEligibility.REQUALIFYING),
                        sum(when(col(MonthEligibility.STATUS).equalTo("PAYABLE"), 1).otherwise(0)).cast("int")
                                .as("payable_months"));
    }

    /** A month of this spell is REQUALIFYING (P4): a later spell that has not reached the requalify months. */
    public static Column requalifying(Rules rules) {
        return col(SPELL_KIND).equalTo(KIND_LATER).and(col(SPELL_MONTHS).lt(rules.requalifyMonths()));
    }

    /**
     * P6 for a short later spell: still PENDING while the month after its last month is
     * within grace at cycle c, i.e. (c − 1) − (end + 1) &lt; grace.
     */
    public static Column requalifyingStillPending(Rules rules, int cycle) {
        int lastDecidedIdx = MonthColumns.index(cycle) - 1;
        return lit(lastDecidedIdx).minus(MonthColumns.index(col(SPELL_END)).plus(1)).lt(rules.graceMonths());
    }
}
