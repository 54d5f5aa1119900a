package wengang.schemas;

/**
 * What is a blank and what is a control character in an input field (contract.md "Bad
 * input"; README "Fields are trimmed"). One definition for the Java validators and for
 * the Spark ingest, so both trim and refuse the same characters.
 *
 * <p>Blanks are trimmed from both ends of every field: space, tab, no-break space
 * (U+00A0) and ideographic space (U+3000). Nothing else is trimmed: unlike
 * {@link String#trim()}, which drops every character up to U+0020 (NUL and the other
 * C0 controls included), a control character around or inside a field stays in it, so
 * an ID or code that carries one fails its format check.
 *
 * <p>Control characters are the Unicode {@code Cc} characters except tab: U+0000–U+0008,
 * U+000A–U+001F and U+007F–U+009F. A tab is a blank (trimmed at the ends; inside a field
 * it is kept and only fails fields with a format).
 */
public final class FieldText {
    /** Characters trimmed from both ends of a field. */
    public static final String BLANKS = " \t\u00A0\u3000";

    /** The control characters as ranges of a regular expression's character class. */
    private static final String CONTROL_RANGES = "\\x{0}-\\x{8}\\x{A}-\\x{1F}\\x{7F}-\\x{9F}";

    /** A Java regular expression (also Spark's {@code rlike}) that finds a control character. */
    public static final String CONTROL_CHARACTER = "[" + CONTROL_RANGES + "]";

    /**
     * Invisible marks of a damaged line that are not control characters: a byte-order mark
     * inside the text (U+FEFF: two files joined, the second one's BOM now inside a line), a
     * line or paragraph separator (U+2028, U+2029: a line break of another kind) and the
     * replacement character (U+FFFD: a character that an earlier decoding already lost).
     */
    public static final String DAMAGE_MARKS = "\uFEFF\u2028\u2029\uFFFD";

    /**
     * A Java regular expression (also Spark's {@code rlike}) that finds what no free-text field
     * holds: a control character or one of the {@link #DAMAGE_MARKS}.
     */
    public static final String NOT_TEXT = "[" + CONTROL_RANGES + DAMAGE_MARKS.chars()
            .mapToObj(c -> String.format("\\x{%X}", c)).collect(java.util.stream.Collectors.joining()) + "]";

    private FieldText() {}

    /** The text without blanks at either end ({@link #BLANKS}); null stays null. */
    public static String strip(String raw) {
        return strip(raw, FieldText::isBlank);
    }

    /**
     * The text without blanks ({@link #BLANKS}) or any Unicode white space at either end (header
     * names: no-break spaces too, which {@link String#strip()} keeps); null stays null.
     */
    public static String stripBlanksAndWhiteSpace(String raw) {
        return strip(raw, c -> isBlank(c) || Character.isWhitespace(c));
    }

    /** Which characters a strip drops. */
    private interface CharTest {
        boolean test(char c);
    }

    private static String strip(String raw, CharTest blank) {
        if (raw == null) {
            return null;
        }
        int from = 0;
        int to = raw.length();
        while (from < to && blank.test(raw.charAt(from))) {
            from++;
        }
        while (to > from && blank.test(raw.charAt(to - 1))) {
            to--;
        }
        return raw.substring(from, to);
    }

    public static boolean isBlank(char c) {
        return BLANKS.indexOf(c) >= 0;
    }

    public static boolean isControl(char c) {
        return (c <= 0x1F && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    /** Whether {@code c} is a control character or one of the {@link #DAMAGE_MARKS}: never part of free text. */
    public static boolean isNotText(char c) {
        return isControl(c) || DAMAGE_MARKS.indexOf(c) >= 0;
    }

    /** Whether the text holds a control character anywhere. */
    public static boolean hasControl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
