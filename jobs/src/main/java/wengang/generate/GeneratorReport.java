package wengang.generate;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import wengang.engine.Location;

/**
 * What a generation wrote: rows per file (tables in contract order, then ground_truth),
 * how many registry-side and insured persons, how many anomaly cases and ground-truth
 * rows, how many bad input rows, and how long it took.
 */
public record GeneratorReport(Location out, String format, long persons, long insured, long seed, Map<String, Long> rows,
                              int anomalyCases, int groundTruthRows, int badRows, Duration elapsed) {
    public GeneratorReport {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** Good rows written for a table (bad input rows not counted). */
    public long rows(String table) {
        Long n = rows.get(table);
        if (n == null) {
            throw new IllegalArgumentException("no table " + table + " in this report");
        }
        return n;
    }

    /** Contribution rows per insured person (registry-side persons and ordinary workers alike). */
    public double contributionRowsPerInsured() {
        return (double) rows("contributions") / insured;
    }

    public String summary() {
        StringBuilder b = new StringBuilder();
        if (insured == persons) {
            b.append(String.format("generated a synthetic Guangdong province: %,d persons, seed %d, %s -> %s%n",
                    persons, seed, format, out));
        } else {
            b.append(String.format("generated a synthetic Guangdong province: %,d insured persons (%,d registry-side = "
                            + "%.1f %%, %,d ordinary workers), seed %d, %s -> %s%n",
                    insured, persons, 100.0 * persons / insured, insured - persons, seed, format, out));
        }
        rows.forEach((table, n) -> b.append(String.format("  %-14s %,13d rows%n", table, n)));
        b.append(String.format("  %.1f contribution rows per insured person (a target of R rows: --insured ≈ R ÷ %.1f)%n",
                contributionRowsPerInsured(), contributionRowsPerInsured()));
        b.append(String.format("  %d anomaly cases, %d ground-truth rows, %d bad input rows%n",
                anomalyCases, groundTruthRows, badRows));
        b.append(String.format("  took %.1f s", elapsed.toMillis() / 1000.0));
        return b.toString();
    }
}
