package wengang.cycle;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The bronze tables one cycle reads (whole tables at recorded versions; the cycle
 * applies its own as-of view), plus the reviewers' confirmed subjects.
 *
 * @param confirmedSubjects subject_type, subject_id named by flags a reviewer CONFIRMED (holds)
 * @param cityNames         region_code, region_name of the province's cities (fulfilment names)
 */
public record CycleSources(Dataset<Row> contributions, Dataset<Row> employers, Dataset<Row> registry,
                           Dataset<Row> claims, Dataset<Row> cards, Dataset<Row> quotas,
                           Dataset<Row> confirmedSubjects, Dataset<Row> cityNames) {}
