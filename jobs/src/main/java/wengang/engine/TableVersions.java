package wengang.engine;

import io.delta.tables.DeltaTable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/** Delta versions of warehouse tables: what a cycle records so it can be reproduced by time travel. */
public final class TableVersions {
    private TableVersions() {}

    /** The latest version of the Delta table at {@code path}, or -1 when there is none. */
    public static long current(SparkSession spark, String path) {
        if (!Warehouse.exists(path)) {
            return -1;
        }
        return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
    }

    /** Latest versions of the given bronze tables. */
    public static Map<String, Long> bronze(SparkSession spark, Warehouse warehouse, Iterable<String> tables) {
        Map<String, Long> out = new TreeMap<>();
        for (String t : tables) {
            out.put(t, current(spark, warehouse.bronze(t)));
        }
        return out;
    }
}
