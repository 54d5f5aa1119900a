package wengang.schemas;

/** Screening rules of contract.md "Screening flags", with their subject type and severity. */
public enum FlagRule {
    SHARED_ACCOUNT("CARD", "HIGH"),
    RETROACTIVE_PAYMENT("PERSON", "MEDIUM"),
    NAME_MISMATCH("PERSON", "MEDIUM"),
    DECEASED_CLAIM("CLAIM", "HIGH"),
    MULTI_AGENCY_SAME_YEAR("PERSON", "HIGH"),
    AGENCY_REPEAT("UNIT", "HIGH"),
    SHORT_STAY_CLUSTER("UNIT", "HIGH"),
    OVERCLAIM("CLAIM", "LOW"),
    CONCURRENT_EMPLOYERS("PERSON", "LOW"),
    DOUBLE_SCHEME("CLAIM", "MEDIUM");

    private final String subjectType;
    private final String severity;

    FlagRule(String subjectType, String severity) {
        this.subjectType = subjectType;
        this.severity = severity;
    }

    public String subjectType() {
        return subjectType;
    }

    public String severity() {
        return severity;
    }
}
