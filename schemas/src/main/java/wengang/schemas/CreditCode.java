package wengang.schemas;

/**
 * Unified social credit codes, GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and upper-case letters without I, O, Z, S, V); the last is a
 * MOD 31 check character over the first 17. Characters 3–8 are the registering
 * authority's administrative-division code (GB/T 2260) and must be six digits.
 *
 * <p>Only blanks ({@link FieldText#BLANKS}) around the code are ignored. A control
 * character anywhere (a NUL byte before or after it included) makes it invalid.
 */
public final class CreditCode {
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** 0-based positions of the administrative-division code (characters 3 to 8). */
    private static final int DIVISION_FROM = 2;
    private static final int DIVISION_TO = 8;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    /** 18 characters of the alphabet, a six-digit division code at 3–8, the right check character. */
    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String code = FieldText.strip(raw);
        if (code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        for (int i = DIVISION_FROM; i < DIVISION_TO; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return checkChar(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character for 17 leading characters of the alphabet. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}
