package wengang.engine;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Storage upkeep of a warehouse: every Delta table keeps the versions of the retention
 * period and no older ones. Each table is given the retention as its log and deleted-file
 * retention (so Delta's own log clean-up keeps the same period), then vacuumed: files that
 * no version of the period reads are removed. Every cycle recorded within the period stays
 * reproducible ({@code verify --replay}: time travel to the versions it read); older ones
 * are not, which {@code verify --replay} then says. The intermediate results a run that died left
 * under {@code _checkpoints} (a day old) are removed too.
 */
public final class Maintenance {
    /** Spark setting (conf/wengang.conf) holding the retention in days. */
    public static final String RETENTION_DAYS = "spark.wengang.maintain.retentionDays";
    /** Delta refuses to vacuum with less than a week's retention (readers of recent versions). */
    public static final int MIN_RETENTION_DAYS = 7;
    /** How long a run's folder of intermediate results stays unchanged before it counts as left over. */
    static final java.time.Duration LEFT_OVER_AFTER = java.time.Duration.ofDays(1);
    private static final List<String> LAYERS = List.of("bronze", "silver", "gold", "meta");

    private Maintenance() {}

    /** What maintenance did to one table (or, dry, would do). */
    public record TableUpkeep(String table, long filesRemoved) {}

    /**
     * @param dryRun only count the files that would go
     * @throws IllegalArgumentException when the retention is shorter than {@link #MIN_RETENTION_DAYS}
     */
    public static List<TableUpkeep> run(SparkSession spark, Warehouse w, int retentionDays, boolean dryRun) {
        if (retentionDays < MIN_RETENTION_DAYS) {
            throw new IllegalArgumentException("retention of " + retentionDays + " days is too short: at least "
                    + MIN_RETENTION_DAYS + " days (Delta refuses less; a cycle's replay needs its versions)");
        }
        String interval = "interval " + retentionDays + " days";
        List<TableUpkeep> out = new ArrayList<>();
        for (Location table : tables(w)) {
            String path = table.uri();
            String name = w.root().relativeName(table);
            Map<String, String> props = DeltaTable.forPath(spark, path).detail().select("properties").head().getJavaMap(0);
            if (!dryRun && (!interval.equals(props.get("delta.logRetentionDuration"))
                    || !interval.equals(props.get("delta.deletedFileRetentionDuration")))) {
                spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES ('delta.logRetentionDuration' = '"
                        + interval + "', 'delta.deletedFileRetentionDuration' = '" + interval + "')");
            }
            long hours = retentionDays * 24L;
            long removable = spark.sql("VACUUM delta.`" + path + "` RETAIN " + hours + " HOURS DRY RUN").count();
            if (!dryRun && removable > 0) {
                spark.sql("VACUUM delta.`" + path + "` RETAIN " + hours + " HOURS").collectAsList();
            }
            out.add(new TableUpkeep(name, removable));
        }
        long leftOver = leftOverResults(w, dryRun, System.currentTimeMillis());
        if (leftOver > 0) {
            out.add(new TableUpkeep(Materialised.CHECKPOINTS, leftOver));
        }
        return out;
    }

    /**
     * Files of the intermediate results ({@link Materialised}) of runs that died, removed (or, dry,
     * counted): every {@code _checkpoints/<application id>} folder unchanged for {@link #LEFT_OVER_AFTER}
     * (a living run adds or removes its results within minutes; an ingest's hold a file's rows).
     */
    static long leftOverResults(Warehouse w, boolean dryRun, long now) {
        long files = 0;
        for (Location run : w.root().resolve(Materialised.CHECKPOINTS).list()) {
            if (now - run.modifiedAt() >= LEFT_OVER_AFTER.toMillis()) {
                files += run.files().size();
                if (!dryRun) {
                    run.delete();
                }
            }
        }
        return files;
    }

    /** Every Delta table of the warehouse (a folder with a _delta_log), by layer and name. */
    static List<Location> tables(Warehouse w) {
        List<Location> out = new ArrayList<>();
        for (String layer : LAYERS) {
            for (Location t : w.root().resolve(layer).list()) {
                if (t.resolve("_delta_log").isDirectory()) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
