package wengang.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import wengang.engine.Location;

/**
 * Is a CSV file in the encoding it is read with? Asked of every CSV file of the input
 * folder before anything is written: a file in the wrong encoding (GBK read as UTF-8)
 * would otherwise ingest as nothing but MALFORMED_LINE rejects and pay nothing.
 *
 * <p>Cheap by design: only the first {@value #SAMPLE_BYTES} bytes of a file are read
 * (the whole file when it is smaller; a cut-off last line is left out), split into lines
 * as the reader does (LF, CR or CRLF; empty lines skipped; the first line is the
 * header). When more than the allowed share ({@value #MAX_UNDECODABLE_SHARE}, default
 * {@value #DEFAULT_MAX_UNDECODABLE_SHARE}) of the sampled data lines is not valid in the
 * charset, the file is refused, naming it and, when its bytes are valid in another
 * usual encoding ({@link #USUAL}), suggesting that one. Below the share, undecodable
 * lines are MALFORMED_LINE rejects with their bytes kept ({@link CsvLines}), and so are
 * undecodable lines past the sample.
 */
public final class EncodingCheck {
    /** The setting (conf/wengang.conf, --conf) for the largest share of undecodable lines a file may have. */
    public static final String MAX_UNDECODABLE_SHARE = "spark.wengang.ingest.maxUndecodableShare";
    /** "Most lines"; conf/wengang.conf says why. */
    public static final double DEFAULT_MAX_UNDECODABLE_SHARE = 0.5;
    /** How much of a file is sampled: 1 MiB, some 10,000 lines of contributions. */
    public static final int SAMPLE_BYTES = 1 << 20;
    /** The encodings the data centres deliver, suggested when a file's bytes are valid in one of them. */
    static final List<Charset> USUAL = List.of(StandardCharsets.UTF_8, Charset.forName("GBK"));

    private EncodingCheck() {}

    /**
     * What the sample of a file showed.
     *
     * @param lines             data lines sampled (the header not included)
     * @param undecodable       of those, how many are not valid in {@code charset}
     * @param headerUndecodable whether the header line is not valid in {@code charset}
     * @param wholeFile         whether the sample is the whole file
     * @param looksLike         a usual encoding other than {@code charset} in which the sampled
     *                          lines are valid (all but at most 1 in 100)
     */
    public record Sample(Charset charset, int lines, int undecodable, boolean headerUndecodable, boolean wholeFile,
                         Optional<Charset> looksLike) {
        /** Whether more than {@code maxShare} of the data lines are undecodable. */
        public boolean exceeds(double maxShare) {
            return lines > 0 && undecodable > maxShare * lines;
        }

        /** The refusal: which file, how many of how many lines, what to do. */
        public String problem(String fileName, double maxShare) {
            String counted = wholeFile ? undecodable + " of its " + lines + " data lines"
                    : undecodable + " of the first " + lines + " data lines (its first " + (SAMPLE_BYTES >> 20)
                    + " MiB)";
            return fileName + ": " + counted + (headerUndecodable ? " and its header line" : "")
                    + " are not valid " + charset.name() + ", more than " + percent(maxShare)
                    + " (" + MAX_UNDECODABLE_SHARE + "): the file is in another encoding, nothing was written. "
                    + looksLike.map(cs -> "It looks like " + cs.name() + ": try --encoding " + cs.name() + ".")
                            .orElse("Give its encoding with --encoding (UTF-8 or GBK).");
        }

        /** For a header that does not match: a note when the header line itself did not decode (else empty). */
        public String headerNote() {
            if (!headerUndecodable) {
                return "";
            }
            return " (its header line is not valid " + charset.name()
                    + looksLike.map(cs -> "; it looks like " + cs.name() + ": try --encoding " + cs.name()).orElse("")
                    + ")";
        }
    }

    /** Samples the first {@value #SAMPLE_BYTES} bytes of {@code file}. */
    public static Sample sample(Location file, Charset charset) throws IOException {
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readNBytes(SAMPLE_BYTES + 1);
        }
        boolean whole = bytes.length <= SAMPLE_BYTES;
        return sample(whole ? bytes : Arrays.copyOf(bytes, SAMPLE_BYTES), whole, charset);
    }

    /** The sample of {@code bytes}: the start of a file, or all of it when {@code wholeFile}. */
    static Sample sample(byte[] bytes, boolean wholeFile, Charset charset) {
        List<ByteBuffer> lines = lines(bytes, wholeFile);
        if (lines.isEmpty()) {
            return new Sample(charset, 0, 0, false, wholeFile, Optional.empty());
        }
        CharsetDecoder strict = strict(charset);
        boolean header = !decodes(strict, lines.get(0));
        int undecodable = 0;
        for (ByteBuffer line : lines.subList(1, lines.size())) {
            if (!decodes(strict, line)) {
                undecodable++;
            }
        }
        Optional<Charset> looksLike = Optional.empty();
        if (header || undecodable > 0) {
            for (Charset other : USUAL) {
                if (!other.equals(charset) && failures(strict(other), lines) <= lines.size() / 100) {
                    looksLike = Optional.of(other);
                    break;
                }
            }
        }
        return new Sample(charset, lines.size() - 1, undecodable, header, wholeFile, looksLike);
    }

    /** The largest share of undecodable lines, from the session's {@value #MAX_UNDECODABLE_SHARE}. */
    public static double maxShare(SparkSession spark) {
        return parseShare(spark.conf().get(MAX_UNDECODABLE_SHARE, String.valueOf(DEFAULT_MAX_UNDECODABLE_SHARE)));
    }

    /**
     * A share between 0 and 1.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    static double parseShare(String text) {
        try {
            double share = Double.parseDouble(text.trim());
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--conf " + MAX_UNDECODABLE_SHARE + "=" + text
                + ": expected a share between 0 and 1, e.g. " + DEFAULT_MAX_UNDECODABLE_SHARE);
    }

    /** The non-empty lines (line ends LF, CR or CRLF), the first one kept even when empty; a cut-off last line dropped. */
    private static List<ByteBuffer> lines(byte[] bytes, boolean wholeFile) {
        List<ByteBuffer> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                add(out, bytes, start, i);
                if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (wholeFile && start < bytes.length) {
            add(out, bytes, start, bytes.length);
        }
        return out;
    }

    private static void add(List<ByteBuffer> lines, byte[] bytes, int from, int to) {
        if (to > from || lines.isEmpty()) {
            lines.add(ByteBuffer.wrap(bytes, from, to - from).asReadOnlyBuffer());
        }
    }

    private static int failures(CharsetDecoder strict, List<ByteBuffer> lines) {
        int n = 0;
        for (ByteBuffer line : lines) {
            if (!decodes(strict, line)) {
                n++;
            }
        }
        return n;
    }

    private static boolean decodes(CharsetDecoder strict, ByteBuffer line) {
        try {
            strict.reset().decode(line.duplicate());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
