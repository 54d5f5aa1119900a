package wengang.schemas;

/**
 * The contract's reason codes for claim months. Declaration order IS the precedence:
 * a month gets the first code that applies (contract.md "Reason codes").
 */
public enum ReasonCode {
    INVALID_ID(Scope.CLAIM),
    LATE_SUBMISSION(Scope.CLAIM),
    NOT_IN_REGISTRY(Scope.MONTH),
    ORIGIN_NOT_COVERED(Scope.CLAIM),
    OUTSIDE_POLICY_WINDOW(Scope.MONTH),
    NOT_DISPATCH_AGENCY(Scope.CLAIM),
    INELIGIBLE_UNIT(Scope.CLAIM),
    USER_UNIT_OUTSIDE_CITY(Scope.CLAIM),
    NOT_NEW_HIRE(Scope.CLAIM),
    REPEAT_SAME_AGENCY(Scope.CLAIM),
    DOUBLE_SCHEME(Scope.MONTH),
    DUPLICATE_CLAIM(Scope.MONTH),
    ALREADY_PAID(Scope.MONTH),
    ESTABLISHED_STAFF(Scope.MONTH),
    NO_PAID_CONTRIBUTION(Scope.MONTH),
    REQUALIFYING(Scope.MONTH),
    SPELL_AFTER_CLAIM(Scope.MONTH),
    WRONG_DISTRICT(Scope.MONTH),
    AGENCY_BELOW_MIN_HIRES(Scope.CLAIM),
    // informational: never decide a month, only explain a hold or a cut
    HOURS_CAPPED(Scope.INFORMATIONAL),
    NO_FINANCIAL_CARD(Scope.INFORMATIONAL),
    FLAG_CONFIRMED(Scope.INFORMATIONAL);

    public enum Scope { CLAIM, MONTH, INFORMATIONAL }

    private final Scope scope;

    ReasonCode(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    /** 1-based position in the contract table (informational codes come after 19). */
    public int precedence() {
        return ordinal() + 1;
    }

    public boolean decides() {
        return scope != Scope.INFORMATIONAL;
    }

    /** The informational codes' names (HOURS_CAPPED, NO_FINANCIAL_CARD, FLAG_CONFIRMED), in order. */
    public static String[] informational() {
        return java.util.Arrays.stream(values()).filter(c -> !c.decides()).map(Enum::name).toArray(String[]::new);
    }
}
