package wengang.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import wengang.output.CsvOutput;
import wengang.schemas.TableSpec;
import wengang.schemas.Tables;

/** Writes a {@link Fixture} as an input folder of contract CSV files, as a data centre would deliver it. */
public final class InputFolder {
    private InputFolder() {}

    public static Path write(Fixture f, Path dir) throws IOException {
        SparkSession spark = TestSpark.session();
        Files.createDirectories(dir);
        write(f.contributions(spark), Tables.CONTRIBUTIONS, dir);
        write(f.employers(spark), Tables.EMPLOYERS, dir);
        write(f.registry(spark), Tables.REGISTRY, dir);
        write(f.claims(spark), Tables.CLAIMS, dir);
        write(f.cards(spark), Tables.CARDS, dir);
        if (!f.quotas(spark).isEmpty()) {
            write(f.quotas(spark), Tables.QUOTAS, dir);
        }
        return dir;
    }

    private static void write(Dataset<Row> rows, TableSpec table, Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", table.columnNames()));
        for (Row r : rows.orderBy("source_line").collectAsList()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                String v = CsvOutput.format(r.get(i));
                fields.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            lines.add(String.join(",", fields));
        }
        Files.write(dir.resolve(table.name() + ".csv"), lines, StandardCharsets.UTF_8);
    }
}
