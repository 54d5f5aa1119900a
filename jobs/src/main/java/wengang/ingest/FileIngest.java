package wengang.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What ingest did with one file (one row of ingest_runs).
 *
 * @param file          the name as given in the input folder (empty when the optional
 *                      table was absent)
 * @param format        csv, parquet, delta, default (the conf/reference file) or none
 * @param bronzeVersion the Delta version of the bronze table after this ingest
 * @param changed       false when the content equals the last ingest's, so nothing was written
 * @param rejectReasons rejected rows per reason, most frequent first
 */
public record FileIngest(String table, String file, String format, String sha256, long rowsRead,
                         long rowsAccepted, long rowsRejected, long bronzeVersion, boolean changed,
                         Map<String, Long> rejectReasons) {
    public FileIngest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        rejectReasons = Map.copyOf(rejectReasons);
        if (rowsRead != rowsAccepted + rowsRejected) {
            throw new IllegalStateException(table + " " + file + ": rows read " + rowsRead + " != accepted "
                    + rowsAccepted + " + rejected " + rowsRejected);
        }
        long byReason = rejectReasons.values().stream().mapToLong(Long::longValue).sum();
        if (byReason != rowsRejected) {
            throw new IllegalStateException(table + " " + file + ": rejects by reason add up to " + byReason
                    + ", not " + rowsRejected);
        }
    }

    /** Reasons, most frequent first (ties by name). */
    public Map<String, Long> reasonsByFrequency() {
        return rejectReasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** "BAD_ID 3, MISSING_VALUE 1": the top {@code n} reasons. */
    public String topReasons(int n) {
        return reasonsByFrequency().entrySet().stream().limit(n)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** reason=count;... in name order: how ingest_runs stores the reasons. */
    String reasonsText() {
        return rejectReasons.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static Map<String, Long> parseReasons(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
        }
        return out;
    }
}
