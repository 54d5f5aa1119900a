package wengang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import wengang.engine.Location;
import wengang.output.FileHashes;

/**
 * Recorded SHA-256 of a run's CSV files (src/test/resources/golden/NAME): speed work must not
 * change a byte. A deliberate change of outputs records them again with -Dgolden.update=true,
 * and the diff of the file shows which outputs changed.
 */
public final class GoldenHashes {
    private GoldenHashes() {}

    /** "sha256  relative/path" of every CSV file under {@code out}, sorted by path. */
    public static List<String> ofCsvFiles(Path out) throws IOException {
        try (var files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".csv"))
                    .map(f -> FileHashes.sha256(Location.local(f)) + "  " + out.relativize(f).toString().replace('\\', '/'))
                    .sorted(Comparator.comparing(l -> l.substring(66))).toList();
        }
    }

    /** {@code hashes} equal the recorded ones in {@code golden/<name>} (recorded first with -Dgolden.update=true). */
    public static void assertRecorded(List<String> hashes, String name) throws IOException {
        Path golden = Path.of("src", "test", "resources", "golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, hashes, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("recorded hashes; record them with -Dgolden.update=true").exists();
        assertThat(hashes).isEqualTo(Files.readAllLines(golden, StandardCharsets.UTF_8));
    }
}
