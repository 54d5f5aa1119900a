package wengang.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.schemas.OutputFiles;
import wengang.schemas.OutputFiles.OutputFile;
import wengang.testing.CsvFiles;
import wengang.testing.TestSpark;

/**
 * Contract, general rules for outputs: every CSV output starts with exactly one header
 * line, empty or not (an empty adjustments.csv or district payment file once held the
 * header twice, and a reader took the second as a payment line), and only values that
 * need it are quoted.
 */
class CsvOutputTest {
    static final String POLICY_LABEL = "guangzhou-2023@2023.08.02-r1";

    @TempDir
    Path dir;

    @Test
    void everyContractFileHasOneHeaderWhenEmptyAndWhenNot() throws Exception {
        List<OutputFile> files = new ArrayList<>(OutputFiles.ALWAYS);
        files.add(OutputFiles.PAYMENTS);
        for (OutputFile file : files) {
            for (int rows : new int[] {0, 3}) {
                Path target = dir.resolve(rows + "-" + file.fileName().replace("/", "_").replace("<district_code>", "440106"));
                long written = CsvOutput.write(rowsOf(file, rows), file.columns(), List.of(file.columns().get(0)), Location.local(target));
                assertThat(written).isEqualTo(rows);
                List<List<String>> records = CsvFiles.records(target);
                assertThat(records.get(0)).as(target.getFileName().toString()).isEqualTo(file.columns());
                assertThat(CsvFiles.assertOneHeader(target)).as(target.getFileName().toString()).hasSize(rows);
                assertThat(Files.readAllLines(target)).hasSize(rows + 1);
            }
        }
    }

    @Test
    void headerOnlyFileIsOneLine() throws Exception {
        Path f = dir.resolve("adjustments.csv");
        CsvOutput.writeHeaderOnly(OutputFiles.ADJUSTMENTS.columns(), Location.local(f));
        assertThat(Files.readString(f)).isEqualTo(String.join(",", OutputFiles.ADJUSTMENTS.columns()) + "\n");
    }

    @Test
    void onlyValuesThatNeedItAreQuoted() throws Exception {
        List<String> columns = List.of("claim_id", "evidence", "policy_version");
        Path f = dir.resolve("quoting.csv");
        CsvOutput.writeRows(columns, List.of(
                RowFactory.create("C-1", "claims C-1, C-2", POLICY_LABEL),
                RowFactory.create("C-2", "said \"no\"", POLICY_LABEL),
                RowFactory.create("C-3", "months 202301-202303 at 91440106MA5", POLICY_LABEL)).iterator(), Location.local(f));
        assertThat(Files.readAllLines(f)).containsExactly(
                "claim_id,evidence,policy_version",
                "C-1,\"claims C-1, C-2\"," + POLICY_LABEL,
                "C-2,\"said \"\"no\"\"\"," + POLICY_LABEL,
                "C-3,months 202301-202303 at 91440106MA5," + POLICY_LABEL);
        assertThat(CsvFiles.records(f).get(2)).containsExactly("C-2", "said \"no\"", POLICY_LABEL);
    }

    private static Dataset<Row> rowsOf(OutputFile file, int n) {
        StructType schema = new StructType();
        for (String c : file.columns()) {
            schema = schema.add(c, DataTypes.StringType);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] values = new Object[file.columns().size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = file.columns().get(j).equals("policy_version") ? POLICY_LABEL : "v" + i + "_" + j;
            }
            rows.add(RowFactory.create(values));
        }
        return TestSpark.session().createDataFrame(rows, schema);
    }
}
