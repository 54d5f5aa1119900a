package wengang.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.testing.TestSpark;

/**
 * Issue 12, storage: `wengang maintain` keeps every version of the retention period (a
 * recorded cycle can still be replayed) and removes what no version within it reads.
 */
class MaintenanceTest {
    @TempDir
    Path dir;

    final SparkSession spark = TestSpark.session();

    @Test
    void versionsWithinTheRetentionStayReadableAndAStrayFileOlderThanItIsRemoved() throws Exception {
        Warehouse w = new Warehouse(Location.local(dir.resolve("wh")));
        String table = w.bronze("registry");
        spark.range(3).toDF("n").write().format("delta").save(table);
        spark.range(5).toDF("n").write().format("delta").mode("overwrite").save(table);
        // a part file a crashed write left behind, 30 days old: no version reads it
        Path stray = dir.resolve("wh").resolve("bronze").resolve("registry").resolve("part-00000-crashed.snappy.parquet");
        Files.write(stray, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(stray, FileTime.from(Instant.now().minus(30, ChronoUnit.DAYS)));

        List<Maintenance.TableUpkeep> dry = Maintenance.run(spark, w, 7, true);
        assertThat(dry).containsExactly(new Maintenance.TableUpkeep("bronze/registry", 1));
        assertThat(stray).as("a dry run removes nothing").exists();

        List<Maintenance.TableUpkeep> done = Maintenance.run(spark, w, 7, false);
        assertThat(done).containsExactly(new Maintenance.TableUpkeep("bronze/registry", 1));
        assertThat(stray).doesNotExist();
        assertThat(Warehouse.readVersion(spark, table, 0).count()).as("the overwritten version is within the retention")
                .isEqualTo(3);
        Map<String, String> props = io.delta.tables.DeltaTable.forPath(spark, table).detail().select("properties")
                .head().getJavaMap(0);
        assertThat(props).containsEntry("delta.logRetentionDuration", "interval 7 days")
                .containsEntry("delta.deletedFileRetentionDuration", "interval 7 days");
    }

    @Test
    void aRetentionShorterThanAWeekIsRefused() {
        assertThatThrownBy(() -> Maintenance.run(spark, new Warehouse(Location.local(dir.resolve("wh"))), 3, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 7 days");
    }
}
