package wengang.claims;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What claim decisions read at cycle c, all already as of c (P5).
 *
 * @param claims              CITY_2023 claims submitted before c
 * @param grants              CITY_2021 and DISTRICT grants submitted before c
 * @param registryPersons     {@link wengang.eligibility.RegistryPersons} rows
 * @param monthEligibility    {@link wengang.eligibility.MonthEligibility} rows
 * @param contributions       contribution rows visible at c (for the unit subsidies' checks)
 * @param employers           the employers table
 * @param ledgerBefore        ledger entries of cycles before c
 */
public record ClaimInputs(Dataset<Row> claims, Dataset<Row> grants, Dataset<Row> registryPersons,
                          Dataset<Row> monthEligibility, Dataset<Row> contributions, Dataset<Row> employers,
                          Dataset<Row> ledgerBefore) {}
