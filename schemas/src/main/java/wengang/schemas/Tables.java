package wengang.schemas;

import static wengang.schemas.ColumnKind.*;
import static wengang.schemas.ColumnSpec.code;
import static wengang.schemas.ColumnSpec.optional;
import static wengang.schemas.ColumnSpec.required;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contract's input tables (docs/contract.md "Inputs"), in contract column order. */
public final class Tables {
    private Tables() {}

    public static final TableSpec CONTRIBUTIONS = new TableSpec("contributions", true, List.of(
            required(Columns.PERSON_ID, RESIDENT_ID),
            required(Columns.NAME, TEXT),
            required(Columns.EMPLOYER_ID, CREDIT_CODE),
            new ColumnSpec(Columns.USER_UNIT_ID, CREDIT_CODE, false, List.of()),
            required(Columns.REGION_CODE, DIVISION),
            required(Columns.MONTH, ColumnKind.MONTH),
            new ColumnSpec(Columns.INSURANCE_TYPE, CODE, true, Codes.InsuranceType.ALL),
            required(Columns.BASE, MONEY),
            required(Columns.PERSONAL_AMOUNT, MONEY),
            required(Columns.EMPLOYER_AMOUNT, MONEY),
            new ColumnSpec(Columns.PAY_STATUS, CODE, true, Codes.PayStatus.ALL),
            optional(Columns.PAID_ON, DATE),
            new ColumnSpec(Columns.STAFF_TYPE, CODE, true, Codes.StaffType.ALL)));

    public static final TableSpec EMPLOYERS = new TableSpec("employers", true, List.of(
            required(Columns.EMPLOYER_ID, CREDIT_CODE),
            required(Columns.NAME, TEXT),
            required(Columns.REGISTERED_DISTRICT, DIVISION),
            new ColumnSpec(Columns.UNIT_TYPE, CODE, true, Codes.UnitType.ALL),
            required(Columns.DISPATCH_LICENSED, BOOLEAN),
            required(Columns.BANK_ACCOUNT, TEXT)));

    public static final TableSpec REGISTRY = new TableSpec("registry", true, List.of(
            required(Columns.PERSON_ID, RESIDENT_ID),
            required(Columns.NAME, TEXT),
            required(Columns.HOUSEHOLD_COUNTY, DIVISION),
            new ColumnSpec(Columns.STATUS, CODE, true, Codes.RegistryStatus.ALL),
            required(Columns.STATUS_FROM, DATE),
            optional(Columns.STATUS_TO, DATE),
            new ColumnSpec(Columns.REMOVAL_REASON, CODE, false, Codes.RemovalReason.ALL)));

    /**
     * Claims. person_id is read as TEXT, not RESIDENT_ID: an invalid ID is kept and
     * decided (INVALID_ID) because the applicant is owed an answer; ingest still
     * normalises valid 15-digit numbers and lower-case x.
     */
    public static final TableSpec CLAIMS = new TableSpec("claims", false, List.of(
            required(Columns.CLAIM_ID, TEXT),
            new ColumnSpec(Columns.SUBSIDY, CODE, true, Codes.Subsidy.ALL),
            optional(Columns.PERSON_ID, TEXT),
            required(Columns.CLAIMANT_ID, TEXT),
            required(Columns.DISTRICT, DIVISION),
            new ColumnSpec(Columns.SCHEME, CODE, true, Codes.Scheme.ALL),
            required(Columns.PERIOD_FROM, ColumnKind.MONTH),
            required(Columns.PERIOD_TO, ColumnKind.MONTH),
            required(Columns.SUBMITTED_ON, DATE),
            optional(Columns.AMOUNT_CLAIMED, MONEY),
            optional(Columns.TRAINING_HOURS, COUNT),
            optional(Columns.TRAINING_DAYS, COUNT)));

    public static final TableSpec CARDS = new TableSpec("cards", true, List.of(
            required(Columns.PERSON_ID, RESIDENT_ID),
            required(Columns.CARD_NO, TEXT),
            required(Columns.FINANCIAL_ENABLED, BOOLEAN),
            new ColumnSpec(Columns.STATUS, CODE, true, Codes.CardStatus.ALL),
            optional(Columns.ACTIVATED_ON, DATE)));

    public static final TableSpec QUOTAS = new TableSpec("quotas", false, List.of(
            required(Columns.YEAR, COUNT),
            required(Columns.REGION_CODE, DIVISION),
            required(Columns.REGION_NAME, TEXT),
            required(Columns.TARGET_PERSONS, COUNT)));

    /** Every input table, in the order ingest processes them. */
    public static final List<TableSpec> ALL = List.of(CONTRIBUTIONS, EMPLOYERS, REGISTRY, CLAIMS, CARDS, QUOTAS);

    /**
     * Bronze columns Delta keeps min/max statistics of, per table (the others get Delta's
     * default); an empty list: none. Contributions: none, since the fee month is their
     * partition and statistics on every column cost as much as the write itself.
     */
    public static final Map<String, List<String>> SKIPPING_STATS = Map.of(CONTRIBUTIONS.name(), List.of());

    /**
     * The key of every input table. A row of an increment replaces every bronze row with
     * its key (docs/contract.md "Increments"). Keys need not be unique in bronze: a
     * contribution's REVERSED posting stands beside its PAID one, and an increment that
     * names the key replaces both with what it brings.
     */
    public static final Map<String, List<String>> KEYS = Map.of(
            CONTRIBUTIONS.name(), List.of(Columns.PERSON_ID, Columns.EMPLOYER_ID, Columns.MONTH, Columns.INSURANCE_TYPE),
            EMPLOYERS.name(), List.of(Columns.EMPLOYER_ID),
            REGISTRY.name(), List.of(Columns.PERSON_ID, Columns.STATUS, Columns.STATUS_FROM),
            CLAIMS.name(), List.of(Columns.CLAIM_ID),
            CARDS.name(), List.of(Columns.PERSON_ID, Columns.CARD_NO),
            QUOTAS.name(), List.of(Columns.YEAR, Columns.REGION_CODE));

    /**
     * Bronze partition columns per table (the others are not partitioned). Contributions
     * by fee month: an increment rewrites only the months it touches, and a new month is
     * a new partition.
     */
    public static final Map<String, List<String>> PARTITIONS = Map.of(CONTRIBUTIONS.name(), List.of(Columns.MONTH));

    public static Optional<TableSpec> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
