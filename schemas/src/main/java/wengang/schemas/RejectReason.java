package wengang.schemas;

/** Why an input row went to rejects (contract.md "Bad input"). */
public enum RejectReason {
    MALFORMED_LINE,
    MISSING_VALUE,
    BAD_ID,
    BAD_CREDIT_CODE,
    BAD_MONTH,
    BAD_DATE,
    BAD_NUMBER,
    NEGATIVE_AMOUNT,
    UNKNOWN_CODE,
    DUPLICATE_ROW
}
