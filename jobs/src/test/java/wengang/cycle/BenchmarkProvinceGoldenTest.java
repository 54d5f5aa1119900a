package wengang.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.generate.GeneratorOptions;
import wengang.generate.ProvinceGenerator;
import wengang.ingest.IngestJob;
import wengang.testing.CycleHarness;
import wengang.testing.GoldenHashes;
import wengang.testing.TestSpark;

/**
 * Speed work must not change a byte (issue 11): a province of the benchmark's shape (7 % of
 * the insured in the registry, the rest ordinary workers who never claim), generated as
 * Parquet like the harness's, ingested and run through one payment cycle by the job itself.
 * The SHA-256 of every CSV file it writes equals the recorded one
 * (src/test/resources/golden/benchmark-province-outputs.sha256, recorded with the code before
 * the ingest and cycle speed-ups of 2026-12-01; {@link GoldenHashes}).
 */
class BenchmarkProvinceGoldenTest {
    private static final long PERSONS = 100;
    private static final long INSURED = 1_400;
    private static final long SEED = 11;
    private static final int CYCLE = 202401;

    @TempDir
    Path dir;

    @Test
    void everyOutputOfABenchmarkShapedProvinceIsByteIdenticalToTheRecordedOne() throws IOException {
        Path input = dir.resolve("in");
        ProvinceGenerator.generate(TestSpark.session(),
                new GeneratorOptions(PERSONS, INSURED, SEED, input, GeneratorOptions.PARQUET));
        Warehouse w = new Warehouse(Location.local(dir.resolve("wh")));
        IngestJob.run(TestSpark.session(), Location.local(input), StandardCharsets.UTF_8, w);
        Path out = dir.resolve("out");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), CYCLE, Location.local(out), null);

        List<String> hashes = GoldenHashes.ofCsvFiles(out);
        assertThat(hashes).as("the cycle wrote its files").hasSizeGreaterThan(10);
        GoldenHashes.assertRecorded(hashes, "benchmark-province-outputs.sha256");
    }
}
