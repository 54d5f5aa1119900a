package wengang.screening;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.schemas.Columns;

/**
 * What screening reads at cycle c. Every dataset is already the cycle's view (P5): the
 * caller applies {@code AsOf}; screening never looks at "now".
 *
 * @param contributions    contribution rows visible at the cycle ({@code AsOf.contributions}), bronze columns
 * @param employers        the employers table (units: name, district, bank_account)
 * @param registry         registry rows (bronze)
 * @param claims           CITY_2023 claims visible at the cycle (bronze claims columns)
 * @param grants           CITY_2021 / DISTRICT grants visible at the cycle (bronze claims columns)
 * @param cards            all card rows (bronze)
 * @param monthEligibility {@code MonthEligibility.build} output; read: person_id, month, status,
 *                         retroactive, first_pension_paid_on, unit_id
 * @param claimMonths      decided claim months; read: claim_id, subsidy, person_id, claimant_id,
 *                         month, status, amount
 * @param claimDecisions   one row per claim; read: claim_id, decision, approved_amount, subsidy,
 *                         person_id, claimant_id, amount_claimed
 */
public record ScreeningInputs(
        Dataset<Row> contributions,
        Dataset<Row> employers,
        Dataset<Row> registry,
        Dataset<Row> claims,
        Dataset<Row> grants,
        Dataset<Row> cards,
        Dataset<Row> monthEligibility,
        Dataset<Row> claimMonths,
        Dataset<Row> claimDecisions) {

    /**
     * The people the subsidy concerns, the only ones screened: everyone in the registry
     * extract and everyone a claim or grant is about. One column, person_id.
     */
    public Dataset<Row> scopePersons() {
        return registry.select(Columns.PERSON_ID)
                .union(claims.select(Columns.PERSON_ID))
                .union(grants.select(Columns.PERSON_ID))
                .filter(col(Columns.PERSON_ID).isNotNull())
                .distinct();
    }

    /** Contribution rows of the people in scope. */
    public Dataset<Row> scopeContributions() {
        return contributions.join(scopePersons(), new String[] {Columns.PERSON_ID}, "left_semi");
    }
}
