package wengang.screening;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import wengang.eligibility.MonthColumns;
import wengang.schemas.Columns;
import wengang.schemas.FlagRule;

/**
 * Building blocks shared by the rule classes: the flag row itself (with its stable
 * flag_id), typed node ids, clean string arrays and month runs for evidence text.
 */
final class FlagRows {
    /** Separator of the fields hashed into a flag_id. */
    private static final String SEP = "|";

    private FlagRows() {}

    /**
     * One flag row per row of {@code perSubject} (already one row per subject), in
     * {@link FlagTable#SCHEMA} order with group columns empty.
     *
     * @param keys         array&lt;string&gt;: the evidence keys (typed, e.g. {@code claim:C1},
     *                     {@code month:202306}) hashed into the flag_id
     * @param namedClaims  array&lt;string&gt; of claim ids a CONFIRMED review holds
     * @param namedPersons array&lt;string&gt; of person ids a CONFIRMED review holds
     * @param linkedNodes  array&lt;string&gt; of typed node ids (stored sorted); a flag that links
     *                     nothing gets its own subject as a node
     */
    static Dataset<Row> of(Dataset<Row> perSubject, FlagRule rule, Column subjectId, Column evidence, Column keys,
                           Column namedClaims, Column namedPersons, Column linkedNodes) {
        Column nodes = clean(linkedNodes);
        Column ownNode = concat(lit(rule.subjectType() + ":"), subjectId);
        return perSubject.select(
                lit(rule.name()).as(Columns.RULE),
                lit(rule.subjectType()).as(Columns.SUBJECT_TYPE),
                subjectId.as(Columns.SUBJECT_ID),
                lit(rule.severity()).as(Columns.SEVERITY),
                evidence.as(Columns.EVIDENCE),
                flagId(lit(rule.name()), lit(rule.subjectType()), subjectId, keys).as(Columns.FLAG_ID),
                lit(null).cast("string").as(Columns.GROUP_ID),
                lit(null).cast("int").as(Columns.GROUP_SIZE),
                clean(namedClaims).as(FlagTable.NAMED_CLAIMS),
                clean(namedPersons).as(FlagTable.NAMED_PERSONS),
                // a flag that links nothing (a claim without a valid person) is its own node
                when(size(nodes).gt(0), nodes).otherwise(array(ownNode)).as(FlagTable.LINKED_NODES));
    }

    /**
     * "F" + the first 16 hex digits of SHA-256(rule|subject_type|subject_id|sorted distinct keys).
     * The same findings give the same id in every run; another key (a new claim, month,
     * unit…) gives a new id. Groups are not part of it.
     */
    static Column flagId(Column rule, Column subjectType, Column subjectId, Column keys) {
        Column sortedKeys = array_join(clean(keys), SEP);
        return concat(lit("F"), substring(sha2(concat_ws(SEP, rule, subjectType, subjectId, sortedKeys), 256), 1, 16));
    }

    /** Sorted distinct non-null strings; an absent array is empty. */
    static Column clean(Column strings) {
        return array_sort(array_distinct(filter(coalesce(strings, emptyStrings()), x -> x.isNotNull())));
    }

    static Column emptyStrings() {
        return array().cast("array<string>");
    }

    /** A typed node id, null when the id is. */
    static Column node(String type, Column id) {
        return when(id.isNotNull(), concat(lit(type + ":"), id));
    }

    /** A typed evidence key, null when the value is. */
    static Column key(String type, Column value) {
        return when(value.isNotNull(), concat(lit(type + ":"), value.cast("string")));
    }

    /** The claimant as a unit node when it is a unit (not the worker applying for himself). */
    static Column claimantNode(Column claimantId, Column personId) {
        return when(claimantId.isNotNull().and(personId.isNull().or(claimantId.notEqual(personId))),
                concat(lit(FlagTable.UNIT + ":"), claimantId));
    }

    /** "202301" or "202301-202306". */
    static Column monthRange(Column from, Column to) {
        return when(from.equalTo(to), from.cast("string"))
                .otherwise(concat(from.cast("string"), lit("-"), to.cast("string")));
    }

    /** Sorted, ", "-joined strings of an array column. */
    static Column listed(Column strings) {
        return array_join(clean(strings), ", ");
    }

    /**
     * Collapses months into runs of consecutive months, per {@code keys}: one row per key
     * with {@code runsColumn} = "202301-202303, 202306" (sorted).
     */
    static Dataset<Row> monthRuns(Dataset<Row> rows, List<String> keys, String monthColumn, String runsColumn) {
        Column[] keyCols = keys.stream().map(k -> col(k)).toArray(Column[]::new);
        Dataset<Row> distinctMonths = rows.select(concatArrays(keyCols, col(monthColumn))).distinct();
        Column island = MonthColumns.index(col(monthColumn))
                .minus(row_number().over(Window.partitionBy(keyCols).orderBy(col(monthColumn))));
        List<Column> islandKeys = new ArrayList<>(Arrays.asList(keyCols));
        islandKeys.add(col("_island"));
        Dataset<Row> runs = distinctMonths.withColumn("_island", island)
                .groupBy(islandKeys.toArray(Column[]::new))
                .agg(min(monthColumn).as("_from"), max(monthColumn).as("_to"));
        return runs.groupBy(keyCols)
                .agg(array_join(transform(array_sort(collect_list(struct(col("_from"), monthRange(col("_from"), col("_to"))
                        .as("r")))), r -> r.getField("r")), ", ").as(runsColumn));
    }

    private static Column[] concatArrays(Column[] a, Column b) {
        Column[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
