package wengang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;
import wengang.testing.TestSpark;

/**
 * Reviewers' decisions (contract: FLAG_CONFIRMED holds "until the review is cleared"): append-only,
 * the latest decision per flag wins, CONFIRMED holds the named claims and persons, DISMISSED hides the flag
 * until its evidence keys change.
 */
class ReviewsTest {
    static final Instant T1 = Instant.parse("2024-01-10T09:00:00Z");
    static final Instant T2 = Instant.parse("2024-01-11T09:00:00Z");

    @TempDir
    Path dir;

    /** Two flags as a cycle stores them: a shared card naming a claim and two persons, and an overclaim. */
    static Dataset<Row> flags() {
        SparkSession spark = TestSpark.session();
        return spark.createDataFrame(List.of(
                RowFactory.create("SHARED_ACCOUNT", "CARD", "C-1", "HIGH", "held by persons P1, P2", "F1", "CARD:C-1", 3,
                        List.of("T-1"), List.of("P1", "P2"), List.of("CARD:C-1", "PERSON:P1", "PERSON:P2")),
                RowFactory.create("OVERCLAIM", "CLAIM", "C-9", "LOW", "claimed 900.00, approved 500.00", "F2", "PERSON:P9", 1,
                        List.of("C-9"), List.of(), List.of("PERSON:P9"))), FlagTable.SCHEMA);
    }

    @Test
    void aConfirmationHoldsTheNamedClaimAndPersonsUntilALaterDismissal() {
        SparkSession spark = TestSpark.session();
        Warehouse w = new Warehouse(Location.local(dir));
        assertThat(Reviews.currentVersion(spark, w)).isEqualTo(-1L);
        assertThat(Reviews.confirmedSubjects(Reviews.read(spark, w, -1)).isEmpty()).isTrue();

        Dataset<Row> f1 = flags().filter(col(Columns.FLAG_ID).equalTo("F1"));
        long confirmedAt = Reviews.append(Reviews.of(f1, "CONFIRMED", "same card, two names", "li", T1), w);
        assertThat(subjects(Reviews.read(spark, w, -1)))
                .containsExactly("CLAIM T-1", "PERSON P1", "PERSON P2");
        assertThat(review(Screening.withReviewStatus(flags(), Reviews.read(spark, w, -1))))
                .containsEntry("F1", "CONFIRMED").containsEntry("F2", "");

        long dismissedAt = Reviews.append(Reviews.of(f1, "DISMISSED", "twins, one joint card: checked", "wang", T2), w);
        assertThat(dismissedAt).isGreaterThan(confirmedAt);
        Dataset<Row> now = Reviews.read(spark, w, -1);
        assertThat(now.count()).as("append-only").isEqualTo(2);
        assertThat(subjects(now)).isEmpty();
        assertThat(Reviews.dismissedFlagIds(now).collectAsList()).extracting(r -> r.getString(0)).containsExactly("F1");
        assertThat(review(Screening.withReviewStatus(flags(), now))).containsEntry("F1", "").containsEntry("F2", "");
        // the cycle that read the table at the earlier version still holds them (time travel)
        assertThat(subjects(Reviews.read(spark, w, confirmedAt))).containsExactly("CLAIM T-1", "PERSON P1", "PERSON P2");
    }

    @Test
    void aDismissedFlagStaysOutUntilItsEvidenceKeysChange() {
        SparkSession spark = TestSpark.session();
        Warehouse w = new Warehouse(Location.local(dir));
        Reviews.append(Reviews.of(flags().filter(col(Columns.FLAG_ID).equalTo("F1")), "dismissed", "checked", "li", T1), w);
        Dataset<Row> reviews = Reviews.read(spark, w, -1);
        assertThat(ids(Screening.withoutDismissed(flags(), reviews))).containsExactly("F2");
        // next cycle: a third holder joins card C-1, so the flag has new evidence keys and a new id
        Dataset<Row> nextCycle = flags().withColumn(Columns.FLAG_ID,
                org.apache.spark.sql.functions.when(col(Columns.FLAG_ID).equalTo("F1"), "F1b").otherwise(col(Columns.FLAG_ID)));
        assertThat(ids(Screening.withoutDismissed(nextCycle, reviews))).containsExactly("F1b", "F2");
    }

    @Test
    void atTheSameInstantConfirmedWinsAndBadDecisionsAreRefused() {
        Dataset<Row> f2 = flags().filter(col(Columns.FLAG_ID).equalTo("F2"));
        Dataset<Row> both = Reviews.of(f2, "DISMISSED", "a", "li", T1).union(Reviews.of(f2, "CONFIRMED", "b", "wang", T1));
        assertThat(subjects(both)).containsExactly("CLAIM C-9");
        assertThatThrownBy(() -> Reviews.of(f2, "MAYBE", "x", "li", T1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONFIRMED or DISMISSED");
        assertThatThrownBy(() -> Reviews.of(f2, "CONFIRMED", " ", "li", T1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("note");
    }

    private static List<String> subjects(Dataset<Row> reviews) {
        return Reviews.confirmedSubjects(reviews).collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1)).sorted().toList();
    }

    private static Map<String, String> review(Dataset<Row> flags) {
        Map<String, String> out = new TreeMap<>();
        flags.collectAsList().forEach(r -> out.put(r.getString(r.fieldIndex(Columns.FLAG_ID)),
                r.isNullAt(r.fieldIndex(FlagTable.REVIEW)) ? "" : r.getString(r.fieldIndex(FlagTable.REVIEW))));
        return out;
    }

    private static List<String> ids(Dataset<Row> flags) {
        return flags.collectAsList().stream().map(r -> r.getString(r.fieldIndex(Columns.FLAG_ID))).sorted().toList();
    }
}
