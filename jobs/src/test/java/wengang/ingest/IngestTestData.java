package wengang.ingest;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import wengang.schemas.CreditCode;
import wengang.schemas.ResidentId;
import wengang.schemas.TableSpec;
import wengang.testing.TestSpark;

/** Valid identifiers and small helpers shared by the ingest tests (no data of its own). */
final class IngestTestData {
    private IngestTestData() {}

    /** A valid 18-character resident ID from 17 digits. */
    static String id(String body17) {
        return body17 + ResidentId.checkChar(body17);
    }

    /** A valid ID whose check character is X, born on {@code yyyymmdd} in area 520524. */
    static String idEndingInX(String yyyymmdd) {
        for (int seq = 100; seq < 1000; seq++) {
            String body = "520524" + yyyymmdd + seq;
            if (ResidentId.checkChar(body) == 'X') {
                return body + 'X';
            }
        }
        throw new IllegalStateException("no X check character for " + yyyymmdd);
    }

    /** The same ID with a wrong check character. */
    static String badChecksum(String id18) {
        char last = id18.charAt(17);
        return id18.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    /** A valid unified social credit code from 17 characters of its alphabet. */
    static String credit(String body17) {
        return body17 + CreditCode.checkChar(body17);
    }

    /**
     * Validates CSV text held in memory (first line the header), through the same pure
     * steps as a file: {@link CsvLines#parse} then {@link RowValidation#validate}.
     * Lines are numbered from 1 (the header); empty lines are skipped.
     */
    static Dataset<Row> validateCsv(TableSpec table, String csv) {
        return RowValidation.validate(table, parseCsv(table, csv));
    }

    /** As {@link #validateCsv(TableSpec, String)}, on a given run date (the latest birth date of a valid ID). */
    static Dataset<Row> validateCsv(TableSpec table, String csv, LocalDate runDate) {
        return RowValidation.validate(table, parseCsv(table, csv), runDate);
    }

    static Dataset<Row> parseCsv(TableSpec table, String csv) {
        String[] lines = csv.split("\n", -1);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                rows.add(RowFactory.create((long) i + 1, lines[i], null));
            }
        }
        SparkSession spark = TestSpark.session();
        try {
            return CsvLines.parse(spark.createDataFrame(rows, CsvLines.LINES), Headers.parseCsvLine(lines[0]), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** line -> "column:REASON" of the rejected rows ("-:REASON" when no column). */
    static Map<Long, String> rejectsByLine(Dataset<Row> validated) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Row r : validated.filter(col(RowValidation.REJECT_REASON).isNotNull())
                .orderBy(RowValidation.SOURCE_LINE).collectAsList()) {
            String column = r.getAs(RowValidation.REJECT_COLUMN);
            out.put(r.getAs(RowValidation.SOURCE_LINE), (column == null ? "-" : column) + ":"
                    + r.getAs(RowValidation.REJECT_REASON));
        }
        return out;
    }

    /** Accepted rows by source line. */
    static Map<Long, Row> acceptedByLine(Dataset<Row> validated) {
        Map<Long, Row> out = new LinkedHashMap<>();
        for (Row r : validated.filter(col(RowValidation.REJECT_REASON).isNull())
                .orderBy(RowValidation.SOURCE_LINE).collectAsList()) {
            out.put(r.getAs(RowValidation.SOURCE_LINE), r);
        }
        return out;
    }

    static Path write(Path file, String text) {
        return write(file, text, StandardCharsets.UTF_8);
    }

    static Path write(Path file, String text, Charset charset) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
