package wengang.schemas;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident identity numbers, GB 11643-1999: 17 digits (6 address, 8 birth date,
 * 3 sequence) and an ISO 7064 MOD 11-2 check character (0-9 or X). Legacy 15-digit
 * numbers (birth year without century, no check character) are upgraded to 18.
 */
public final class ResidentId {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentId() {}

    /**
     * The 18-character upper-case form of a valid number, or empty when the number fails
     * format, birth date or checksum. Surrounding blanks are ignored.
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String id = raw.trim().toUpperCase();
        if (id.length() == 15) {
            if (!allDigits(id, 15)) {
                return Optional.empty();
            }
            String body = id.substring(0, 6) + "19" + id.substring(6);
            id = body + checkChar(body);
        }
        if (id.length() != 18 || !allDigits(id, 17)) {
            return Optional.empty();
        }
        char last = id.charAt(17);
        if (!(Character.isDigit(last) || last == 'X')) {
            return Optional.empty();
        }
        if (birthDate(id).isEmpty() || checkChar(id.substring(0, 17)) != last) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    public static boolean isValid(String raw) {
        return normalise(raw).isPresent();
    }

    /** The check character for 17 leading digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Birth date encoded in an 18-character number, if it is a real date not before 1900. */
    public static Optional<LocalDate> birthDate(String id18) {
        try {
            int y = Integer.parseInt(id18.substring(6, 10));
            int m = Integer.parseInt(id18.substring(10, 12));
            int d = Integer.parseInt(id18.substring(12, 14));
            LocalDate date = LocalDate.of(y, m, d);
            return date.isBefore(EARLIEST_BIRTH) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static boolean allDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
