package wengang.schemas;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Months as the integer yyyyMM (the national social-insurance convention). Arithmetic
 * goes through a month index (year * 12 + month - 1) so that 202312 + 1 = 202401.
 */
public final class Months {
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern DASHED = Pattern.compile("(\\d{4})-(\\d{2})");

    private Months() {}

    /** Reads yyyyMM or yyyy-MM; empty when it is neither or the month is not 01..12. */
    public static Optional<Integer> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        Matcher m = COMPACT.matcher(s);
        if (!m.matches()) {
            m = DASHED.matcher(s);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12 || year < 1900) {
            return Optional.empty();
        }
        return Optional.of(year * 100 + month);
    }

    public static int parseOrThrow(String raw) {
        return parse(raw).orElseThrow(() -> new IllegalArgumentException(
                "not a month: '" + raw + "' (expected yyyy-MM or yyyyMM, e.g. 2023-10)"));
    }

    public static int index(int yyyymm) {
        return (yyyymm / 100) * 12 + (yyyymm % 100) - 1;
    }

    public static int fromIndex(int index) {
        return (index / 12) * 100 + (index % 12) + 1;
    }

    public static int plus(int yyyymm, int months) {
        return fromIndex(index(yyyymm) + months);
    }

    /** Whole months from a to b (b - a). */
    public static int between(int a, int b) {
        return index(b) - index(a);
    }

    public static LocalDate firstDay(int yyyymm) {
        return LocalDate.of(yyyymm / 100, yyyymm % 100, 1);
    }

    public static LocalDate lastDay(int yyyymm) {
        return YearMonth.of(yyyymm / 100, yyyymm % 100).atEndOfMonth();
    }

    public static int of(LocalDate date) {
        return date.getYear() * 100 + date.getMonthValue();
    }

    public static int year(int yyyymm) {
        return yyyymm / 100;
    }

    public static String format(int yyyymm) {
        return String.format("%06d", yyyymm);
    }

    /** yyyy-MM, how the command line writes a cycle. */
    public static String formatDashed(int yyyymm) {
        return String.format("%04d-%02d", yyyymm / 100, yyyymm % 100);
    }
}
