package wengang.schemas;

/**
 * Unified social credit codes, GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and upper-case letters without I, O, Z, S, V); the last is a
 * MOD 31 check character over the first 17.
 */
public final class CreditCode {
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String code = raw.trim();
        if (code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
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
