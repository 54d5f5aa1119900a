package wengang.schemas;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Resident identity numbers, GB 11643-1999: 17 digits (6 address, 8 birth date,
 * 3 sequence) and an ISO 7064 MOD 11-2 check character (0-9 or X). Legacy 15-digit
 * numbers (birth year without century, no check character) are upgraded to 18.
 *
 * <p>The birth date must be a real date, not before 1900 and not after a given latest
 * birth date: a person cannot be born after the day the number is checked. The pipeline
 * always passes that day (ingest: the run's date; a cycle: its first day); the overloads
 * without it use {@link #today()}.
 *
 * <p>Only blanks ({@link FieldText#BLANKS}) around the number are ignored. A control
 * character anywhere (a NUL byte before or after the digits included) makes it invalid.
 */
public final class ResidentId {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** Where the numbers are issued: a birth date is a date in China time. */
    public static final ZoneId ISSUING_ZONE = ZoneId.of("Asia/Shanghai");

    private ResidentId() {}

    /** Today in China time: the latest birth date of the overloads that are not given one. */
    public static LocalDate today() {
        return LocalDate.now(ISSUING_ZONE);
    }

    /** {@link #normalise(String, LocalDate)} with today as the latest birth date. */
    public static Optional<String> normalise(String raw) {
        return normalise(raw, today());
    }

    /**
     * The 18-character upper-case form of a valid number, or empty when the number fails
     * format, birth date (real, from 1900 to {@code latestBirth} inclusive) or checksum.
     * Surrounding blanks are ignored; control characters are not blanks.
     */
    public static Optional<String> normalise(String raw, LocalDate latestBirth) {
        if (raw == null || latestBirth == null) {
            return Optional.empty();
        }
        String id = FieldText.strip(raw).toUpperCase(Locale.ROOT);
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
        Optional<LocalDate> born = birthDate(id);
        if (born.isEmpty() || born.get().isAfter(latestBirth) || checkChar(id.substring(0, 17)) != last) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** {@link #isValid(String, LocalDate)} with today as the latest birth date. */
    public static boolean isValid(String raw) {
        return normalise(raw).isPresent();
    }

    public static boolean isValid(String raw, LocalDate latestBirth) {
        return normalise(raw, latestBirth).isPresent();
    }

    /** The check character for 17 leading digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * Birth date encoded in an 18-character number, if it is a real date not before 1900
     * (whether it is after the day of the check is {@link #normalise(String, LocalDate)}'s).
     */
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
