package wengang.claims;

import static org.apache.spark.sql.functions.*;
import static wengang.decision.ClaimMonthFacts.applies;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.decision.ClaimKeys;
import wengang.decision.ClaimMonthFacts;
import wengang.eligibility.RegistryPersons;
import wengang.payment.Ledger;
import wengang.schemas.Columns;
import wengang.schemas.ReasonCode;

/** Lookups every subsidy's claim months make: the registry, grants of other schemes, the ledger. */
public final class ClaimLookups {
    private ClaimLookups() {}

    /**
     * Adds the registry facts (covered periods, origin) and codes 4 ORIGIN_NOT_COVERED: the
     * person is in the registry but the household county is not a covered origin.
     */
    public static Dataset<Row> withRegistry(Dataset<Row> claimMonths, Dataset<Row> registryPersons) {
        Dataset<Row> reg = registryPersons.select(col(Columns.PERSON_ID).as("_reg_person"),
                col(RegistryPersons.COVERED_PERIODS), col(RegistryPersons.ORIGIN_COVERED));
        return claimMonths.join(reg, col(Columns.PERSON_ID).equalTo(col("_reg_person")), "left")
                .withColumn(applies(ReasonCode.ORIGIN_NOT_COVERED),
                        col("_reg_person").isNotNull().and(not(coalesce(col(RegistryPersons.ORIGIN_COVERED), lit(false)))))
                .withColumn(RegistryPersons.COVERED_PERIODS, coalesce(col(RegistryPersons.COVERED_PERIODS),
                        array().cast(registryPersons.schema().apply(RegistryPersons.COVERED_PERIODS).dataType())));
    }

    /**
     * Code 11 DOUBLE_SCHEME (P18): the same key was granted under CITY_2021 or DISTRICT.
     * Code 13 ALREADY_PAID (P16): the ledger (earlier cycles) holds the key paid or held
     * for another claim.
     */
    public static Dataset<Row> withGrantsAndLedger(Dataset<Row> claimMonths, Dataset<Row> grants, Dataset<Row> ledgerBefore) {
        Dataset<Row> grantKeys = grantKeys(grants).withColumnRenamed(ClaimMonthFacts.KEY, "_grant_key");
        Dataset<Row> ledgerKeys = ledgerBefore.groupBy(col(Ledger.CLAIM_KEY).as("_ledger_key"))
                .agg(min(Columns.CLAIM_ID).as("_ledger_min_claim"), max(Columns.CLAIM_ID).as("_ledger_max_claim"));
        Column otherClaim = col("_ledger_key").isNotNull().and(
                col("_ledger_min_claim").notEqual(col(Columns.CLAIM_ID))
                        .or(col("_ledger_max_claim").notEqual(col(Columns.CLAIM_ID))));
        return claimMonths
                .join(grantKeys, col(ClaimMonthFacts.KEY).equalTo(col("_grant_key")), "left")
                .withColumn(applies(ReasonCode.DOUBLE_SCHEME), col("_grant_key").isNotNull())
                .join(ledgerKeys, col(ClaimMonthFacts.KEY).equalTo(col("_ledger_key")), "left")
                .withColumn(applies(ReasonCode.ALREADY_PAID), otherClaim)
                .drop("_grant_key", "_ledger_key", "_ledger_min_claim", "_ledger_max_claim");
    }

    /** Distinct keys granted under other schemes, one per month (yearly subsidies: per year). */
    public static Dataset<Row> grantKeys(Dataset<Row> grants) {
        return PersonalClaimFacts.explodeMonths(grants)
                .select(ClaimKeys.key(col(Columns.SUBSIDY), col(Columns.PERSON_ID), col(Columns.MONTH)).as(ClaimMonthFacts.KEY))
                .distinct();
    }
}
