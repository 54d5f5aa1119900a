package wengang.eligibility;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.policy.Rules;
import wengang.schemas.Codes;
import wengang.schemas.Columns;
import wengang.schemas.Money;
import wengang.schemas.Months;

/**
 * Silver: one row per person × month (up to cycle − 1) with a visible PAID contribution
 * of any kind, holding the facts every rule asks about that month:
 * <ul>
 *   <li>P3 employed: a PAID pension row (110) in the city region;</li>
 *   <li>P3 established: a PAID row with staff type ESTABLISHED or insurance type 120;</li>
 *   <li>P7 the SI amount: personal parts of PAID 110/210/310 rows in the city region, all units;</li>
 *   <li>P13 the paying unit: among the month's PAID city pension rows the highest base
 *       (ties: smallest employer_id), and its registered district;</li>
 *   <li>P6/screening: when the month's earliest city pension payment arrived.</li>
 * </ul>
 */
public final class PersonMonths {
    public static final String EMPLOYED = "employed";
    public static final String ESTABLISHED = "established";
    public static final String SI_AMOUNT = "si_amount";
    public static final String FIRST_PENSION_PAID_ON = "first_pension_paid_on";
    public static final String UNIT_ID = "unit_id";
    public static final String UNIT_STAFF_TYPE = "unit_staff_type";
    public static final String UNIT_USER_UNIT_ID = "unit_user_unit_id";
    public static final String PENSION_UNITS = "pension_units";
    public static final String CONTRIBUTION_NAME = "contribution_name";

    private PersonMonths() {}

    /**
     * @param visibleContributions contributions as of the cycle ({@link AsOf#contributions})
     * @param employers            the employers table (for the paying unit's district)
     */
    public static Dataset<Row> build(Dataset<Row> visibleContributions, Dataset<Row> employers, Rules rules, int cycle) {
        int lastDecided = Months.plus(cycle, -1);
        Column paid = col(Columns.PAY_STATUS).equalTo(Codes.PayStatus.PAID);
        Column inCity = col(Columns.REGION_CODE).equalTo(rules.cityRegion());
        Column pension = col(Columns.INSURANCE_TYPE).isin(rules.employmentInsuranceTypes().toArray());
        Column cityPension = inCity.and(pension);
        Column established = col(Columns.STAFF_TYPE).isin(rules.establishedStaffTypes().toArray())
                .or(col(Columns.INSURANCE_TYPE).isin(rules.establishedInsuranceTypes().toArray()));
        Column siPart = inCity.and(col(Columns.INSURANCE_TYPE).isin(rules.siSubsidyInsuranceTypes().toArray()));
        // min over struct(-base, employer_id): the highest base, then the smallest employer_id
        Column unitRank = when(cityPension, struct(
                col(Columns.BASE).multiply(-1).as("neg_base"),
                col(Columns.EMPLOYER_ID).as("unit"),
                col(Columns.STAFF_TYPE).as("staff"),
                col(Columns.USER_UNIT_ID).as("user_unit")));

        Dataset<Row> months = visibleContributions
                .filter(paid.and(col(Columns.MONTH).leq(lastDecided)))
                .groupBy(Columns.PERSON_ID, Columns.MONTH)
                .agg(
                        max(cityPension).as(EMPLOYED),
                        max(established).as(ESTABLISHED),
                        coalesce(sum(when(siPart, col(Columns.PERSONAL_AMOUNT))), lit(Money.ZERO))
                                .cast(Money.TYPE).as(SI_AMOUNT),
                        min(when(cityPension, col(Columns.PAID_ON))).as(FIRST_PENSION_PAID_ON),
                        min(unitRank).as("_unit"),
                        countDistinct(when(pension, col(Columns.EMPLOYER_ID))).as(PENSION_UNITS),
                        min(col(Columns.NAME)).as(CONTRIBUTION_NAME));

        Dataset<Row> districts = employers.select(
                col(Columns.EMPLOYER_ID).as("_emp"), col(Columns.REGISTERED_DISTRICT).as(Columns.DISTRICT));
        return months
                .withColumn(UNIT_ID, col("_unit.unit"))
                .withColumn(UNIT_STAFF_TYPE, col("_unit.staff"))
                .withColumn(UNIT_USER_UNIT_ID, col("_unit.user_unit"))
                .drop("_unit")
                .join(broadcast(districts), col(UNIT_ID).equalTo(col("_emp")), "left")
                .drop("_emp");
    }
}
