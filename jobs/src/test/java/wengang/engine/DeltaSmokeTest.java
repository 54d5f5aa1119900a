package wengang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.testing.TestSpark;

/** The embedded engine writes and time-travels a Delta table (the warehouse's foundation). */
class DeltaSmokeTest {
    @TempDir
    Path dir;

    @Test
    void writesTwoVersionsAndReadsTheFirstBack() {
        SparkSession spark = TestSpark.session();
        String path = dir.resolve("t").toString();
        spark.range(3).write().format("delta").save(path);
        spark.range(5).write().format("delta").mode("overwrite").save(path);
        assertThat(spark.read().format("delta").load(path).count()).isEqualTo(5);
        assertThat(spark.read().format("delta").option("versionAsOf", 0).load(path).count()).isEqualTo(3);
    }
}
