package wengang.screening;

import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;

/**
 * Records one reviewer's decision on one stored flag: looks the flag up by flag_id
 * ({@link StoredFlags#find}: the latest cycle that raised it; an unknown id is refused)
 * and appends the decision to {@code gold/reviews} ({@link Reviews#of}, {@link Reviews#append}).
 * The one way a decision is recorded: {@code wengang flags review} and the review
 * workbench ({@code wengang serve}) both call {@link #record}.
 */
public final class FlagReview {
    private FlagReview() {}

    /** What was recorded: the flag as stored (with its cycle), the decision and the reviews table version. */
    public record Recorded(Row flag, String decision, String note, String reviewer, Instant at, long version) {
        public String flagId() {
            return flag.getString(flag.fieldIndex(Columns.FLAG_ID));
        }

        public int cycle() {
            return flag.getInt(flag.fieldIndex(Columns.CYCLE));
        }

        public List<String> namedClaims() {
            return flag.getList(flag.fieldIndex(FlagTable.NAMED_CLAIMS));
        }

        public List<String> namedPersons() {
            return flag.getList(flag.fieldIndex(FlagTable.NAMED_PERSONS));
        }
    }

    /**
     * Appends the decision in one Delta commit.
     *
     * @throws IllegalArgumentException for an unknown flag id, a decision other than CONFIRMED / DISMISSED,
     *                                  or an empty note or reviewer (nothing is written then)
     */
    public static Recorded record(SparkSession spark, Warehouse w, String flagId, String decision, String note,
                                  String reviewer, Instant at) {
        Row flag = StoredFlags.find(spark, w, flagId);
        var reviews = Reviews.of(spark.createDataFrame(List.of(flag), flag.schema()), decision, note, reviewer, at);
        long version = Reviews.append(reviews, w);
        return new Recorded(flag, decision.trim().toUpperCase(java.util.Locale.ROOT), note.trim(), reviewer.trim(), at,
                version);
    }
}
