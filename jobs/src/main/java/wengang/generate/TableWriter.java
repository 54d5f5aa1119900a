package wengang.generate;

import static org.apache.spark.sql.functions.col;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes one generated table. CSV: a single UTF-8 file {@code <table>.csv} with header,
 * "\n" line ends, rows sorted by the given key columns and then all columns (so equal
 * seeds give equal bytes whatever the partitioning), streamed to the driver with
 * {@code toLocalIterator}, bad lines inserted at fixed places. Parquet: a folder
 * {@code <table>.parquet/} of part files in generation order, renamed part-00000… so the
 * folder holds no run-specific names, written with v2 data pages and no dictionary so
 * that the footers are byte-stable too; every column is a string holding the same text
 * as the CSV (ingest reads both alike).
 */
final class TableWriter {
    private TableWriter() {}

    /** Where a bad line ended up: 1-based line number, header = line 1. */
    interface BadLineSink {
        void written(BadRows.BadLine line, long lineNumber);
    }

    /** Writes the CSV file; returns the number of good rows. */
    static long csv(Dataset<Row> rows, List<String> columns, List<String> sortColumns, List<BadRows.BadLine> bad,
                    Path file, BadLineSink sink) {
        // generated once: the count, the sort's sampling and its shuffle all read the cached rows
        Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return csvSorted(cached, columns, sortColumns, bad, file, sink);
        } finally {
            cached.unpersist();
        }
    }

    private static long csvSorted(Dataset<Row> rows, List<String> columns, List<String> sortColumns,
                                  List<BadRows.BadLine> bad, Path file, BadLineSink sink) {
        LinkedHashSet<String> order = new LinkedHashSet<>(sortColumns);
        order.addAll(columns);
        Column[] sort = order.stream().map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
        Dataset<Row> sorted = rows.sort(sort);

        List<BadRows.BadLine> spread = new ArrayList<>();
        List<BadRows.BadLine> duplicates = new ArrayList<>();
        for (BadRows.BadLine b : bad) {
            (b.duplicate() ? duplicates : spread).add(b);
        }
        long good = rows.count();
        long[] before = new long[spread.size()];
        for (int i = 0; i < spread.size(); i++) {
            before[i] = (i + 1) * good / (spread.size() + 1);
        }

        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(String.join(",", columns));
            w.write('\n');
            long lineNo = 1;
            int nextSpread = 0;
            Iterator<Row> it = sorted.toLocalIterator();
            String[] fields = new String[columns.size()];
            while (it.hasNext()) {
                while (nextSpread < spread.size() && before[nextSpread] == written) {
                    lineNo = emit(w, spread.get(nextSpread++), lineNo, sink);
                }
                Row r = it.next();
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = r.getString(i);
                }
                String line = line(fields);
                w.write(line);
                w.write('\n');
                lineNo++;
                written++;
                for (Iterator<BadRows.BadLine> d = duplicates.iterator(); d.hasNext(); ) {
                    BadRows.BadLine dup = d.next();
                    if (dup.raw().equals(line)) {
                        lineNo = emit(w, dup, lineNo, sink);
                        d.remove();
                    }
                }
            }
            while (nextSpread < spread.size()) {
                lineNo = emit(w, spread.get(nextSpread++), lineNo, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("the original of a duplicate row is missing from " + file.getFileName());
        }
        move(tmp, file);
        return written;
    }

    private static long emit(BufferedWriter w, BadRows.BadLine bad, long lineNo, BadLineSink sink) throws IOException {
        w.write(bad.raw());
        w.write('\n');
        sink.written(bad, lineNo + 1);
        return lineNo + 1;
    }

    /** Writes already-ordered rows of a small driver-side file (ground truth). */
    static void csvRows(List<String> columns, List<String[]> rows, Path file) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(String.join(",", columns));
            w.write('\n');
            for (String[] r : rows) {
                w.write(line(r));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        move(tmp, file);
    }

    /** Writes a parquet folder; returns the number of rows (read back from the files' footers). */
    static long parquet(SparkSession spark, Dataset<Row> rows, Path dir) {
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".tmp");
        deleteRecursively(tmp);
        // parquet-java lists a column chunk's encodings from a HashSet of enum constants, in an
        // order that changes from one JVM to the next (apache/parquet-java#3215): with v2 data
        // pages and no dictionary every chunk has one encoding, so equal rows give equal bytes
        rows.write().mode(SaveMode.Overwrite)
                .option("parquet.writer.version", "v2")
                .option("parquet.enable.dictionary", "false")
                .parquet(tmp.toString());
        deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
            List<Path> parts;
            try (Stream<Path> s = Files.list(tmp)) {
                parts = s.filter(p -> p.getFileName().toString().startsWith("part-")
                                && p.getFileName().toString().endsWith(".parquet"))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .toList();
            }
            for (int i = 0; i < parts.size(); i++) {
                Files.move(parts.get(i), dir.resolve(String.format("part-%05d.snappy.parquet", i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
        deleteRecursively(tmp);
        return spark.read().parquet(dir.toString()).count();
    }

    /** One CSV record: fields joined by commas, null as empty, quoted only when a field needs it. */
    static String line(String[] fields) {
        StringBuilder b = new StringBuilder(fields.length * 12);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields[i];
            if (f == null) {
                continue;
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.toString();
    }

    private static void move(Path tmp, Path file) {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
