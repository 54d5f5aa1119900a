package wengang.screening;

import static org.apache.spark.sql.functions.*;
import static wengang.screening.FlagRows.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.schemas.Codes.Subsidy;
import wengang.schemas.Columns;
import wengang.schemas.FlagRule;

/**
 * SHARED_ACCOUNT (subject CARD, HIGH): one account number with two or more holders.
 *
 * <p>Holders of an account number: every person with a card row of that card_no (any
 * status, bank function or not) and every unit whose bank_account it is (numbers
 * compared after trimming). The contract's three cases are exactly "two or more
 * distinct holders": a card_no held by two or more person_ids; a unit's bank_account
 * equal to a worker's card_no; a bank_account shared by two or more units. Only the
 * people the subsidy concerns are screened: an account is flagged when one of its
 * holders is a unit or a person in scope ({@link ScreeningInputs#scopePersons}).
 *
 * <p>Not a flag: an agency's account that unit subsidies for many workers are paid
 * to. Payments are not holders; only cards and units' own accounts are.
 *
 * <p>subject_id: the account number. Evidence: the holders. Keys: the holders.
 * Names for a CONFIRMED review: the holding persons (their payments go to that
 * account) and the unit-subsidy claims (DISPATCH_ONE_TIME, TRAINING) of the holding
 * units. Links: the card, its persons and units.
 */
final class AccountRules {
    private AccountRules() {}

    static Dataset<Row> sharedAccount(ScreeningInputs in) {
        Dataset<Row> persons = in.cards().select(trim(col(Columns.CARD_NO)).as("_account"),
                lit(FlagTable.PERSON).as("_type"), col(Columns.PERSON_ID).as("_holder"));
        Dataset<Row> units = in.employers().select(trim(col(Columns.BANK_ACCOUNT)).as("_account"),
                lit(FlagTable.UNIT).as("_type"), col(Columns.EMPLOYER_ID).as("_holder"));
        Dataset<Row> scope = in.scopePersons().select(col(Columns.PERSON_ID).as("_scope_person"));
        Dataset<Row> holders = persons.union(units)
                .filter(col("_account").isNotNull().and(col("_account").notEqual("")).and(col("_holder").isNotNull()))
                .distinct()
                .join(scope, col("_type").equalTo(FlagTable.PERSON).and(col("_holder").equalTo(col("_scope_person"))), "left")
                .withColumn("_in_scope", col("_type").equalTo(FlagTable.UNIT).or(col("_scope_person").isNotNull()));

        Column isPerson = col("_type").equalTo(FlagTable.PERSON);
        Dataset<Row> shared = holders.groupBy("_account")
                .agg(count(lit(1)).as("_holders"),
                        max(col("_in_scope")).as("_any_in_scope"),
                        collect_set(when(isPerson, col("_holder"))).as("_persons"),
                        collect_set(when(not(isPerson), col("_holder"))).as("_units"))
                .filter(col("_holders").geq(2).and(col("_any_in_scope")));

        // unit subsidies of the holding units are paid to the account: a confirmed review holds them
        Dataset<Row> unitClaims = in.claims().filter(col(Columns.SUBSIDY).isin(Subsidy.UNIT.toArray()))
                .select(col(Columns.CLAIMANT_ID).as("_claimant"), col(Columns.CLAIM_ID).as("_claim"));
        Dataset<Row> claimsPerAccount = shared.select(col("_account").as("_acc"), explode(col("_units")).as("_claimant"))
                .join(unitClaims, "_claimant")
                .groupBy("_acc").agg(collect_set(col("_claim")).as("_claims"));
        Dataset<Row> withClaims = shared.join(claimsPerAccount, col("_account").equalTo(col("_acc")), "left");

        Column evidence = concat(lit("held by "), concat_ws("; ",
                when(size(col("_persons")).gt(0), concat(lit("persons "), listed(col("_persons")))),
                when(size(col("_units")).gt(0), concat(lit("units "), listed(col("_units"))))));
        Column keys = concat(transform(col("_persons"), p -> concat(lit("person:"), p)),
                transform(col("_units"), u -> concat(lit("unit:"), u)));
        Column nodes = concat(array(node(FlagTable.CARD, col("_account"))),
                transform(col("_persons"), p -> concat(lit(FlagTable.PERSON + ":"), p)),
                transform(col("_units"), u -> concat(lit(FlagTable.UNIT + ":"), u)));
        return FlagRows.of(withClaims, FlagRule.SHARED_ACCOUNT, col("_account"), evidence, keys,
                col("_claims"), col("_persons"), nodes);
    }
}
