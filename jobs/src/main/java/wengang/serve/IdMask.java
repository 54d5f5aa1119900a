package wengang.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks resident ID numbers (18 characters, last may be X, or legacy 15 digits) and card
 * or account numbers in text bound for a log: the first 6 and last 4 characters are kept
 * ({@code 520402********1234}), enough to tell two apart when reading a log, not enough to
 * identify anyone. Pages shown to a signed-in reviewer carry the full numbers.
 */
public final class IdMask {
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9A-Za-z])([0-9]{6})([0-9]{5,9}[0-9Xx]?)([0-9Xx]{4})(?![0-9A-Za-z])");

    private IdMask() {}

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LONG_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
        }
        m.appendTail(out);
        return out.toString();
    }
}
