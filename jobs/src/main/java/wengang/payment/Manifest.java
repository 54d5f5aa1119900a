package wengang.payment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import wengang.engine.Location;

/**
 * payments/manifest.json: what a district office checks before paying. Cycle, policy,
 * the input table versions read, and per file its rows, PAY and HELD totals and SHA-256.
 * No wall-clock time, so a re-run gives the same bytes.
 */
@JsonPropertyOrder({"cycle", "policy", "input_versions", "files", "totals"})
public record Manifest(
        @JsonProperty("cycle") String cycle,
        @JsonProperty("policy") PolicyRef policy,
        @JsonProperty("input_versions") Map<String, Long> inputVersions,
        @JsonProperty("files") List<FileEntry> files,
        @JsonProperty("totals") Totals totals) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Manifest {
        inputVersions = new TreeMap<>(inputVersions);
        files = List.copyOf(files);
    }

    @JsonPropertyOrder({"name", "version", "sha256"})
    public record PolicyRef(@JsonProperty("name") String name, @JsonProperty("version") String version,
                            @JsonProperty("sha256") String sha256) {}

    @JsonPropertyOrder({"file", "district", "rows", "pay_total", "held_total", "sha256"})
    public record FileEntry(@JsonProperty("file") String file, @JsonProperty("district") String district,
                            @JsonProperty("rows") long rows, @JsonProperty("pay_total") BigDecimal payTotal,
                            @JsonProperty("held_total") BigDecimal heldTotal, @JsonProperty("sha256") String sha256) {}

    @JsonPropertyOrder({"files", "rows", "pay_total", "held_total"})
    public record Totals(@JsonProperty("files") int files, @JsonProperty("rows") long rows,
                         @JsonProperty("pay_total") BigDecimal payTotal, @JsonProperty("held_total") BigDecimal heldTotal) {}

    public static Manifest read(Location file) {
        try (java.io.InputStream in = file.open()) {
            return JSON.readValue(in, Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    public byte[] toJson() {
        try {
            byte[] body = JSON.writeValueAsBytes(this);
            byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
            out[body.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
