package wengang.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;

/**
 * Issue 14, the previous outputs stay as they were when a write fails: a file whose write fails
 * halfway (a full disk) leaves the file of that name and no temporary file; a run's outputs are
 * published as one set, so a failure after some of them were written leaves every previous one.
 */
class StagedOutputsTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path file = Files.writeString(dir.resolve("claim_decisions.csv"), "old\n");
        assertThatThrownBy(() -> Published.file(Location.local(file), out -> {
            out.write("new rows, half of them".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("No space left on device");
        assertThat(tree(dir)).containsExactly(Map.entry("claim_decisions.csv", "old\n"));
    }

    @Test
    void aSetThatFailsHalfwayLeavesEveryPreviousOutputAndAPublishedOneReplacesThem() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("payments"));
        Files.writeString(out.resolve("claim_decisions.csv"), "old decisions\n");
        Files.writeString(out.resolve("report.html"), "old report\n");
        Files.writeString(out.resolve("payments/440106.csv"), "old payments\n");
        Files.writeString(out.resolve("payments/440104.csv"), "old payments of a district the new set does not have\n");
        Files.writeString(out.resolve("payments/manifest.json"), "old manifest\n");
        Files.createDirectories(out.resolve("warehouse"));
        Files.writeString(out.resolve("warehouse/kept.txt"), "not an output\n");
        Map<String, String> before = tree(out);

        StagedOutputs failing = StagedOutputs.open(Location.local(out));
        Published.bytes(failing.folder().resolve("claim_decisions.csv"), "new decisions\n".getBytes(StandardCharsets.UTF_8));
        Published.bytes(failing.folder().resolve("payments/440106.csv"), "new payments\n".getBytes(StandardCharsets.UTF_8));
        UncheckedIOException full = new UncheckedIOException("cannot write " + failing.folder().resolve("report.html")
                + ": No space left on device", new IOException("No space left on device"));
        failing.discard(full);
        assertThat(failing.failed(full)).hasMessageStartingWith("cannot write the outputs to " + Location.local(out)
                + " (nothing there was replaced): cannot write ");
        assertThat(tree(out)).as("nothing replaced, nothing left behind").isEqualTo(before);

        StagedOutputs next = StagedOutputs.open(Location.local(out));
        Published.bytes(next.folder().resolve("claim_decisions.csv"), "new decisions\n".getBytes(StandardCharsets.UTF_8));
        Published.bytes(next.folder().resolve("payments/440106.csv"), "new payments\n".getBytes(StandardCharsets.UTF_8));
        Published.bytes(next.folder().resolve("payments/manifest.json"), "new manifest\n".getBytes(StandardCharsets.UTF_8));
        next.publish();
        assertThat(tree(out)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "claim_decisions.csv", "new decisions\n",
                "report.html", "old report\n", // not written by this run: kept
                "payments/440106.csv", "new payments\n",
                "payments/manifest.json", "new manifest\n", // the set replaced as a whole
                "warehouse/kept.txt", "not an output\n"));
    }

    @Test
    void anOutputFolderBelowAFileIsRefusedInOneLineSayingWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> StagedOutputs.open(Location.local(file.resolve("out"))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write the output folder " + file.resolve("out") + ": ")
                .hasMessageEndingWith(". Give an output folder (--out) this user can create and write; nothing was written to it");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    /** Every file under {@code root} (hidden ones too) with its text. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }
}
