package wengang.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wengang.ingest.IngestTestData.badChecksum;
import static wengang.ingest.IngestTestData.credit;
import static wengang.ingest.IngestTestData.id;
import static wengang.ingest.IngestTestData.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.testing.TestSpark;

/**
 * Monthly increments (docs/contract.md "Increments"): rows merged by key into bronze,
 * a late payment updating the OWED row, a reversal the PAID one, a new month a new
 * partition, and re-ingesting the same increment changing nothing.
 */
class IncrementIngestTest {
    static final String CHEN = id("52052419900101123");
    static final String HUANG = id("52242519880512004");
    static final String FACTORY = credit("91440106MA5C00002");
    static final String HEADER = "person_id,name,employer_id,user_unit_id,region_code,month,insurance_type,"
            + "base,personal_amount,employer_amount,pay_status,paid_on,staff_type\n";

    static String row(String person, int month, String status, String paidOn) {
        return person + ",某人," + FACTORY + ",,440100," + month + ",110,5000.00,400.00,800.00," + status + ","
                + paidOn + ",REGULAR\n";
    }

    static final String SNAPSHOT = HEADER
            + row(CHEN, 202303, "PAID", "2023-03-15")
            + row(CHEN, 202304, "PAID", "2023-04-15")
            + row(CHEN, 202305, "OWED", "")
            + row(HUANG, 202305, "PAID", "2023-05-15");
    /** Next month, a late payment of May, a reversal of April, one bad row. */
    static final String INCREMENT = HEADER
            + row(CHEN, 202306, "PAID", "2023-06-15")
            + row(CHEN, 202305, "PAID", "2023-06-20")
            + row(CHEN, 202304, "REVERSED", "")
            + row(badChecksum(HUANG), 202306, "PAID", "2023-06-15");
    static final String EMPLOYERS = "employer_id,name,registered_district,unit_type,dispatch_licensed,bank_account\n"
            + FACTORY + ",广州某电子厂,440106,ENTERPRISE,N,6222000011110001\n";
    static final String REGISTRY_HEADER = "person_id,name,household_county,status,status_from,status_to,removal_reason\n";
    static final String REGISTRY = REGISTRY_HEADER
            + CHEN + ",陈明,520524,ALLEVIATED,2020-01-01,,\n"
            + HUANG + ",黄丽,522701,ALLEVIATED,2020-01-01,,\n";
    static final String CARDS = "person_id,card_no,financial_enabled,status,activated_on\n" + CHEN + ",C001,Y,ACTIVE,\n";

    @TempDir
    Path dir;

    final SparkSession spark = TestSpark.session();

    @Test
    void anIncrementReplacesTheRowsWithItsKeysAndRewritesOnlyTheMonthsItTouches() throws Exception {
        Warehouse wh = new Warehouse(Location.local(dir.resolve("wh")));
        Path snapshot = Files.createDirectories(dir.resolve("2023-06"));
        write(snapshot.resolve("contributions.csv"), SNAPSHOT);
        write(snapshot.resolve("employers.csv"), EMPLOYERS);
        write(snapshot.resolve("registry.csv"), REGISTRY);
        write(snapshot.resolve("cards.csv"), CARDS);
        IngestJob.run(spark, Location.local(snapshot), StandardCharsets.UTF_8, wh,
                IngestJobTest.DEFAULT_QUOTAS.getBytes(StandardCharsets.UTF_8));
        String marchFile = fileOfMonth(wh, 202303);
        Map<String, Long> before = IngestJob.currentVersions(spark, wh);

        Path increment = Files.createDirectories(dir.resolve("increment-2023-07"));
        write(increment.resolve("contributions.csv"), INCREMENT);
        // Huang's alleviated period ended: the row with the same key, status_to filled in
        write(increment.resolve("registry.csv"), REGISTRY_HEADER + HUANG + ",黄丽,522701,ALLEVIATED,2020-01-01,2023-06-30,OTHER\n");
        IngestReport merged = IngestJob.run(spark, Location.local(increment), StandardCharsets.UTF_8, wh, new byte[0], true);

        FileIngest c = merged.file("contributions");
        assertThat(c.file()).isEqualTo("increment-2023-07/contributions.csv");
        assertThat(List.of(c.rowsRead(), c.rowsAccepted(), c.rowsRejected())).containsExactly(4L, 3L, 1L);
        assertThat(merged.files()).extracting(FileIngest::table).as("tables absent from an increment are left alone")
                .containsExactly("contributions", "registry");
        assertThat(statusByMonth(wh, CHEN)).containsExactly(
                "202303 PAID", "202304 REVERSED", "202305 PAID 2023-06-20", "202306 PAID");
        assertThat(Warehouse.read(spark, wh.bronze("contributions")).filter(col("person_id").equalTo(CHEN))
                .orderBy("month").collectAsList()).extracting(r -> r.getAs("source_file") + ":" + r.getAs("source_line"))
                .as("every row names the delivery and line it came from").containsExactly("contributions.csv:2",
                        "increment-2023-07/contributions.csv:4", "increment-2023-07/contributions.csv:3",
                        "increment-2023-07/contributions.csv:2");
        assertThat(statusByMonth(wh, HUANG)).as("other persons of a touched month kept").containsExactly("202305 PAID 2023-05-15");
        assertThat(Warehouse.read(spark, wh.bronze("registry")).filter(col("person_id").equalTo(HUANG))
                .select("status_to").head().get(0)).hasToString("2023-06-30");
        assertThat(Warehouse.read(spark, wh.bronze("registry")).count()).isEqualTo(2);
        assertThat(fileOfMonth(wh, 202303)).as("a month the increment does not name is not rewritten").isEqualTo(marchFile);
        assertThat(IngestJob.currentVersions(spark, wh).get("employers")).isEqualTo(before.get("employers"));
        assertThat(RejectsTable.read(spark, wh).collectAsList()).extracting(r -> r.getAs("file") + ":" + r.getAs("line")
                + ":" + r.getAs("reason")).containsExactly("increment-2023-07/contributions.csv:5:BAD_ID");

        // the same increment again: nothing changes, not even a version
        Map<String, Long> afterFirst = IngestJob.currentVersions(spark, wh);
        IngestReport again = IngestJob.run(spark, Location.local(increment), StandardCharsets.UTF_8, wh, new byte[0], true);
        assertThat(again.files()).allSatisfy(f -> assertThat(f.changed()).isFalse());
        assertThat(IngestJob.currentVersions(spark, wh)).isEqualTo(afterFirst);
        assertThat(statusByMonth(wh, CHEN)).hasSize(4);
    }

    @Test
    void anIncrementFolderWithoutAnyTableIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path increment = Files.createDirectories(dir.resolve("empty-increment"));
        write(increment.resolve("notes.txt"), "nothing\n");
        Warehouse wh = new Warehouse(Location.local(dir.resolve("wh")));
        assertThatThrownBy(() -> IngestJob.run(spark, Location.local(increment), StandardCharsets.UTF_8, wh, new byte[0], true))
                .isInstanceOf(InputContractException.class)
                .hasMessageContaining("holds no table file");
        assertThat(wh.root().exists()).isFalse();
    }

    private List<String> statusByMonth(Warehouse wh, String person) {
        return Warehouse.read(spark, wh.bronze("contributions")).filter(col("person_id").equalTo(person))
                .orderBy("month").collectAsList().stream()
                .map(r -> r.getAs("month") + " " + r.getAs("pay_status")
                        + (r.getAs("month").equals(202305) && r.getAs("paid_on") != null ? " " + r.getAs("paid_on") : ""))
                .toList();
    }

    private String fileOfMonth(Warehouse wh, int month) {
        List<Row> files = Warehouse.read(spark, wh.bronze("contributions")).filter(col("month").equalTo(month))
                .select(input_file_name()).distinct().collectAsList();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getString(0)).contains("month=" + month);
        return files.get(0).getString(0);
    }
}
