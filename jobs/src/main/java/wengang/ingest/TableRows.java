package wengang.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import wengang.schemas.ColumnKind;
import wengang.schemas.ColumnSpec;
import wengang.schemas.TableSpec;

/**
 * Typed inputs (Parquet, Delta) to the string rows {@link RowValidation} reads: every
 * contract column is turned into text and validated like a CSV field, so both paths
 * reject the same values. The line is the 1-based row position: for Parquet, files in
 * name order and rows in file order (for one file: the row's position in it); for a
 * Delta table, the order Spark reads it. The raw
 * text is the whole row as JSON, made only for the rows that are rejected.
 */
public final class TableRows {
    /** The position column added by {@link #withPosition}; never a contract name. */
    static final String POSITION = "__wengang_row_position";
    private static final DecimalType WIDE = DataTypes.createDecimalType(38, 10);

    private TableRows() {}

    /** Rows with a 1-based position column {@link #POSITION}, and how many there are. */
    public record Positioned(Dataset<Row> rows, long count) {}

    /**
     * A Delta table's rows with a 1-based position column {@link #POSITION} in the order
     * Spark reads them (Delta's reader has no row index), counted in the numbering pass.
     */
    public static Positioned withReadPosition(SparkSession spark, Dataset<Row> rows) {
        StructType schema = rows.schema().add(POSITION, DataTypes.LongType, false);
        Positions.Numbered<Row> numbered = Positions.number(rows.javaRDD(), r -> true);
        JavaRDD<Row> appended = numbered.rows().map(t -> append(t._1(), t._2()));
        return new Positioned(spark.createDataFrame(appended, schema), numbered.counted());
    }

    /**
     * Rows read from Parquet files with a 1-based position
     * column {@link #POSITION}: the files in name order, and in each file the rows in their
     * order (the reader's {@code _metadata.row_index}). One pass reads only the files'
     * row counts, which are also the rows read; the data itself is read later, once per
     * query, without leaving Spark's columnar reader.
     */
    public static Positioned withPosition(SparkSession spark, Dataset<Row> rows) {
        String file = "__wengang_file";
        String offset = "__wengang_offset";
        Dataset<Row> located = rows.select(col("*"), col("_metadata.file_path").as(file),
                col("_metadata.row_index").as(POSITION));
        List<Row> offsets = new ArrayList<>();
        long total = 0;
        for (Row r : located.groupBy(col(file)).count().orderBy(col(file)).collectAsList()) {
            offsets.add(RowFactory.create(r.getString(0), total));
            total += r.getLong(1);
        }
        StructType offsetSchema = new StructType().add(file, DataTypes.StringType, false)
                .add(offset, DataTypes.LongType, false);
        Dataset<Row> positioned = located
                .join(broadcast(spark.createDataFrame(offsets, offsetSchema)), new String[] {file})
                .withColumn(POSITION, col(offset).plus(col(POSITION)).plus(1))
                .drop(file, offset);
        return new Positioned(positioned, total);
    }

    /**
     * {@code line, raw, malformed} and one string column per contract column, from rows
     * that carry {@link #POSITION}. Contract columns are found by trimmed,
     * case-insensitive name; other columns only go into {@code raw}.
     */
    public static Dataset<Row> asText(TableSpec table, Dataset<Row> positioned) {
        List<StructField> original = new ArrayList<>();
        for (StructField f : positioned.schema().fields()) {
            if (!f.name().equals(POSITION)) {
                original.add(f);
            }
        }
        List<String> header = original.stream().map(StructField::name).toList();
        Map<String, String> names = Headers.sourceNames(table, header);
        List<Column> out = new ArrayList<>();
        out.add(col(POSITION).as(RowValidation.LINE));
        out.add(to_json(struct(original.stream().map(f -> quoted(f.name())).toArray(Column[]::new)))
                .as(RowValidation.RAW));
        out.add(lit(false).as(RowValidation.MALFORMED));
        for (ColumnSpec c : table.columns()) {
            StructField f = original.stream().filter(x -> x.name().equals(names.get(c.name()))).findFirst()
                    .orElseThrow();
            out.add(text(quoted(f.name()), f.dataType(), c.kind()).as(c.name()));
        }
        return positioned.select(out.toArray(Column[]::new));
    }

    /** A typed value as the text a CSV file would hold for it. */
    static Column text(Column value, DataType type, ColumnKind kind) {
        boolean floating = type instanceof DoubleType || type instanceof FloatType;
        boolean timestamp = type instanceof TimestampType || type instanceof TimestampNTZType;
        if (floating && (kind == ColumnKind.MONEY || kind == ColumnKind.COUNT)) {
            // 1234.5 rather than 1.2345E3; trailing zeros are accepted by the checks
            return coalesce(value.try_cast(WIDE).cast(DataTypes.StringType), value.cast(DataTypes.StringType));
        }
        if (kind == ColumnKind.MONTH && (type instanceof DateType || timestamp)) {
            return date_format(value, "yyyyMM");
        }
        if (kind == ColumnKind.DATE && timestamp) {
            return to_date(value).cast(DataTypes.StringType);
        }
        return value.cast(DataTypes.StringType);
    }

    private static Column quoted(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    private static Row append(Row row, long position) {
        Object[] values = new Object[row.size() + 1];
        for (int i = 0; i < row.size(); i++) {
            values[i] = row.get(i);
        }
        values[row.size()] = position;
        return RowFactory.create(values);
    }
}
