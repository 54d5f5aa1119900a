package wengang.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Warehouse;
import wengang.generate.GeneratorOptions;
import wengang.generate.ProvinceGenerator;
import wengang.ingest.IngestJob;
import wengang.output.FileHashes;
import wengang.testing.CycleHarness;
import wengang.testing.TestSpark;

/**
 * Speed work must not change a byte (issue 11): a province of the benchmark's shape (7 % of
 * the insured in the registry, the rest ordinary workers who never claim), generated as
 * Parquet like the harness's, ingested and run through one payment cycle by the job itself.
 * The SHA-256 of every CSV file it writes equals the recorded one
 * (src/test/resources/golden/benchmark-province-outputs.sha256, recorded with the code before
 * the ingest and cycle speed-ups of 2026-12-01). A deliberate change of outputs records them
 * again with -Dgolden.update=true; the diff of that file shows which outputs changed.
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
        Warehouse w = new Warehouse(dir.resolve("wh"));
        IngestJob.run(TestSpark.session(), input, StandardCharsets.UTF_8, w);
        Path out = dir.resolve("out");
        VerificationCycle.run(TestSpark.session(), w, CycleHarness.policy(), CYCLE, out, null);

        List<String> hashes;
        try (var files = Files.walk(out)) {
            hashes = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".csv"))
                    .map(f -> FileHashes.sha256(f) + "  " + out.relativize(f).toString().replace('\\', '/'))
                    .sorted(Comparator.comparing(l -> l.substring(66))).toList();
        }
        assertThat(hashes).as("the cycle wrote its files").hasSizeGreaterThan(10);
        Path golden = Path.of("src", "test", "resources", "golden", "benchmark-province-outputs.sha256");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, hashes, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("recorded hashes; record them with -Dgolden.update=true").exists();
        assertThat(hashes).isEqualTo(Files.readAllLines(golden, StandardCharsets.UTF_8));
    }
}
