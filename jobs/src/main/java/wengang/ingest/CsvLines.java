package wengang.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;
import wengang.engine.Location;
import wengang.schemas.TableSpec;

/**
 * CSV text to rows, one record per physical line (contract.md "Inputs").
 *
 * <p>{@link #read} is the I/O half: the file's lines with their 1-based line number
 * (the header is line 1), decoded with the given charset (Spark's text source knows
 * only UTF-8). A UTF-8 BOM and a trailing {@code \r} are stripped; fully empty lines
 * are not rows (they are skipped, but still counted in the numbering); a line whose
 * bytes are not valid in the charset is kept: its text with replacement characters,
 * and its original bytes in base64 ({@code raw_base64}, null for lines that decode),
 * so a reject never loses what the file held. Whether most lines of a file fail to
 * decode is checked before ingest, on a sample ({@link EncodingCheck}).
 *
 * <p>{@link #parse} is the pure half: Spark's own CSV parser ({@code from_csv},
 * PERMISSIVE, RFC 4180 quotes) splits each line into the file's columns and picks the
 * contract columns by header name. A line is malformed when the parser flags it (wrong
 * field count), when it holds an odd number of {@code "} (a quoted field that would
 * span lines), when it could not be decoded, or when it holds more commas than the parser
 * takes fields ({@link #maxColumns}: such a line is not parsed at all). A BOM at the start of
 * a data line stays in its first field wherever the line is (the parser itself drops one
 * from the first line it reads, and only there).
 */
public final class CsvLines {
    public static final String LINE = RowValidation.LINE;
    public static final String RAW = RowValidation.RAW;
    public static final String RAW_BASE64 = RowValidation.RAW_BASE64;

    /** Lines as read: number, text, and the bytes in base64 when they are not valid in the charset. */
    public static final StructType LINES = new StructType()
            .add(LINE, DataTypes.LongType, false)
            .add(RAW, DataTypes.StringType, false)
            .add(RAW_BASE64, DataTypes.StringType, true);

    private static final String CORRUPT = "_corrupt";
    /** The CSV parser's (univocity) default limit of fields per line. */
    static final int PARSER_MAX_COLUMNS = 20_480;
    private static final String PARSED = "_parsed";

    private CsvLines() {}

    /** The data lines of a file ({@link #LINES}) and how many there are. */
    public record Lines(Dataset<Row> rows, long count) {}

    /** Every data line of {@code file} (header and empty lines left out), counted in the numbering pass. */
    public static Lines read(SparkSession spark, Location file, Charset charset) {
        String charsetName = charset.name();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return numbered(spark, jsc
                .hadoopFile(file.uri(), TextInputFormat.class, LongWritable.class, Text.class)
                .mapPartitions(records -> decodeAll(records, charsetName)));
    }

    /**
     * As {@link #read(SparkSession, Location, Charset)} for a small file the driver already
     * holds (the default quotas bundled in the jar): its lines reach the executors as data.
     */
    public static Lines read(SparkSession spark, byte[] content, Charset charset) {
        String charsetName = charset.name();
        // lines end as Hadoop's text reader ends them: \n, \r\n or \r
        List<byte[]> physical = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < content.length) {
            byte b = content[i];
            if (b == '\n' || b == '\r') {
                physical.add(Arrays.copyOfRange(content, start, i));
                i += b == '\r' && i + 1 < content.length && content[i + 1] == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < content.length) {
            physical.add(Arrays.copyOfRange(content, start, content.length));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return numbered(spark, jsc.parallelize(physical, 1).mapPartitions(lines -> {
            Charset cs = Charset.forName(charsetName);
            CharsetDecoder strict = strict(cs);
            List<Decoded> out = new ArrayList<>();
            lines.forEachRemaining(b -> out.add(decode(strict, cs, b, b.length)));
            return out.iterator();
        }));
    }

    private static Lines numbered(SparkSession spark, JavaRDD<Decoded> decoded) {
        // the header is never empty (checked before ingest), so data lines = non-empty lines - 1
        Positions.Numbered<Decoded> numbered = Positions.number(decoded, d -> !d.text().isEmpty());
        JavaRDD<Row> lines = numbered.rows()
                .map(CsvLines::numbered)
                .filter(r -> r.getLong(0) > 1 && !r.getString(1).isEmpty());
        return new Lines(spark.createDataFrame(lines, LINES), Math.max(0, numbered.counted() - 1));
    }

    /**
     * Splits {@code lines} ({@link #LINES}; {@code raw_base64} optional) into the
     * contract columns of {@code table}, found by name in {@code header}. Returns
     * {@code line, raw, raw_base64, malformed} and one string column per contract column:
     * the input of {@link RowValidation#validate}.
     */
    public static Dataset<Row> parse(Dataset<Row> lines, List<String> header, TableSpec table) {
        List<Integer> positions = Headers.positions(table, header).orElseThrow(() -> new InputContractException(
                table.name() + ": " + String.join("; ", Headers.problems(table, header))));
        StructType fields = new StructType();
        for (int i = 0; i < header.size(); i++) {
            fields = fields.add("c" + i, DataTypes.StringType);
        }
        fields = fields.add(CORRUPT, DataTypes.StringType);
        int maxColumns = maxColumns(header);
        Map<String, String> options = Map.of(
                "mode", "PERMISSIVE",
                "columnNameOfCorruptRecord", CORRUPT,
                "quote", "\"",
                "escape", "\"",
                "maxColumns", String.valueOf(maxColumns));
        Column rawBase64 = List.of(lines.columns()).contains(RAW_BASE64)
                ? col(RAW_BASE64) : lit(null).cast(DataTypes.StringType);
        Column quotes = length(col(RAW)).minus(length(translate(col(RAW), "\"", "")));
        // the CSV parser fails the whole query on a line of more fields than maxColumns: such a
        // line (as many commas, so too many fields or a field far over the text limit) is not parsed
        Column commas = length(col(RAW)).minus(length(translate(col(RAW), ",", "")));
        Column tooWide = when(octet_length(col(RAW)).geq(maxColumns), commas.geq(maxColumns)).otherwise(lit(false));
        Column malformed = col(PARSED + "." + CORRUPT).isNotNull()
                .or(pmod(quotes, lit(2)).equalTo(1))
                .or(rawBase64.isNotNull())
                .or(tooWide);
        List<Column> out = new ArrayList<>();
        out.add(col(LINE));
        out.add(col(RAW));
        out.add(rawBase64.as(RAW_BASE64));
        out.add(malformed.as(RowValidation.MALFORMED));
        // the parser drops a BOM at the start of the first line it parses (the first row of each
        // partition), and only there: put it back, so a line that starts with one (a file joined
        // to another) fails alike wherever it is
        Column bomFirst = col(RAW).startsWith(Headers.BOM);
        for (int i = 0; i < positions.size(); i++) {
            Column value = col(PARSED + ".c" + positions.get(i));
            if (positions.get(i) == 0) {
                value = when(bomFirst.and(not(coalesce(value.startsWith(Headers.BOM), lit(false)))),
                        concat(lit(Headers.BOM), coalesce(value, lit("")))).otherwise(value);
            }
            out.add(value.as(table.columnNames().get(i)));
        }
        return lines
                .withColumn(PARSED, from_csv(when(tooWide, lit("")).otherwise(col(RAW)), lit(fields.toDDL()), options))
                .select(out.toArray(Column[]::new));
    }

    /**
     * The most fields the CSV parser splits a line into: its default (20,480, far above any
     * contract table), or more for a header that has more columns. A line with at least as
     * many commas is malformed without being parsed ({@link #parse}).
     */
    static int maxColumns(List<String> header) {
        return Math.max(PARSER_MAX_COLUMNS, header.size() + 1);
    }

    /** One physical line: its text ({@code \r} stripped) and, when not valid in the charset, its bytes in base64. */
    private record Decoded(String text, String rawBase64) implements Serializable {}

    private static Iterator<Decoded> decodeAll(Iterator<Tuple2<LongWritable, Text>> records, String charsetName) {
        Charset charset = Charset.forName(charsetName);
        CharsetDecoder strict = strict(charset);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Decoded next() {
                Text text = records.next()._2(); // reused by the reader: decode now
                return decode(strict, charset, text.getBytes(), text.getLength());
            }
        };
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static Decoded decode(CharsetDecoder strict, Charset charset, byte[] bytes, int length) {
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        try {
            CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(bytes, 0, length));
            return new Decoded(chars.toString(), null);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, 0, length, charset),
                    Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, length)));
        }
    }

    private static Row numbered(Tuple2<Decoded, Long> indexed) {
        long line = indexed._2();
        String raw = indexed._1().text();
        if (line == 1 && raw.startsWith(Headers.BOM)) {
            raw = raw.substring(1);
        }
        return RowFactory.create(line, raw, indexed._1().rawBase64());
    }
}
