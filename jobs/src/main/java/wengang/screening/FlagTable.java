package wengang.screening;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.schemas.Columns;
import wengang.schemas.OutputFiles;

/**
 * The shape of screening flags: the contract's flags.csv columns in contract order
 * ({@link OutputFiles#FLAGS}: rule … group_size), then what the flag names for a
 * reviewer's decision and for grouping:
 * <ul>
 *   <li>{@value #NAMED_CLAIMS}: claim ids a CONFIRMED review holds (FLAG_CONFIRMED);</li>
 *   <li>{@value #NAMED_PERSONS}: person ids a CONFIRMED review holds (every claim about them);</li>
 *   <li>{@value #LINKED_NODES}: the people, units and cards the flag links, as typed node ids
 *       ({@code PERSON:<person_id>}, {@code UNIT:<employer_id>}, {@code CARD:<card_no or account>}).
 *       Flags that share a node are in one group ({@link LinkedGroups}); the risk ranking
 *       counts a flag for every unit it links ({@link RiskUnits}).</li>
 * </ul>
 * One row per (rule, subject_id). The CSV writer selects the contract columns only.
 */
public final class FlagTable {
    public static final String NAMED_CLAIMS = "named_claims";
    public static final String NAMED_PERSONS = "named_persons";
    public static final String LINKED_NODES = "linked_nodes";

    public static final String PERSON = "PERSON";
    public static final String UNIT = "UNIT";
    public static final String CARD = "CARD";
    public static final String CLAIM = "CLAIM";

    private static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType, true);

    public static final StructType SCHEMA = new StructType()
            .add(Columns.RULE, DataTypes.StringType, true)
            .add(Columns.SUBJECT_TYPE, DataTypes.StringType, true)
            .add(Columns.SUBJECT_ID, DataTypes.StringType, true)
            .add(Columns.SEVERITY, DataTypes.StringType, true)
            .add(Columns.EVIDENCE, DataTypes.StringType, true)
            .add(Columns.FLAG_ID, DataTypes.StringType, true)
            .add(Columns.GROUP_ID, DataTypes.StringType, true)
            .add(Columns.GROUP_SIZE, DataTypes.IntegerType, true)
            .add(NAMED_CLAIMS, STRINGS, true)
            .add(NAMED_PERSONS, STRINGS, true)
            .add(LINKED_NODES, STRINGS, true);

    /** The contract's flags.csv columns (without the cycle and policy stamps). */
    public static final List<String> CONTRACT_COLUMNS = List.of(Columns.RULE, Columns.SUBJECT_TYPE, Columns.SUBJECT_ID,
            Columns.SEVERITY, Columns.EVIDENCE, Columns.FLAG_ID, Columns.GROUP_ID, Columns.GROUP_SIZE);

    /** Name of the column {@link Screening#withReviewStatus} adds: CONFIRMED or empty. */
    public static final String REVIEW = "review";

    private FlagTable() {}

    public static Dataset<Row> empty(SparkSession spark) {
        return spark.createDataFrame(List.of(), SCHEMA);
    }

    /** Rows projected onto {@link #SCHEMA}, columns in order, types cast. */
    public static Dataset<Row> conform(Dataset<Row> rows) {
        return rows.select(Arrays.stream(SCHEMA.fields())
                .map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
                .toArray(Column[]::new));
    }
}
