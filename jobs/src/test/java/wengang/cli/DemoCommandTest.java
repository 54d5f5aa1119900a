package wengang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's closing text names the folders the cycles wrote to (no Spark). */
class DemoCommandTest {

    @Test
    void theClosingTextNamesEachCyclesFolder(@TempDir Path dir) throws IOException {
        Path january = Files.createDirectories(dir.resolve("out/2024-01"));
        Files.createDirectories(january.resolve("payments"));
        Path february = Files.createDirectories(dir.resolve("out/2024-02"));

        String text = DemoCommand.closingText(List.of(january, february));

        List<String> lines = text.lines().toList();
        assertThat(lines.get(1)).isEqualTo("  " + january + "  (payment cycle: payments/<district>.csv)");
        assertThat(lines.get(2)).isEqualTo("  " + february);
        assertThat(text).contains("claim_decisions.csv").doesNotContain(dir.resolve("out") + ":");
        assertThat(DemoCommand.reportText(List.of(january, february)))
                .endsWith(february.toAbsolutePath().resolve("report.html").toString());
    }
}
