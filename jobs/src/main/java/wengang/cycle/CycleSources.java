package wengang.cycle;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The bronze tables one cycle reads (whole tables at recorded versions; the cycle
 * applies its own as-of view), plus the reviewers' decisions on screening flags.
 *
 * @param reviews           the reviews table ({@link wengang.screening.Reviews}) at its recorded version
 * @param cityNames         region_code, region_name of the province's cities (fulfilment names)
 */
public record CycleSources(Dataset<Row> contributions, Dataset<Row> employers, Dataset<Row> registry,
                           Dataset<Row> claims, Dataset<Row> cards, Dataset<Row> quotas,
                           Dataset<Row> reviews, Dataset<Row> cityNames) {}
