package wengang.cycle;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wengang.engine.Warehouse;
import wengang.schemas.Columns;
import wengang.schemas.Tables;

/**
 * The cycle's per-person state kept between cycles: {@code silver/person_contributions},
 * every bronze contribution row of the persons any rule can ask about (everyone in the
 * registry or named by a claim), partitioned by fee month. A cycle narrows the
 * contributions to these persons anyway; keeping them means the next cycle reads the
 * registry persons' rows (a few percent of a province) instead of every row, and brings
 * them up to date from what changed:
 *
 * <ul>
 *   <li>fee months whose bronze rows changed since the state was built (a new month,
 *       back-payments, reversals), found through bronze's change data feed, are taken
 *       again from bronze: only those partitions are read and rewritten;</li>
 *   <li>persons new to the registry or the claims bring their rows from every other month
 *       (one pass over bronze, the price of a new person); persons gone are dropped.</li>
 * </ul>
 *
 * The state records, in its commit, the bronze versions it reflects. Anything it cannot
 * follow (an older version asked for, a vacuumed change feed, no state yet) rebuilds it
 * from bronze, which is also what {@code --full-recompute} asks for. Either way the
 * cycle sees the same rows, so its outputs are the same (tested byte for byte).
 */
public final class PersonContributions {
    private static final Logger LOG = LoggerFactory.getLogger(PersonContributions.class);
    static final String TABLE = "person_contributions";
    /** Spark setting: true rebuilds the state from bronze instead of updating it. */
    public static final String FULL_RECOMPUTE = "spark.wengang.cycle.fullRecompute";
    private static final Pattern BUILT_FROM = Pattern.compile("contributions=(\\d+),registry=(\\d+),claims=(\\d+)");

    private PersonContributions() {}

    /** The bronze versions a state reflects (stored as its commit's user metadata). */
    record BuiltFrom(long contributions, long registry, long claims) {
        String text() {
            return "contributions=" + contributions + ",registry=" + registry + ",claims=" + claims;
        }

        static BuiltFrom of(Map<String, Long> versions) {
            return new BuiltFrom(versions.get(Tables.CONTRIBUTIONS.name()), versions.get(Tables.REGISTRY.name()),
                    versions.getOrDefault(Tables.CLAIMS.name(), -1L));
        }
    }

    /** How a cycle got its narrowed contributions (for the log and the tests). */
    public enum How {
        REBUILT("built from bronze"),
        UPDATED("kept state updated"),
        CURRENT("kept state already current"),
        FROM_BRONZE("read from bronze (versions older than the kept state)");

        private final String text;

        How(String text) {
            this.text = text;
        }

        public String text(List<Integer> months) {
            return text + (months.isEmpty() ? "" : ", fee months taken again: " + months);
        }
    }

    /** The state's rows for bronze at {@code versions}, and how they were obtained. */
    public record Result(Dataset<Row> rows, How how, List<Integer> monthsTaken) {}

    /**
     * Contributions of the registry and claims persons at {@code versions}: the kept state,
     * brought up to date (or rebuilt) and read back; or, for versions older than the state
     * (a replay of an old cycle), read from bronze without touching the state.
     */
    public static Result upToDate(SparkSession spark, Warehouse w, Map<String, Long> versions) {
        String path = w.silver(TABLE);
        BuiltFrom target = BuiltFrom.of(versions);
        Dataset<Row> people = people(spark, w, target);
        Dataset<Row> bronze = bronze(spark, w, target);
        boolean full = Boolean.parseBoolean(spark.conf().get(FULL_RECOMPUTE, "false"));
        BuiltFrom stored = full ? null : builtFrom(spark, path);
        if (stored != null && stored.contributions() > target.contributions()) {
            return new Result(narrowed(bronze, people), How.FROM_BRONZE, List.of());
        }
        if (stored == null) {
            write(narrowed(bronze, people), path, null, target);
            return new Result(Warehouse.read(spark, path), How.REBUILT, List.of());
        }
        List<Integer> months;
        Dataset<Row> before;
        try {
            months = changedMonths(spark, w, stored.contributions(), target.contributions());
            before = people(spark, w, stored);
        } catch (RuntimeException e) {
            // a vacuumed change feed or version: the state cannot be followed, so it is built again
            LOG.info("rebuilding {}: cannot follow bronze from {} ({})", TABLE, stored.text(), e.getMessage());
            write(narrowed(bronze, people), path, null, target);
            return new Result(Warehouse.read(spark, path), How.REBUILT, List.of());
        }
        Dataset<Row> newPersons = people.except(before);
        boolean peopleChanged = !newPersons.isEmpty() || !before.except(people).isEmpty();
        if (months.isEmpty() && !peopleChanged) {
            return new Result(Warehouse.read(spark, path), How.CURRENT, months);
        }
        Column inChanged = months.isEmpty() ? org.apache.spark.sql.functions.lit(false)
                : col(Columns.MONTH).isin(months.toArray());
        Dataset<Row> taken = narrowed(bronze.filter(inChanged), people);
        if (!peopleChanged) {
            write(taken, path, monthsCondition(months), target);
        } else {
            Dataset<Row> kept = narrowed(Warehouse.read(spark, path).filter(org.apache.spark.sql.functions.not(inChanged)), people);
            Dataset<Row> joined = narrowed(bronze.filter(org.apache.spark.sql.functions.not(inChanged)), newPersons);
            write(kept.unionByName(taken).unionByName(joined), path, null, target);
        }
        return new Result(Warehouse.read(spark, path), How.UPDATED, months);
    }

    /** Person ids of the registry and of every claim (any scheme, any submission day) at the given versions. */
    static Dataset<Row> people(SparkSession spark, Warehouse w, BuiltFrom at) {
        Dataset<Row> registry = Warehouse.readVersion(spark, w.bronze(Tables.REGISTRY.name()), at.registry())
                .select(Columns.PERSON_ID);
        if (at.claims() < 0) {
            return registry.distinct();
        }
        return registry.union(Warehouse.readVersion(spark, w.bronze(Tables.CLAIMS.name()), at.claims())
                .select(Columns.PERSON_ID)).distinct();
    }

    private static Dataset<Row> bronze(SparkSession spark, Warehouse w, BuiltFrom at) {
        return Warehouse.readVersion(spark, w.bronze(Tables.CONTRIBUTIONS.name()), at.contributions());
    }

    private static Dataset<Row> narrowed(Dataset<Row> contributions, Dataset<Row> people) {
        return contributions.join(org.apache.spark.sql.functions.broadcast(people),
                new String[] {Columns.PERSON_ID}, "left_semi");
    }

    /** Fee months with any changed bronze row between two versions (the change data feed). */
    static List<Integer> changedMonths(SparkSession spark, Warehouse w, long from, long to) {
        if (from == to) {
            return List.of();
        }
        return spark.read().format("delta").option("readChangeFeed", "true")
                .option("startingVersion", from + 1).option("endingVersion", to)
                .load(w.bronze(Tables.CONTRIBUTIONS.name()))
                .select(Columns.MONTH).distinct().collectAsList().stream()
                .map(r -> r.getInt(0)).sorted().toList();
    }

    private static String monthsCondition(List<Integer> months) {
        return "`" + Columns.MONTH + "` IN (" + months.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static void write(Dataset<Row> rows, String path, String replaceWhere, BuiltFrom target) {
        var writer = rows.write().format("delta").mode("overwrite").partitionBy(Columns.MONTH)
                .option("userMetadata", target.text())
                // no column statistics: the table is read whole or by partition
                .option("delta.dataSkippingNumIndexedCols", "0");
        if (replaceWhere != null) {
            writer = writer.option("replaceWhere", replaceWhere);
        } else {
            writer = writer.option("overwriteSchema", "true");
        }
        try {
            writer.save(path);
        } catch (RuntimeException e) {
            // another run of a cycle brought the state to the same versions at the same moment:
            // its rows are the ones this run would write
            if (!wengang.engine.ConcurrentRunException.isConflict(e)
                    || !target.equals(builtFrom(rows.sparkSession(), path))) {
                throw e;
            }
            LOG.info("{} was brought to {} by another run at the same time: using it", TABLE, target.text());
        }
    }

    /** The versions the stored state reflects, or null when there is none (or it says nothing). */
    static BuiltFrom builtFrom(SparkSession spark, String path) {
        if (!Warehouse.exists(path)) {
            return null;
        }
        Row last = DeltaTable.forPath(spark, path).history(1).select("userMetadata").head();
        Matcher m = last.isNullAt(0) ? null : BUILT_FROM.matcher(last.getString(0));
        return m != null && m.matches()
                ? new BuiltFrom(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)))
                : null;
    }
}
