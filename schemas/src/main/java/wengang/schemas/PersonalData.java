package wengang.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one way personal data is shown outside the operational outputs (logs, error lines,
 * metrics, the analysts' report, notebook results): a resident ID becomes its masked form
 * {@code 440106********123X} (the first six and last four characters kept) or, when a key is
 * configured, a keyed pseudonym {@code PID-} + the first 16 hex digits of HMAC-SHA256(key, ID),
 * the same for the same person in every cycle and useless without the key. Card numbers
 * keep their first and last four digits; names keep their first character.
 *
 * <p>The key is never in the repository: {@value #KEY_FILE_ENV} names a file holding it, or
 * {@value #KEY_ENV} holds it. Without either, IDs are masked.
 */
public final class PersonalData implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Environment variable naming a file whose content (trimmed) is the pseudonym key. */
    public static final String KEY_FILE_ENV = "WENGANG_PSEUDONYM_KEY_FILE";
    /** Environment variable holding the pseudonym key itself. */
    public static final String KEY_ENV = "WENGANG_PSEUDONYM_KEY";
    public static final String PSEUDONYM_PREFIX = "PID-";

    /**
     * A resident ID standing alone in a text: 18 characters (17 digits and a check character)
     * or a legacy 15-digit number, not part of a longer run of digits or letters.
     */
    public static final Pattern RESIDENT_ID = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");
    /** A bank card number standing alone (16, 17 or 19 digits; 18 are read as IDs, 20 are unit accounts). */
    public static final Pattern CARD_NO = Pattern.compile("(?<![0-9A-Za-z])(?:\\d{19}|\\d{16,17})(?![0-9A-Za-z])");

    private final byte[] key;

    private PersonalData(byte[] key) {
        this.key = key;
    }

    /** Masking only, no key. */
    public static PersonalData masked() {
        return new PersonalData(null);
    }

    /** Pseudonyms under {@code key} (tests and callers that hold the key). */
    public static PersonalData withKey(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes");
        }
        return new PersonalData(key.clone());
    }

    /** As configured in this process's environment ({@value #KEY_FILE_ENV}, {@value #KEY_ENV}). */
    public static PersonalData configured() {
        return fromEnvironment(System.getenv());
    }

    static PersonalData fromEnvironment(Map<String, String> env) {
        String file = env.get(KEY_FILE_ENV);
        if (file != null && !file.isBlank()) {
            try {
                return withKey(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(KEY_FILE_ENV + "=" + file + ": cannot read the pseudonym key: " + e.getMessage(), e);
            }
        }
        String value = env.get(KEY_ENV);
        if (value != null && !value.isBlank()) {
            return withKey(value.strip().getBytes(StandardCharsets.UTF_8));
        }
        return masked();
    }

    public boolean pseudonymous() {
        return key != null;
    }

    /** {@code 440106********123X}: the first six and the last four characters of an ID, stars between. */
    public static String maskId(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 10) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** A card number with its first and last four digits. */
    public static String maskCard(String card) {
        if (card == null) {
            return null;
        }
        if (card.length() <= 8) {
            return "*".repeat(card.length());
        }
        return card.substring(0, 4) + "*".repeat(card.length() - 8) + card.substring(card.length() - 4);
    }

    /** A name with its first character: 张** . */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** How one resident ID is shown: its pseudonym under the key, or masked. */
    public String id(String id) {
        if (id == null || key == null) {
            return maskId(id);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal(id.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return PSEUDONYM_PREFIX + HexFormat.of().withUpperCase().formatHex(h, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code text} with every resident ID in it shown by {@link #id} and every card number masked. */
    public String text(String text) {
        if (text == null || text.length() < 15) {
            return text;
        }
        String ids = replace(RESIDENT_ID, text, this::id);
        return replace(CARD_NO, ids, PersonalData::maskCard);
    }

    private static String replace(Pattern p, String text, java.util.function.UnaryOperator<String> how) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        do {
            m.appendReplacement(b, Matcher.quoteReplacement(how.apply(m.group())));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    /**
     * A stream that writes each line through {@link #text} (for stderr, where logs and error
     * lines go): bytes are held until the end of a line, a flush, or 8 KiB, then masked.
     */
    public OutputStream maskingStream(OutputStream out) {
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) throws IOException {
                line.write(b);
                if (b == '\n' || line.size() >= 8192) {
                    drain();
                }
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }

            @Override
            public synchronized void flush() throws IOException {
                drain();
                out.flush();
            }

            @Override
            public synchronized void close() throws IOException {
                flush();
                out.close();
            }

            private void drain() throws IOException {
                if (line.size() > 0) {
                    out.write(text(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                    line.reset();
                }
            }
        };
    }
}
