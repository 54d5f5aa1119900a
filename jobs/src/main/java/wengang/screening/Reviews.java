package wengang.screening;

import static org.apache.spark.sql.functions.*;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;

/**
 * Reviewers' decisions on screening flags: the Delta table {@code gold/reviews}, append
 * only. One row per decision: flag_id, decision (CONFIRMED | DISMISSED), note,
 * reviewer, reviewed_at, and copied from the flag when it was reviewed: rule,
 * subject_type, subject_id, named_claims, named_persons.
 *
 * <p>The latest decision per flag_id wins (reviewed_at; at the same instant CONFIRMED
 * wins, the cautious choice): a later DISMISSED clears a CONFIRMED, a later CONFIRMED
 * re-instates it. A CONFIRMED flag holds the claims and persons it named (payment
 * status HELD, reason FLAG_CONFIRMED, see {@code wengang.payment.Holds}); a DISMISSED
 * flag no longer appears in flags.csv until its evidence keys change (a new flag_id).
 * A cycle reads the table at a recorded version ({@link #read}) so re-running it holds
 * the same payments.
 */
public final class Reviews {
    public static final String TABLE = "reviews";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String DISMISSED = "DISMISSED";
    public static final List<String> DECISIONS = List.of(CONFIRMED, DISMISSED);

    public static final String NOTE = "note";
    public static final String REVIEWER = "reviewer";
    public static final String REVIEWED_AT = "reviewed_at";

    public static final StructType SCHEMA = new StructType()
            .add(Columns.FLAG_ID, DataTypes.StringType, true)
            .add(Columns.DECISION, DataTypes.StringType, true)
            .add(NOTE, DataTypes.StringType, true)
            .add(REVIEWER, DataTypes.StringType, true)
            .add(REVIEWED_AT, DataTypes.TimestampType, true)
            .add(Columns.RULE, DataTypes.StringType, true)
            .add(Columns.SUBJECT_TYPE, DataTypes.StringType, true)
            .add(Columns.SUBJECT_ID, DataTypes.StringType, true)
            .add(FlagTable.NAMED_CLAIMS, DataTypes.createArrayType(DataTypes.StringType, true), true)
            .add(FlagTable.NAMED_PERSONS, DataTypes.createArrayType(DataTypes.StringType, true), true);

    private Reviews() {}

    public static String path(Warehouse w) {
        return w.gold(TABLE);
    }

    /**
     * Review rows for the given flag rows (one per distinct flag_id; pure).
     *
     * @throws IllegalArgumentException for a decision other than CONFIRMED / DISMISSED, or an empty note or reviewer
     */
    public static Dataset<Row> of(Dataset<Row> flags, String decision, String note, String reviewer, Instant reviewedAt) {
        String d = decision == null ? "" : decision.trim().toUpperCase(java.util.Locale.ROOT);
        if (!DECISIONS.contains(d)) {
            throw new IllegalArgumentException("decision must be CONFIRMED or DISMISSED, not '" + decision + "'");
        }
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("a review needs a note saying why (--note TEXT)");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review needs a reviewer (--reviewer NAME)");
        }
        return flags.dropDuplicates(Columns.FLAG_ID).select(
                col(Columns.FLAG_ID),
                lit(d).as(Columns.DECISION),
                lit(note.trim()).as(NOTE),
                lit(reviewer.trim()).as(REVIEWER),
                lit(Timestamp.from(reviewedAt)).as(REVIEWED_AT),
                col(Columns.RULE),
                col(Columns.SUBJECT_TYPE),
                col(Columns.SUBJECT_ID),
                coalesce(col(FlagTable.NAMED_CLAIMS), FlagRows.emptyStrings()).as(FlagTable.NAMED_CLAIMS),
                coalesce(col(FlagTable.NAMED_PERSONS), FlagRows.emptyStrings()).as(FlagTable.NAMED_PERSONS));
    }

    /** Appends review rows in one Delta commit (creating the table on first use); returns the new version. */
    public static long append(Dataset<Row> reviews, Warehouse w) {
        String path = path(w);
        SparkSession spark = reviews.sparkSession();
        if (!Warehouse.exists(path)) {
            DeltaTable.createIfNotExists(spark).location(path).addColumns(SCHEMA).execute();
        }
        reviews.select(Arrays.stream(SCHEMA.fields()).map(f -> col(f.name()).cast(f.dataType())).toArray(Column[]::new))
                .write().format("delta").mode("append").save(path);
        return currentVersion(spark, w);
    }

    /** The table at {@code version} (-1: the latest); empty when no review was ever recorded. */
    public static Dataset<Row> read(SparkSession spark, Warehouse w, long version) {
        String path = path(w);
        if (!Warehouse.exists(path)) {
            return spark.createDataFrame(List.of(), SCHEMA);
        }
        return version < 0 ? Warehouse.read(spark, path) : Warehouse.readVersion(spark, path, version);
    }

    /** The table's latest Delta version, -1 when it does not exist yet. */
    public static long currentVersion(SparkSession spark, Warehouse w) {
        String path = path(w);
        if (!Warehouse.exists(path)) {
            return -1L;
        }
        return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
    }

    /** The latest decision per flag_id (one row per reviewed flag). */
    public static Dataset<Row> latest(Dataset<Row> reviews) {
        Column order = row_number().over(Window.partitionBy(Columns.FLAG_ID)
                .orderBy(col(REVIEWED_AT).desc(), col(Columns.DECISION).asc()));
        return reviews.withColumn("_n", order).filter(col("_n").equalTo(1)).drop("_n");
    }

    /**
     * subject_type (CLAIM | PERSON), subject_id: the claims and persons named by flags whose
     * latest decision is CONFIRMED, distinct. This is what {@code wengang.payment.Holds} holds.
     */
    public static Dataset<Row> confirmedSubjects(Dataset<Row> reviews) {
        Dataset<Row> confirmed = latest(reviews).filter(col(Columns.DECISION).equalTo(CONFIRMED));
        Dataset<Row> claims = confirmed.select(lit(FlagTable.CLAIM).as(Columns.SUBJECT_TYPE),
                explode(col(FlagTable.NAMED_CLAIMS)).as(Columns.SUBJECT_ID));
        Dataset<Row> persons = confirmed.select(lit(FlagTable.PERSON).as(Columns.SUBJECT_TYPE),
                explode(col(FlagTable.NAMED_PERSONS)).as(Columns.SUBJECT_ID));
        return claims.union(persons).filter(col(Columns.SUBJECT_ID).isNotNull()).distinct();
    }

    /** flag_id of every flag whose latest decision is DISMISSED. */
    public static Dataset<Row> dismissedFlagIds(Dataset<Row> reviews) {
        return latest(reviews).filter(col(Columns.DECISION).equalTo(DISMISSED)).select(Columns.FLAG_ID);
    }
}
