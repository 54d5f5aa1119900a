package wengang.schemas;

/** Column names of the contract tables (inputs and outputs), as code. */
public final class Columns {
    private Columns() {}

    // shared
    public static final String PERSON_ID = "person_id";
    public static final String NAME = "name";
    public static final String EMPLOYER_ID = "employer_id";
    public static final String MONTH = "month";
    public static final String STATUS = "status";
    public static final String DISTRICT = "district";
    public static final String REGION_CODE = "region_code";
    public static final String REGION_NAME = "region_name";
    public static final String YEAR = "year";

    // contributions
    public static final String USER_UNIT_ID = "user_unit_id";
    public static final String INSURANCE_TYPE = "insurance_type";
    public static final String BASE = "base";
    public static final String PERSONAL_AMOUNT = "personal_amount";
    public static final String EMPLOYER_AMOUNT = "employer_amount";
    public static final String PAY_STATUS = "pay_status";
    public static final String PAID_ON = "paid_on";
    public static final String STAFF_TYPE = "staff_type";

    // employers
    public static final String REGISTERED_DISTRICT = "registered_district";
    public static final String UNIT_TYPE = "unit_type";
    public static final String DISPATCH_LICENSED = "dispatch_licensed";
    public static final String BANK_ACCOUNT = "bank_account";

    // registry
    public static final String HOUSEHOLD_COUNTY = "household_county";
    public static final String STATUS_FROM = "status_from";
    public static final String STATUS_TO = "status_to";
    public static final String REMOVAL_REASON = "removal_reason";

    // claims
    public static final String CLAIM_ID = "claim_id";
    public static final String SUBSIDY = "subsidy";
    public static final String CLAIMANT_ID = "claimant_id";
    public static final String SCHEME = "scheme";
    public static final String PERIOD_FROM = "period_from";
    public static final String PERIOD_TO = "period_to";
    public static final String SUBMITTED_ON = "submitted_on";
    public static final String AMOUNT_CLAIMED = "amount_claimed";
    public static final String TRAINING_HOURS = "training_hours";
    public static final String TRAINING_DAYS = "training_days";

    // cards
    public static final String CARD_NO = "card_no";
    public static final String FINANCIAL_ENABLED = "financial_enabled";
    public static final String ACTIVATED_ON = "activated_on";

    // quotas
    public static final String TARGET_PERSONS = "target_persons";

    // outputs
    public static final String DECISION = "decision";
    public static final String APPROVED_AMOUNT = "approved_amount";
    public static final String REASONS = "reasons";
    public static final String AMOUNT = "amount";
    public static final String REASON = "reason";
    public static final String PAYMENT_ID = "payment_id";
    public static final String PAYEE_TYPE = "payee_type";
    public static final String PAYEE_ID = "payee_id";
    public static final String PAYEE_NAME = "payee_name";
    public static final String ACCOUNT = "account";
    public static final String PAID_AMOUNT = "paid_amount";
    public static final String RECOMPUTED_AMOUNT = "recomputed_amount";
    public static final String DIFFERENCE = "difference";
    public static final String RULE = "rule";
    public static final String SUBJECT_TYPE = "subject_type";
    public static final String SUBJECT_ID = "subject_id";
    public static final String SEVERITY = "severity";
    public static final String EVIDENCE = "evidence";
    public static final String FLAG_ID = "flag_id";
    public static final String GROUP_ID = "group_id";
    public static final String GROUP_SIZE = "group_size";
    public static final String MONTHS = "months";
    public static final String FIRST_MONTH = "first_month";
    public static final String LAST_MONTH = "last_month";
    public static final String ESTIMATED_AMOUNT = "estimated_amount";
    public static final String EMPLOYED_PERSONS = "employed_persons";
    public static final String FULFILMENT_RATIO = "fulfilment_ratio";
    /** fulfilment_monthly: persons counted in the region in that month itself (not cumulative). */
    public static final String WORKING_PERSONS = "working_persons";
    /** fulfilment_monthly: the share of the year gone by the end of the month (month / 12), the even pace. */
    public static final String PACE_RATIO = "pace_ratio";
    /** fulfilment_monthly: target_persons × pace_ratio, rounded half up: where an even pace would be. */
    public static final String PACE_PERSONS = "pace_persons";
    /** fulfilment_monthly: employed_persons below pace_persons (null without a quota). */
    public static final String BEHIND_PACE = "behind_pace";
    // alerts on the metric history
    public static final String METRIC = "metric";
    public static final String FAMILY = "family";
    public static final String VALUE = "value";
    public static final String PREVIOUS_CYCLE = "previous_cycle";
    public static final String PREVIOUS_VALUE = "previous_value";
    public static final String CHANGE_VS_PREVIOUS = "change_vs_previous";
    public static final String TRAILING_CYCLES = "trailing_cycles";
    public static final String TRAILING_AVERAGE = "trailing_average";
    public static final String CHANGE_VS_AVERAGE = "change_vs_average";
    public static final String DIRECTION = "direction";
    public static final String THRESHOLD = "threshold";
    public static final String TABLE = "table";
    public static final String FILE = "file";
    public static final String LINE = "line";
    public static final String COLUMN = "column";
    public static final String RAW = "raw";
    /** A rejected line's original bytes in base64 when they are not valid in the encoding (else null). */
    public static final String RAW_BASE64 = "raw_base64";
    public static final String CYCLE = "cycle";
    public static final String POLICY_VERSION = "policy_version";
}
