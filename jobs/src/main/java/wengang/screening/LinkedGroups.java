package wengang.screening;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import wengang.schemas.Columns;

/**
 * Linked groups of flags (contract: group_id, group_size). The graph's nodes are the
 * people, units and cards the flags link ({@link FlagTable#LINKED_NODES}: typed ids
 * {@code PERSON:…}, {@code UNIT:…}, {@code CARD:…}); each flag links all the nodes it
 * names (as a star around the first of its sorted nodes), so every flagged link joins
 * two nodes: a shared card or account to its holders, an agency to
 * the workers it claimed twice or together with other agencies, a worker to the units
 * of a concurrent, back-paid or misnamed month, a claim's person to the claimant unit.
 * Unflagged facts link nothing.
 *
 * <p>group_id: the smallest node id of the component (e.g. {@code CARD:6222…} or
 * {@code PERSON:5205…}), stable while the component keeps its smallest node;
 * group_size: the number of nodes in the component (people + units + cards).
 */
public final class LinkedGroups {
    private LinkedGroups() {}

    /** The flags with group_id and group_size set. */
    public static Dataset<Row> assign(Dataset<Row> flags) {
        Dataset<Row> linked = flags.withColumn("_first", element_at(col(FlagTable.LINKED_NODES), 1));
        Dataset<Row> edges = linked.select(col("_first").as(ConnectedComponents.A),
                explode(col(FlagTable.LINKED_NODES)).as(ConnectedComponents.B));
        Dataset<Row> nodes = linked.select(explode(col(FlagTable.LINKED_NODES)).as(ConnectedComponents.NODE));
        Dataset<Row> labels = ConnectedComponents.of(edges, nodes).labels();
        Dataset<Row> sizes = labels.groupBy(col(ConnectedComponents.COMPONENT).as("_component"))
                .agg(count(lit(1)).cast("int").as("_size"));
        Dataset<Row> groups = labels.join(sizes, col(ConnectedComponents.COMPONENT).equalTo(col("_component")))
                .select(col(ConnectedComponents.NODE).as("_node"), col("_component"), col("_size"));
        Column[] columns = java.util.Arrays.stream(FlagTable.SCHEMA.fieldNames())
                .map(c -> c.equals(Columns.GROUP_ID) ? col("_component").as(Columns.GROUP_ID)
                        : c.equals(Columns.GROUP_SIZE) ? col("_size").as(Columns.GROUP_SIZE) : col(c))
                .toArray(Column[]::new);
        return linked.join(groups, col("_first").equalTo(col("_node")), "left").select(columns);
    }
}
