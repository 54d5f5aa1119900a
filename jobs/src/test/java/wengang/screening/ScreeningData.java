package wengang.screening;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.eligibility.AsOf;
import wengang.eligibility.PersonMonths;
import wengang.policy.Rules;
import wengang.schemas.Codes.PayStatus;
import wengang.schemas.Codes.Scheme;
import wengang.schemas.Codes.StaffType;
import wengang.schemas.Columns;
import wengang.schemas.Money;
import wengang.schemas.Months;
import wengang.testing.CycleHarness;
import wengang.testing.Fixture;
import wengang.testing.TestSpark;

/**
 * Screening inputs for a test: the bronze tables of a {@link Fixture} (seen as of the
 * cycle, as the cycle would pass them) plus hand-written decided rows: month
 * eligibility, claim months and claim decisions with the columns screening reads.
 */
final class ScreeningData {
    static final StructType ELIGIBILITY = new StructType()
            .add(Columns.PERSON_ID, DataTypes.StringType)
            .add(Columns.MONTH, DataTypes.IntegerType)
            .add(Columns.STATUS, DataTypes.StringType)
            .add(Columns.REASON, DataTypes.StringType)
            .add("retroactive", DataTypes.BooleanType)
            .add(PersonMonths.FIRST_PENSION_PAID_ON, DataTypes.DateType)
            .add(PersonMonths.UNIT_ID, DataTypes.StringType);
    static final StructType CLAIM_MONTHS = new StructType()
            .add(Columns.CLAIM_ID, DataTypes.StringType)
            .add(Columns.SUBSIDY, DataTypes.StringType)
            .add(Columns.PERSON_ID, DataTypes.StringType)
            .add(Columns.CLAIMANT_ID, DataTypes.StringType)
            .add(Columns.DISTRICT, DataTypes.StringType)
            .add(Columns.MONTH, DataTypes.IntegerType)
            .add(Columns.STATUS, DataTypes.StringType)
            .add(Columns.REASON, DataTypes.StringType)
            .add(Columns.AMOUNT, Money.TYPE);
    static final StructType DECISIONS = new StructType()
            .add(Columns.CLAIM_ID, DataTypes.StringType)
            .add(Columns.DECISION, DataTypes.StringType)
            .add(Columns.APPROVED_AMOUNT, Money.TYPE)
            .add(Columns.REASONS, DataTypes.StringType)
            .add(Columns.SUBSIDY, DataTypes.StringType)
            .add(Columns.PERSON_ID, DataTypes.StringType)
            .add(Columns.CLAIMANT_ID, DataTypes.StringType)
            .add(Columns.DISTRICT, DataTypes.StringType)
            .add(Columns.AMOUNT_CLAIMED, Money.TYPE);

    final Fixture f = new Fixture();
    private final List<Row> eligibility = new ArrayList<>();
    private final List<Row> claimMonths = new ArrayList<>();
    private final List<Row> decisions = new ArrayList<>();

    static Rules rules(int cycle) {
        return CycleHarness.policy().rulesAt(cycle);
    }

    ScreeningData eligible(String person, int month, String status, boolean retroactive, String paidOn, String unit) {
        eligibility.add(RowFactory.create(person, month, status, null, retroactive,
                paidOn == null ? null : Fixture.date(paidOn), unit));
        return this;
    }

    ScreeningData claimMonth(String claimId, String subsidy, String person, String claimant, int month, String status,
                             String amount) {
        claimMonths.add(RowFactory.create(claimId, subsidy, person, claimant, Fixture.YUEXIU, month, status, null,
                new BigDecimal(amount).setScale(2)));
        return this;
    }

    ScreeningData decision(String claimId, String decision, String approved, String subsidy, String person,
                           String claimant, String amountClaimed) {
        decisions.add(RowFactory.create(claimId, decision, new BigDecimal(approved).setScale(2), "", subsidy, person,
                claimant, Fixture.YUEXIU, amountClaimed == null ? null : new BigDecimal(amountClaimed).setScale(2)));
        return this;
    }

    /** PAID pension (110) rows only, base 4000, paid on the 15th of each month from..to. */
    ScreeningData paid(String person, String unit, int from, int to) {
        for (int m = from; m <= to; m = Months.plus(m, 1)) {
            f.pension(person, unit, m, "4000.00", PayStatus.PAID, Months.firstDay(m).plusDays(14).toString(),
                    StaffType.DISPATCHED, null);
        }
        return this;
    }

    /** The inputs as cycle c passes them: contributions and claims as of c, claims split from grants. */
    ScreeningInputs inputs(int cycle) {
        SparkSession spark = TestSpark.session();
        return inputs(f, cycle, spark.createDataFrame(eligibility, ELIGIBILITY),
                spark.createDataFrame(claimMonths, CLAIM_MONTHS), spark.createDataFrame(decisions, DECISIONS));
    }

    static ScreeningInputs inputs(Fixture f, int cycle, Dataset<Row> monthEligibility, Dataset<Row> claimMonths,
                                  Dataset<Row> claimDecisions) {
        SparkSession spark = TestSpark.session();
        Dataset<Row> visibleClaims = AsOf.claims(f.claims(spark), cycle);
        return new ScreeningInputs(
                AsOf.contributions(f.contributions(spark), cycle),
                f.employers(spark),
                f.registry(spark),
                visibleClaims.filter(col(Columns.SCHEME).equalTo(Scheme.CITY_2023)),
                visibleClaims.filter(col(Columns.SCHEME).notEqual(Scheme.CITY_2023)),
                f.cards(spark),
                monthEligibility, claimMonths, claimDecisions);
    }

    /** subject_id → flag row, for one rule's flags. */
    static Map<String, Row> bySubject(Dataset<Row> flags) {
        Map<String, Row> out = new TreeMap<>();
        for (Row r : flags.collectAsList()) {
            out.put(r.getString(r.fieldIndex(Columns.SUBJECT_ID)), r);
        }
        return out;
    }

    /** "RULE subject_id" → flag row. */
    static Map<String, Row> byRuleAndSubject(Dataset<Row> flags) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (Row r : flags.orderBy(Columns.RULE, Columns.SUBJECT_ID).collectAsList()) {
            out.put(r.getString(r.fieldIndex(Columns.RULE)) + " " + r.getString(r.fieldIndex(Columns.SUBJECT_ID)), r);
        }
        return out;
    }

    static String evidence(Row flag) {
        return flag.getString(flag.fieldIndex(Columns.EVIDENCE));
    }

    static List<String> strings(Row flag, String column) {
        return flag.getList(flag.fieldIndex(column));
    }
}
