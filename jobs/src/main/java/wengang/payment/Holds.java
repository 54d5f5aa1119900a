package wengang.payment;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Why a payable month cannot be paid at this cycle (P14, screening review).
 *
 * @param usableCards       person_id, card_no: cards usable at the cycle ({@link wengang.eligibility.AsOf#usableCards})
 * @param confirmedSubjects subject_type (CLAIM or PERSON), subject_id: named by a flag a reviewer CONFIRMED
 */
public record Holds(Dataset<Row> usableCards, Dataset<Row> confirmedSubjects) {}
