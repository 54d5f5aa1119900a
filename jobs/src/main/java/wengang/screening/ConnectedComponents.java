package wengang.screening;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Connected components of an undirected graph with string node ids, by alternating
 * large-star and small-star rounds (Kiveris, Lattanzi, Mirrokni, Rastogi, Vassilvitskii:
 * "Connected Components in MapReduce and Beyond", SoCC 2014), on DataFrames only
 * (GraphFrames and GraphX are not available for Spark 4.1 here).
 *
 * <p>Edges are kept as (child {@value #A} &gt; parent {@value #B}). With Γ(u) the
 * neighbours of u and m(u) the smallest of Γ(u) ∪ {u}:
 * <ul>
 *   <li>large-star: for every edge {u, v} with v &gt; u, emit (v, m(u)): every larger
 *       neighbour of u is hooked to the smallest node of u's neighbourhood;</li>
 *   <li>small-star: for every node u, with N = its smaller neighbours and m = min N,
 *       emit (v, m) for every v ∈ N ∪ {u}, v ≠ m.</li>
 * </ul>
 * Both keep the components and shrink labels; a round is one large-star and one
 * small-star. The rounds stop when a round leaves the edge set unchanged (then no
 * label can change): every component is a star around its smallest node, which is
 * its label. O(log² n) rounds in theory, a few in practice; each round's edges are
 * locally checkpointed so the plan stays small, and one job per round both computes
 * them and compares them with the previous round's.
 */
public final class ConnectedComponents {
    public static final String A = "a";
    public static final String B = "b";
    public static final String NODE = "node";
    public static final String COMPONENT = "component";
    /** A guard against a non-terminating loop (it terminates in theory). */
    static final int MAX_ROUNDS = 100;

    private ConnectedComponents() {}

    /**
     * @param labels node, component (the smallest node id of its component)
     * @param rounds large-star/small-star rounds run, the last one changing nothing
     */
    public record Result(Dataset<Row> labels, int rounds) {}

    /**
     * @param edges columns {@value #A}, {@value #B} (string node ids, either order; self-loops ignored)
     * @param nodes column {@value #NODE}: every node, including those without an edge
     */
    public static Result of(Dataset<Row> edges, Dataset<Row> nodes) {
        Dataset<Row> e = canonical(edges.select(col(A), col(B))).localCheckpoint();
        int rounds = 0;
        while (true) {
            rounds++;
            if (rounds > MAX_ROUNDS) {
                throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS + " rounds");
            }
            // lazily checkpointed: the comparison job below computes (and keeps) the round's edges
            Dataset<Row> next = smallStar(largeStar(e)).localCheckpoint(false);
            boolean unchanged = changedEdges(e, next) == 0;
            e = next;
            if (unchanged) {
                break;
            }
        }
        // converged: each component is a star (child -> smallest node); the centre labels itself
        Dataset<Row> parent = e.select(col(A).as("_n"), col(B).as("_p"));
        Dataset<Row> labels = nodes.select(col(NODE)).filter(col(NODE).isNotNull())
                .union(e.select(col(A).as(NODE))).union(e.select(col(B).as(NODE))).distinct()
                .join(parent, col(NODE).equalTo(col("_n")), "left")
                .select(col(NODE), coalesce(col("_p"), col(NODE)).as(COMPONENT));
        return new Result(labels, rounds);
    }

    /** Edges in one set and not in the other (both are distinct sets): one job. */
    static long changedEdges(Dataset<Row> before, Dataset<Row> after) {
        Dataset<Row> b = before.select(col(A).as("_ba"), col(B).as("_bb"));
        return after.join(b, col(A).equalTo(col("_ba")).and(col(B).equalTo(col("_bb"))), "full_outer")
                .filter(col(A).isNull().or(col("_ba").isNull()))
                .count();
    }

    /** Distinct edges as (larger, smaller), self-loops dropped. */
    static Dataset<Row> canonical(Dataset<Row> edges) {
        return edges.filter(col(A).isNotNull().and(col(B).isNotNull()).and(col(A).notEqual(col(B))))
                .select(greatest(col(A), col(B)).as(A), least(col(A), col(B)).as(B))
                .distinct();
    }

    /** Large-star, not deduplicated (small-star's output is): one shuffle, by u. */
    static Dataset<Row> largeStar(Dataset<Row> e) {
        Dataset<Row> both = e.select(col(A).as("u"), col(B).as("v")).union(e.select(col(B).as("u"), col(A).as("v")));
        return both.withColumn("m", least(min("v").over(Window.partitionBy("u")), col("u")))
                .filter(col("v").gt(col("u")))
                .select(col("v").as(A), col("m").as(B));
    }

    /** Small-star on edges (a = larger, b = smaller), then canonical: a shuffle by a, one for distinct. */
    static Dataset<Row> smallStar(Dataset<Row> e) {
        // N(u) = the b's of u's rows; every v in N(u) and u itself are hooked to m = min N(u)
        Dataset<Row> withMin = e.withColumn("m", min(B).over(Window.partitionBy(A)));
        Dataset<Row> hooked = withMin.select(explode(array(col(A), col(B))).as(A), col("m").as(B));
        return canonical(hooked);
    }
}
