package wengang.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wengang.ingest.IngestJobTest.CARDS;
import static wengang.ingest.IngestJobTest.CHEN;
import static wengang.ingest.IngestJobTest.CLAIMS;
import static wengang.ingest.IngestJobTest.CONTRIBUTIONS;
import static wengang.ingest.IngestJobTest.EMPLOYERS;
import static wengang.ingest.IngestJobTest.REGISTRY;
import static wengang.ingest.IngestTestData.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.cycle.VerificationCycle;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.output.FaultInjection;
import wengang.testing.TestSpark;

/**
 * Issue 14, consistent snapshots: an ingest that dies after writing some tables is not
 * seen by a cycle, which reads every table at the last complete ingest's version (never new
 * contributions with old claims); the next ingest completes the snapshot, keeping the tables the
 * dead run wrote from the same files (their versions are those of a run that never died).
 */
class ConsistentSnapshotTest {
    @TempDir
    Path dir;

    final SparkSession spark = TestSpark.session();

    @AfterEach
    void noCrash() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    @Test
    void anIngestThatDiesHalfwayIsNotReadAndTheNextOneCompletesTheSnapshot() throws Exception {
        Warehouse wh = new Warehouse(Location.local(dir.resolve("wh")));
        byte[] quotas = IngestJobTest.DEFAULT_QUOTAS.getBytes(StandardCharsets.UTF_8);
        Path in = Files.createDirectories(dir.resolve("in"));
        write(in.resolve("contributions.csv"), CONTRIBUTIONS);
        write(in.resolve("employers.csv"), EMPLOYERS);
        write(in.resolve("registry.csv"), REGISTRY);
        write(in.resolve("cards.csv"), CARDS);
        write(in.resolve("claims.csv"), CLAIMS);
        IngestJob.run(spark, Location.local(in), StandardCharsets.UTF_8, wh, quotas);
        Map<String, Long> complete = VerificationCycle.currentVersions(spark, wh);

        // next month: new contributions and a new claim; the run dies after the contributions
        write(in.resolve("contributions.csv"), CONTRIBUTIONS + CONTRIBUTIONS.lines().skip(1).findFirst().orElseThrow()
                .replace("202304", "202306").replace("2023-04-15", "2023-06-15") + "\n");
        write(in.resolve("claims.csv"), CLAIMS + "C2,LIVING," + CHEN + "," + CHEN + ",440106,CITY_2023,202306,202306,2023-07-01,,,\n");
        System.setProperty(FaultInjection.PROPERTY, "ingest-after-contributions");
        assertThatThrownBy(() -> IngestJob.run(spark, Location.local(in), StandardCharsets.UTF_8, wh, quotas))
                .isInstanceOf(FaultInjection.SimulatedCrash.class);
        System.clearProperty(FaultInjection.PROPERTY);

        long dead = IngestJob.currentVersions(spark, wh).get("contributions");
        assertThat(dead).as("the dead run wrote the contributions").isGreaterThan(complete.get("contributions"));
        assertThat(VerificationCycle.currentVersions(spark, wh)).as("a cycle reads the last complete snapshot")
                .isEqualTo(complete);

        IngestJob.run(spark, Location.local(in), StandardCharsets.UTF_8, wh, quotas);
        Map<String, Long> next = VerificationCycle.currentVersions(spark, wh);
        assertThat(next.get("contributions")).as("the dead run's commit of the same file is kept, not made again")
                .isEqualTo(dead);
        assertThat(next.get("claims")).isGreaterThan(complete.get("claims"));
        assertThat(next.get("employers")).isEqualTo(complete.get("employers"));
        assertThat(Warehouse.readVersion(spark, wh.bronze("claims"), next.get("claims")).count()).isEqualTo(2);
    }
}
