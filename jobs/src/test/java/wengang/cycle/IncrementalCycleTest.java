package wengang.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.generate.GeneratorOptions;
import wengang.generate.IncrementSplit;
import wengang.generate.ProvinceGenerator;
import wengang.ingest.IngestJob;
import wengang.schemas.Columns;
import wengang.schemas.Tables;
import wengang.testing.CycleHarness;
import wengang.testing.GoldenHashes;
import wengang.testing.TestSpark;

/**
 * Issue 12: a new month's cycle that updates the kept per-person state
 * ({@link PersonContributions}) writes the same files, byte for byte, as a full recompute
 * from bronze. The month brings a new fee month, back-payments of the two months before
 * (OWED rows replaced by PAID ones) and a registry change (a person arriving, a status
 * period closed): {@link IncrementSplit}.
 */
class IncrementalCycleTest {
    private static final int MONTH = 202312;
    private static final int NEXT_CYCLE = 202401;

    @TempDir
    Path dir;

    final SparkSession spark = TestSpark.session();

    @Test
    void aNewMonthsCycleOnTheKeptStateWritesTheSameFilesAsAFullRecompute() throws IOException {
        Path complete = dir.resolve("complete");
        ProvinceGenerator.generate(spark, new GeneratorOptions(100, 400, 12, complete, GeneratorOptions.PARQUET));
        IncrementSplit.write(spark, Location.local(complete), MONTH, Location.local(dir.resolve("snapshot")),
                Location.local(dir.resolve("increment-" + MONTH)));

        Warehouse incremental = new Warehouse(Location.local(dir.resolve("wh")));
        IngestJob.run(spark, Location.local(dir.resolve("snapshot")), StandardCharsets.UTF_8, incremental);
        VerificationCycle.run(spark, incremental, CycleHarness.policy(), MONTH, Location.local(dir.resolve("out-" + MONTH)), null);
        assertThat(PersonContributions.builtFrom(spark, incremental.silver(PersonContributions.TABLE)))
                .as("the first cycle built the state").isNotNull();
        IngestJob.run(spark, Location.local(dir.resolve("increment-" + MONTH)), StandardCharsets.UTF_8, incremental,
                IngestJob.defaultQuotasFile(), true);
        // the same warehouse, state and all, for the full recompute
        Warehouse full = new Warehouse(Location.local(dir.resolve("wh-full")));
        copy(dir.resolve("wh"), dir.resolve("wh-full"));

        Map<String, Long> versions = VerificationCycle.currentVersions(spark, incremental);
        PersonContributions.Result updated = PersonContributions.upToDate(spark, incremental, versions);
        assertThat(updated.how()).isEqualTo(PersonContributions.How.UPDATED);
        assertThat(updated.monthsTaken()).as("the new month and the two back-paid ones").containsExactly(202310, 202311, 202312);
        long arriving = updated.rows().filter(functions.col(Columns.MONTH).lt(202310))
                .join(spark.read().parquet(dir.resolve("increment-" + MONTH).resolve("registry.parquet").toString())
                        .select(Columns.PERSON_ID).distinct(), Columns.PERSON_ID).count();
        assertThat(arriving).as("the arriving person's history came from bronze").isPositive();
        Path outIncremental = dir.resolve("out-incremental");
        VerificationCycle.run(spark, incremental, CycleHarness.policy(), NEXT_CYCLE, Location.local(outIncremental), null);
        assertThat(PersonContributions.upToDate(spark, incremental, versions).how())
                .isEqualTo(PersonContributions.How.CURRENT);

        Path outFull = dir.resolve("out-full");
        spark.conf().set(PersonContributions.FULL_RECOMPUTE, "true");
        try {
            VerificationCycle.run(spark, full, CycleHarness.policy(), NEXT_CYCLE, Location.local(outFull), null);
        } finally {
            spark.conf().unset(PersonContributions.FULL_RECOMPUTE);
        }

        List<String> fromState = GoldenHashes.ofCsvFiles(outIncremental);
        assertThat(fromState).as("the cycle wrote its files").hasSizeGreaterThan(10);
        assertThat(fromState).isEqualTo(GoldenHashes.ofCsvFiles(outFull));
        assertThat(Warehouse.read(spark, incremental.silver(PersonContributions.TABLE)).exceptAll(
                Warehouse.read(spark, full.silver(PersonContributions.TABLE))).isEmpty())
                .as("the updated state holds the rows a rebuild holds").isTrue();
        assertThat(Warehouse.read(spark, incremental.silver(PersonContributions.TABLE)).count())
                .isEqualTo(Warehouse.read(spark, full.silver(PersonContributions.TABLE)).count());
        assertThat(Warehouse.read(spark, incremental.bronze(Tables.CONTRIBUTIONS.name()))
                .filter(functions.col(Columns.MONTH).equalTo(MONTH)).isEmpty()).isFalse();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
