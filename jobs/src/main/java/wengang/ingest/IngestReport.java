package wengang.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The outcome of one ingest: one {@link FileIngest} per contract table, in contract order. */
public record IngestReport(String ingestId, Instant ingestedAt, List<FileIngest> files) {
    public IngestReport {
        Objects.requireNonNull(ingestId, "ingestId");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        files = List.copyOf(files);
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileIngest::rowsRead).sum();
    }

    public long rowsAccepted() {
        return files.stream().mapToLong(FileIngest::rowsAccepted).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileIngest::rowsRejected).sum();
    }

    public FileIngest file(String table) {
        return files.stream().filter(f -> f.table().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + table + " in this ingest"));
    }

    /** A table of the files (no person data: counts and reason codes only). */
    public String summaryText() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"table", "file", "format", "read", "accepted", "rejected", "version", "changed",
            "top reasons"});
        for (FileIngest f : files) {
            rows.add(new String[] {f.table(), f.file().isEmpty() ? "-" : f.file(), f.format(),
                Long.toString(f.rowsRead()), Long.toString(f.rowsAccepted()), Long.toString(f.rowsRejected()),
                Long.toString(f.bronzeVersion()), f.changed() ? "yes" : "no (same content)", f.topReasons(3)});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("ingest ").append(ingestId).append(" at ").append(ingestedAt).append(": ")
                .append(files.size()).append(" tables, ").append(rowsRead()).append(" rows read, ")
                .append(rowsAccepted()).append(" accepted, ").append(rowsRejected()).append(" rejected\n");
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean number = i >= 3 && i <= 6;
                String cell = number ? " ".repeat(width[i] - r[i].length()) + r[i]
                        : r[i] + " ".repeat(width[i] - r[i].length());
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
