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

    /** A CSV ingest keeps a file's checked rows under _checkpoints/<application id>: a run that died leaves them. */
    @Test
    void intermediateResultsOfARunThatDiedAreRemovedOnceADayOld() throws Exception {
        Warehouse w = new Warehouse(Location.local(dir.resolve("wh-left")));
        spark.range(3).toDF("n").write().format("delta").save(w.bronze("registry"));
        Path dead = dir.resolve("wh-left").resolve("_checkpoints").resolve("local-1").resolve("ingest-contributions-x");
        Path living = dir.resolve("wh-left").resolve("_checkpoints").resolve("local-2").resolve("ingest-claims-y");
        Files.createDirectories(dead);
        Files.createDirectories(living);
        Files.write(dead.resolve("part-0.parquet"), new byte[] {1});
        Files.write(living.resolve("part-0.parquet"), new byte[] {1});
        Files.setLastModifiedTime(dead.getParent(), FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));

        assertThat(Maintenance.run(spark, w, 7, true)).contains(new Maintenance.TableUpkeep("_checkpoints", 1));
        assertThat(dead).as("a dry run removes nothing").exists();
        assertThat(Maintenance.run(spark, w, 7, false)).containsExactly(
                new Maintenance.TableUpkeep("bronze/registry", 0), new Maintenance.TableUpkeep("_checkpoints", 1));
        assertThat(dead.getParent()).doesNotExist();
        assertThat(living).as("a run changed within the day may still be reading it").exists();
    }

    @Test
    void aRetentionShorterThanAWeekIsRefused() {
        assertThatThrownBy(() -> Maintenance.run(spark, new Warehouse(Location.local(dir.resolve("wh"))), 3, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 7 days");
    }
}
