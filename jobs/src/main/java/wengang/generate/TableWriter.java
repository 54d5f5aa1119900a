package wengang.generate;

import static org.apache.spark.sql.functions.col;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import wengang.engine.Location;
import wengang.output.Published;

/**
 * Writes one generated table. CSV: a single UTF-8 file {@code <table>.csv} with header,
 * "\n" line ends, rows sorted by the given key columns and then all columns (so equal
 * seeds give equal bytes whatever the partitioning), streamed to the driver with
 * {@code toLocalIterator}, bad lines inserted at fixed places. Parquet: a folder
 * {@code <table>.parquet/} of part files in generation order, renamed part-00000… so the
 * folder holds no run-specific names, written with v2 data pages and no dictionary so
 * that the footers are byte-stable too; every column is a string holding the same text
 * as the CSV (ingest reads both alike).
 *
 * <p>Every file is written through {@link Location} (any Hadoop path: a local folder, HDFS,
 * an object store) and appears whole: a CSV file is published by {@link Published}, a
 * Parquet folder is written by Spark beside its final name and its part files renamed in.
 */
final class TableWriter {
    private TableWriter() {}

    /** Where a bad line ended up: 1-based line number, header = line 1. */
    interface BadLineSink {
        void written(BadRows.BadLine line, long lineNumber);
    }

    /** Writes the CSV file; returns the number of good rows. */
    static long csv(Dataset<Row> rows, List<String> columns, List<String> sortColumns, List<BadRows.BadLine> bad,
                    Location file, BadLineSink sink) {
        // generated once: the count, the sort's sampling and its shuffle all read the cached rows
        Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return csvSorted(cached, columns, sortColumns, bad, file, sink);
        } finally {
            cached.unpersist();
        }
    }

    private static long csvSorted(Dataset<Row> rows, List<String> columns, List<String> sortColumns,
                                  List<BadRows.BadLine> bad, Location file, BadLineSink sink) {
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

        return Published.file(file, out -> {
            Writer w = writer(out);
            w.write(String.join(",", columns));
            w.write('\n');
            long lineNo = 1;
            long written = 0;
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
            if (!duplicates.isEmpty()) { // before the file is published
                throw new IllegalStateException("the original of a duplicate row is missing from " + file.name());
            }
            w.flush();
            return written;
        });
    }

    private static long emit(Writer w, BadRows.BadLine bad, long lineNo, BadLineSink sink) throws IOException {
        w.write(bad.raw());
        w.write('\n');
        sink.written(bad, lineNo + 1);
        return lineNo + 1;
    }

    /** Writes already-ordered rows of a small driver-side file (ground truth). */
    static void csvRows(List<String> columns, List<String[]> rows, Location file) {
        Published.file(file, out -> {
            Writer w = writer(out);
            w.write(String.join(",", columns));
            w.write('\n');
            for (String[] r : rows) {
                w.write(line(r));
                w.write('\n');
            }
            w.flush();
            return null;
        });
    }

    /** UTF-8 text onto {@code out}, buffered; flushed, not closed, by its user ({@link Published} closes the stream). */
    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Writes a parquet folder; returns the number of rows (read back from the files' footers).
     * Spark writes into a hidden folder beside {@code dir} on the same file system, then the
     * part files are renamed into {@code dir} ({@code _SUCCESS} and Hadoop's {@code .crc} side
     * files stay behind and go with the hidden folder).
     */
    static long parquet(SparkSession spark, Dataset<Row> rows, Location dir) {
        Location tmp = dir.parent().resolve("." + dir.name() + ".tmp");
        tmp.delete();
        // parquet-java lists a column chunk's encodings from a HashSet of enum constants, in an
        // order that changes from one JVM to the next (apache/parquet-java#3215): with v2 data
        // pages and no dictionary every chunk has one encoding, so equal rows give equal bytes
        rows.write().mode(SaveMode.Overwrite)
                .option("parquet.writer.version", "v2")
                .option("parquet.enable.dictionary", "false")
                .parquet(tmp.uri());
        dir.delete();
        dir.mkdirs();
        List<Location> parts = tmp.list().stream()
                .filter(p -> p.name().startsWith("part-") && p.name().endsWith(".parquet"))
                .toList(); // sorted by name
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).moveTo(dir.resolve(String.format("part-%05d.snappy.parquet", i)));
        }
        tmp.delete();
        return spark.read().parquet(dir.uri()).count();
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
}
