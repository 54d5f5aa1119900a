package wengang.claims;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.eligibility.MonthEligibility;
import wengang.eligibility.PersonMonths;
import wengang.eligibility.RegistryPersons;
import wengang.policy.Policy;
import wengang.schemas.Codes.MonthStatus;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.Money;

/**
 * "免申即享": workers with months payable under P1–P4 (in the window, up to cycle − 1)
 * that no SI_SUBSIDY or LIVING claim of any scheme covers: the list a district uses
 * to reach out. One row per person and district (the district of the month's paying
 * unit); estimated_amount = the SI amount (P7) plus the LIVING amount (P8).
 */
public final class EligibleUnclaimed {
    private EligibleUnclaimed() {}

    /** @param allClaims claims and grants of every scheme submitted before the cycle */
    public static Dataset<Row> build(Dataset<Row> monthEligibility, Dataset<Row> allClaims, Policy policy) {
        Dataset<Row> covered = PersonalClaimFacts.explodeMonths(
                        allClaims.filter(col(Columns.SUBSIDY).isin(Subsidy.SI_SUBSIDY, Subsidy.LIVING)))
                .select(col(Columns.PERSON_ID).as("_cp"), col(Columns.MONTH).as("_cm"))
                .distinct();
        Dataset<Row> payable = monthEligibility.filter(col(MonthEligibility.STATUS).equalTo(MonthStatus.PAYABLE));
        return payable
                .join(covered, col(Columns.PERSON_ID).equalTo(col("_cp")).and(col(Columns.MONTH).equalTo(col("_cm"))),
                        "left_anti")
                .withColumn("_estimate", col(PersonMonths.SI_AMOUNT)
                        .plus(policy.moneyForMonth("living_monthly_amount", col(Columns.MONTH))))
                .groupBy(Columns.PERSON_ID, Columns.DISTRICT)
                .agg(first(coalesce(col(RegistryPersons.REGISTRY_NAME), col(PersonMonths.CONTRIBUTION_NAME)), true).as(Columns.NAME),
                        count(lit(1)).cast("int").as(Columns.MONTHS),
                        min(Columns.MONTH).as(Columns.FIRST_MONTH),
                        max(Columns.MONTH).as(Columns.LAST_MONTH),
                        sum("_estimate").cast(Money.TYPE).as(Columns.ESTIMATED_AMOUNT))
                .select(Columns.PERSON_ID, Columns.NAME, Columns.DISTRICT, Columns.MONTHS, Columns.FIRST_MONTH,
                        Columns.LAST_MONTH, Columns.ESTIMATED_AMOUNT);
    }
}
