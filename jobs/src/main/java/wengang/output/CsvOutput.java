package wengang.output;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.engine.OwnerOnly;

/**
 * The one writer of CSV outputs: UTF-8, header, one row per line, rows sorted by
 * their first columns (then by all the others, so equal keys still come out in one
 * order), money with two decimals, absent values as empty fields. Two runs on the
 * same data give the same bytes. The file appears atomically: written beside its
 * final name, then renamed.
 */
public final class CsvOutput {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvOutput() {}

    /**
     * Writes {@code columns} of {@code rows}, sorted by {@code sortColumns} and then by
     * the remaining columns. Returns the number of data rows written.
     */
    public static long write(Dataset<Row> rows, List<String> columns, List<String> sortColumns, Path file) {
        LinkedHashSet<String> order = new LinkedHashSet<>(sortColumns);
        order.addAll(columns);
        Column[] sort = order.stream().map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
        Column[] select = columns.stream().map(c -> col(c)).toArray(Column[]::new);
        return writeRows(columns, sortedRows(rows.select(select), sort), file);
    }

    /**
     * The rows in one total order, streamed to the driver a partition at a time: a global
     * sort (range partitions) read with toLocalIterator holds one partition on the driver,
     * never the whole output. The order ends with every column, so equal keys still come out
     * in one order and the bytes are the same whatever the partitioning.
     */
    public static Iterator<Row> sortedRows(Dataset<Row> rows, Column[] order) {
        return rows.orderBy(order).toLocalIterator();
    }

    /** A file with the header only: the output of a capability that has nothing to say. */
    public static void writeHeaderOnly(List<String> columns, Path file) {
        writeRows(columns, List.<Row>of().iterator(), file);
    }

    /** Writes already-ordered rows (small, driver-side outputs). */
    public static long writeRows(List<String> columns, Iterator<Row> rows, Path file) {
        // the header is written as the first record, by the same encoder as the rows: exactly
        // one header line whether or not rows follow (Jackson's own header comes with the
        // first row only)
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false).setLineSeparator("\n");
        columns.forEach(schema::addColumn);
        Path tmp = tempBeside(file);
        long n = 0;
        try {
            OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(OwnerOnly.create(tmp), StandardCharsets.UTF_8));
                 SequenceWriter out = MAPPER.writer(schema.build())
                         .without(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                         // quote only what needs it (separator, quote, line break, outer blanks):
                         // a policy label such as guangzhou-2023@2023.08.02-r1 is written plainly
                         .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                         .writeValues(w)) {
                out.write(columns);
                List<String> values = new ArrayList<>(columns.size());
                while (rows.hasNext()) {
                    Row r = rows.next();
                    values.clear();
                    for (int i = 0; i < columns.size(); i++) {
                        values.add(format(r.get(i)));
                    }
                    out.write(values);
                    n++;
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the rename succeeded or the error above is the one to report
            }
        }
    }

    /** How a value is written: decimals at their column's scale, dates ISO, null as empty. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString(); // the column's DecimalType fixes the scale (money: 2)
        }
        return value.toString();
    }

    static Path tempBeside(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }
}
