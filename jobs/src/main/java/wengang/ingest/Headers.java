package wengang.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import wengang.engine.Location;
import wengang.schemas.FieldText;
import wengang.schemas.TableSpec;

/**
 * Matching a file's header against a contract table: names are trimmed and compared
 * case-insensitively, columns may come in any order, extra columns are ignored.
 */
public final class Headers {
    static final String BOM = "\uFEFF";
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private Headers() {}

    /**
     * The header name as compared: trimmed (Unicode white space, and the blanks fields are
     * trimmed of: no-break spaces too, which {@link String#strip()} keeps), lower case.
     */
    public static String normalise(String name) {
        return name == null ? "" : FieldText.stripBlanksAndWhiteSpace(name).toLowerCase(Locale.ROOT);
    }

    /**
     * For each contract column (in contract order), its position in {@code header}.
     * Empty when a contract column is missing or appears twice: see {@link #problems}.
     */
    public static Optional<List<Integer>> positions(TableSpec table, List<String> header) {
        return problems(table, header).isEmpty()
                ? Optional.of(table.columnNames().stream().map(c -> indexOf(header, c)).toList())
                : Optional.empty();
    }

    /** What is wrong with the header: missing and repeated contract columns (empty when fine). */
    public static List<String> problems(TableSpec table, List<String> header) {
        List<String> missing = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (String column : table.columnNames()) {
            long n = header.stream().filter(h -> normalise(h).equals(column)).count();
            if (n == 0) {
                missing.add(column);
            } else if (n > 1) {
                repeated.add(column);
            }
        }
        List<String> out = new ArrayList<>();
        if (!missing.isEmpty()) {
            out.add("missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        if (!repeated.isEmpty()) {
            out.add("column" + (repeated.size() > 1 ? "s " : " ") + String.join(", ", repeated)
                    + " given more than once");
        }
        return out;
    }

    /** The expected columns, for messages. */
    public static String expected(TableSpec table) {
        return String.join(", ", table.columnNames())
                + " (names trimmed and case-insensitive, any order; extra columns are ignored)";
    }

    /** The header of a CSV file: its first line, decoded with {@code charset}, BOM stripped. */
    public static List<String> readCsvHeader(Location file, Charset charset) throws IOException {
        return readCsvHeader(file.open(), charset);
    }

    /** The header of the CSV text {@code in} holds (closed when read). */
    public static List<String> readCsvHeader(java.io.InputStream in, Charset charset) throws IOException {
        String first;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, charset))) {
            first = r.readLine();
        }
        if (first == null) {
            throw new IOException("the file is empty (no header line)");
        }
        if (first.startsWith(BOM)) {
            first = first.substring(1);
        }
        if (first.isBlank()) {
            throw new IOException("the first line is empty (expected the header)");
        }
        return parseCsvLine(first);
    }

    /** One CSV line split into fields (quotes honoured): used for header lines only. */
    static List<String> parseCsvLine(String line) throws IOException {
        String[] names;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(line)) {
            names = it.hasNext() ? it.next() : null;
        } catch (IOException | RuntimeException e) {
            throw new IOException("the header line cannot be read as CSV: " + reason(e), e);
        }
        if (names == null) {
            throw new IOException("the header line holds no column names");
        }
        return Arrays.asList(names);
    }

    /** The parser's complaint in one line, with where it stopped (no parser internals, no line breaks). */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException j) {
                JsonLocation at = j.getLocation();
                return firstLine(j.getOriginalMessage())
                        + (at == null || at.getColumnNr() < 0 ? "" : " (at character " + at.getColumnNr() + ")");
            }
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        return String.valueOf(text).lines().findFirst().orElse("");
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (normalise(header.get(i)).equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + header);
    }

    /** Contract column to the name the file uses for it (for typed Parquet/Delta inputs). */
    static Map<String, String> sourceNames(TableSpec table, List<String> header) {
        List<Integer> pos = positions(table, header).orElseThrow(() ->
                new InputContractException(table.name() + ": " + String.join("; ", problems(table, header))));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pos.size(); i++) {
            out.put(table.columnNames().get(i), header.get(pos.get(i)));
        }
        return out;
    }
}
