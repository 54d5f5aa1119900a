package wengang.cycle;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.claims.ClaimDecisions;

/**
 * The bronze tables one cycle reads (whole tables at recorded versions; the cycle
 * applies its own as-of view), plus the reviewers' decisions on screening flags and
 * what earlier cycles showed.
 *
 * @param reviews           the reviews table ({@link wengang.screening.Reviews}) at its recorded version
 * @param cityNames         region_code, region_name of the province's cities (fulfilment names)
 * @param shownReasons      claim_id, cycle, reason: the informational codes every cycle run on the
 *                          warehouse showed ({@link ClaimDecisions#SHOWN_REASONS}); a cycle keeps
 *                          those of earlier cycles in its reasons
 */
public record CycleSources(Dataset<Row> contributions, Dataset<Row> employers, Dataset<Row> registry,
                           Dataset<Row> claims, Dataset<Row> cards, Dataset<Row> quotas,
                           Dataset<Row> reviews, Dataset<Row> cityNames, Dataset<Row> shownReasons) {

    /** Sources of a warehouse on which no cycle has run yet. */
    public CycleSources(Dataset<Row> contributions, Dataset<Row> employers, Dataset<Row> registry,
                        Dataset<Row> claims, Dataset<Row> cards, Dataset<Row> quotas,
                        Dataset<Row> reviews, Dataset<Row> cityNames) {
        this(contributions, employers, registry, claims, cards, quotas, reviews, cityNames,
                contributions.sparkSession().createDataFrame(java.util.List.of(), ClaimDecisions.SHOWN_REASONS));
    }

    /** These sources with other contribution rows: the kept per-person state ({@link PersonContributions}). */
    public CycleSources withContributions(Dataset<Row> rows) {
        return new CycleSources(rows, employers, registry, claims, cards, quotas, reviews, cityNames, shownReasons);
    }

    /**
     * These sources with every table but the contributions read once and kept: each Delta
     * read otherwise lists the table's files again in every query that uses it (a cycle
     * plans about fifty such listings); the contributions are narrowed and kept by the
     * cycle itself.
     */
    public CycleSources withSmallTablesKept(java.util.function.UnaryOperator<Dataset<Row>> keep) {
        return new CycleSources(contributions, keep.apply(employers), keep.apply(registry), keep.apply(claims),
                keep.apply(cards), keep.apply(quotas), keep.apply(reviews), keep.apply(cityNames),
                keep.apply(shownReasons));
    }
}
