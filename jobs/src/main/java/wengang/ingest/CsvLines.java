package wengang.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.translate;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
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
import wengang.schemas.TableSpec;

/**
 * CSV text to rows, one record per physical line (contract.md "Inputs").
 *
 * <p>{@link #read} is the I/O half: the file's lines with their 1-based line number
 * (the header is line 1), decoded with the given charset (Spark's text source knows
 * only UTF-8). A UTF-8 BOM and a trailing {@code \r} are stripped; fully empty lines
 * are not rows (they are skipped, but still counted in the numbering); a line whose
 * bytes are not valid in the charset is kept, marked undecodable.
 *
 * <p>{@link #parse} is the pure half: Spark's own CSV parser ({@code from_csv},
 * PERMISSIVE, RFC 4180 quotes) splits each line into the file's columns and picks the
 * contract columns by header name. A line is malformed when the parser flags it (wrong
 * field count), when it holds an odd number of {@code "} (a quoted field that would
 * span lines), or when it could not be decoded.
 */
public final class CsvLines {
    public static final String LINE = RowValidation.LINE;
    public static final String RAW = RowValidation.RAW;
    public static final String UNDECODABLE = "undecodable";

    /** Lines as read: number, text, whether the bytes were valid in the charset. */
    public static final StructType LINES = new StructType()
            .add(LINE, DataTypes.LongType, false)
            .add(RAW, DataTypes.StringType, false)
            .add(UNDECODABLE, DataTypes.BooleanType, false);

    private static final String CORRUPT = "_corrupt";
    private static final String PARSED = "_parsed";

    private CsvLines() {}

    /** The data lines of a file ({@link #LINES}) and how many there are. */
    public record Lines(Dataset<Row> rows, long count) {}

    /** Every data line of {@code file} (header and empty lines left out), counted in the numbering pass. */
    public static Lines read(SparkSession spark, Path file, Charset charset) {
        String charsetName = charset.name();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Tuple2<String, Boolean>> decoded = jsc
                .hadoopFile(file.toAbsolutePath().toString(), TextInputFormat.class, LongWritable.class, Text.class)
                .mapPartitions(records -> decodeAll(records, charsetName));
        // the header is never empty (checked before ingest), so data lines = non-empty lines - 1
        Positions.Numbered<Tuple2<String, Boolean>> numbered =
                Positions.number(decoded, t -> !withoutCr(t._1()).isEmpty());
        JavaRDD<Row> lines = numbered.rows()
                .map(CsvLines::numbered)
                .filter(r -> r.getLong(0) > 1 && !r.getString(1).isEmpty());
        return new Lines(spark.createDataFrame(lines, LINES), Math.max(0, numbered.counted() - 1));
    }

    /**
     * Splits {@code lines} ({@link #LINES}; {@code undecodable} optional) into the
     * contract columns of {@code table}, found by name in {@code header}. Returns
     * {@code line, raw, malformed} and one string column per contract column: the input
     * of {@link RowValidation#validate}.
     */
    public static Dataset<Row> parse(Dataset<Row> lines, List<String> header, TableSpec table) {
        List<Integer> positions = Headers.positions(table, header).orElseThrow(() -> new InputContractException(
                table.name() + ": " + String.join("; ", Headers.problems(table, header))));
        StructType fields = new StructType();
        for (int i = 0; i < header.size(); i++) {
            fields = fields.add("c" + i, DataTypes.StringType);
        }
        fields = fields.add(CORRUPT, DataTypes.StringType);
        Map<String, String> options = Map.of(
                "mode", "PERMISSIVE",
                "columnNameOfCorruptRecord", CORRUPT,
                "quote", "\"",
                "escape", "\"");
        Column undecodable = List.of(lines.columns()).contains(UNDECODABLE) ? col(UNDECODABLE) : lit(false);
        Column quotes = length(col(RAW)).minus(length(translate(col(RAW), "\"", "")));
        Column malformed = col(PARSED + "." + CORRUPT).isNotNull()
                .or(pmod(quotes, lit(2)).equalTo(1))
                .or(undecodable);
        List<Column> out = new ArrayList<>();
        out.add(col(LINE));
        out.add(col(RAW));
        out.add(malformed.as(RowValidation.MALFORMED));
        for (int i = 0; i < positions.size(); i++) {
            out.add(col(PARSED + ".c" + positions.get(i)).as(table.columnNames().get(i)));
        }
        return lines
                .withColumn(PARSED, from_csv(col(RAW), lit(fields.toDDL()), options))
                .select(out.toArray(Column[]::new));
    }

    private static java.util.Iterator<Tuple2<String, Boolean>> decodeAll(
            java.util.Iterator<Tuple2<LongWritable, Text>> records, String charsetName) {
        Charset charset = Charset.forName(charsetName);
        CharsetDecoder strict = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Tuple2<String, Boolean> next() {
                Text text = records.next()._2(); // reused by the reader: decode now
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(), 0, text.getLength());
                try {
                    CharBuffer chars = strict.reset().decode(bytes);
                    return new Tuple2<>(chars.toString(), false);
                } catch (CharacterCodingException e) {
                    return new Tuple2<>(new String(text.getBytes(), 0, text.getLength(), charset), true);
                }
            }
        };
    }

    private static Row numbered(Tuple2<Tuple2<String, Boolean>, Long> indexed) {
        long line = indexed._2();
        String raw = withoutCr(indexed._1()._1());
        if (line == 1 && raw.startsWith(Headers.BOM)) {
            raw = raw.substring(1);
        }
        return RowFactory.create(line, raw, indexed._1()._2());
    }

    private static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
