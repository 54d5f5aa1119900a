package wengang.generate;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One row of ground_truth.csv: what an injected case should produce.
 * <ul>
 *   <li>REASON: at {@code cycle}, a claim_months row of claim {@code subjectId} carries
 *       reason {@code code} (subject_type CLAIM);</li>
 *   <li>FLAG: at {@code cycle}, flags.csv holds rule {@code code} for the subject
 *       (CARD card_no / bank account, PERSON person_id, CLAIM claim_id, UNIT employer_id);</li>
 *   <li>REJECT: rejects.csv holds reason {@code code} for the row {@code <table>:<line>}
 *       (1-based, the header is line 1); no cycle;</li>
 *   <li>NONE: realistic harmless background; at {@code cycle} the person has no flag and
 *       their claims have no reason (subject PERSON, code empty).</li>
 * </ul>
 */
record Expectation(String caseId, String anomaly, String kind, String code, String subjectType, String subjectId,
                   Integer cycle) {
    static final String REASON = "REASON";
    static final String FLAG = "FLAG";
    static final String REJECT = "REJECT";
    static final String NONE = "NONE";

    static final List<String> COLUMNS = List.of(
            "case_id", "anomaly", "expected_kind", "code", "subject_type", "subject_id", "cycle");

    static final Comparator<Expectation> ORDER = Comparator.comparing(Expectation::caseId)
            .thenComparing(Expectation::kind)
            .thenComparing(Expectation::code)
            .thenComparing(Expectation::subjectId);

    Expectation {
        Objects.requireNonNull(caseId);
        Objects.requireNonNull(anomaly);
        Objects.requireNonNull(kind);
        code = code == null ? "" : code;
        Objects.requireNonNull(subjectType);
        Objects.requireNonNull(subjectId);
    }

    String[] row() {
        return new String[] {caseId, anomaly, kind, code, subjectType, subjectId, cycle == null ? "" : cycle.toString()};
    }
}
