package wengang.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to generate: how many persons (scripted anomaly persons included), the seed
 * (same seed, same bytes), the output folder and the format (csv or parquet). Checked
 * here, where they are set.
 */
public record GeneratorOptions(long persons, long seed, Path out, String format) {
    public static final String CSV = "csv";
    public static final String PARQUET = "parquet";
    public static final List<String> FORMATS = List.of(CSV, PARQUET);
    /** Persons the scripted anomaly cases need, plus room for some background. */
    public static final long MIN_PERSONS = 50;
    /** The resident-ID bijection numbers about 14 million persons; stay well inside it. */
    public static final long MAX_PERSONS = 10_000_000;

    public GeneratorOptions {
        Objects.requireNonNull(out, "--out is required");
        if (persons < MIN_PERSONS) {
            throw new IllegalArgumentException("--persons must be at least " + MIN_PERSONS + " (the injected anomaly cases use "
                    + AnomalyCases.PERSONS + " scripted persons and need background around them), got " + persons);
        }
        if (persons > MAX_PERSONS) {
            throw new IllegalArgumentException("--persons must be at most " + MAX_PERSONS + ", got " + persons);
        }
        format = format == null ? CSV : format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("--format must be csv or parquet, got '" + format + "'");
        }
    }

    public boolean csv() {
        return CSV.equals(format);
    }
}
