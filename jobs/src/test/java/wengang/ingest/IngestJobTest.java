package wengang.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wengang.ingest.IngestTestData.badChecksum;
import static wengang.ingest.IngestTestData.credit;
import static wengang.ingest.IngestTestData.id;
import static wengang.ingest.IngestTestData.write;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wengang.engine.Location;
import wengang.engine.Warehouse;
import wengang.schemas.Tables;
import wengang.testing.TestSpark;

/** Whole ingests into a Delta warehouse: versions, rejects, ingest_runs, idempotence. */
class IngestJobTest {
    static final String CHEN = id("52052419900101123");
    static final String HUANG = id("52242519880512004");
    static final String AGENCY = credit("91440101MA5C00001");
    static final String FACTORY = credit("91440106MA5C00002");

    static final String CONTRIBUTIONS = "person_id,name,employer_id,user_unit_id,region_code,month,insurance_type,"
            + "base,personal_amount,employer_amount,pay_status,paid_on,staff_type\n"
            + CHEN + ",陈明," + FACTORY + ",,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR\n"
            + badChecksum(HUANG) + ",黄丽," + FACTORY + ",,440100,202304,110,5000.00,400.00,800.00,PAID,2023-04-15,REGULAR\n"
            + CHEN + ",陈明," + FACTORY + ",,440100,202305,110,5000.00,400.00,800.00,PAID,2023-05-15,REGULAR\n"
            + CHEN + ",陈明," + FACTORY + ",,440100,202305,110,5000.00,400.00,800.00,PAID,2023-05-15,REGULAR\n";
    static final String EMPLOYERS = "employer_id,name,registered_district,unit_type,dispatch_licensed,bank_account\n"
            + FACTORY + ",广州某电子厂,440106,ENTERPRISE,N,6222000011110001\n"
            + AGENCY + ",广州某劳务派遣公司,440111,ENTERPRISE,Y,6222000011110002\n";
    static final String REGISTRY = "person_id,name,household_county,status,status_from,status_to,removal_reason\n"
            + CHEN + ",陈明,520524,ALLEVIATED,2020-01-01,,\n"
            + HUANG + ",黄丽,522701,ALLEVIATED,2020-01-01,,\n";
    static final String CARDS = "person_id,card_no,financial_enabled,status,activated_on\n"
            + CHEN + ",C001,Y,ACTIVE,\n"
            + HUANG + ",C002,Y,STOLEN,\n";
    static final String CLAIMS = "claim_id,subsidy,person_id,claimant_id,district,scheme,period_from,period_to,"
            + "submitted_on,amount_claimed,training_hours,training_days\n"
            + "C1,SI_SUBSIDY," + CHEN + "," + CHEN + ",440106,CITY_2023,202304,202305,2023-06-01,,,\n";
    static final String DEFAULT_QUOTAS = "year,region_code,region_name,target_10k,target_persons,source\n"
            + "2023,440100,广州市,1.00,10000,test\n"
            + "2023,440000,广东省,9.00,90000,test\n";

    @TempDir
    Path dir;

    final SparkSession spark = TestSpark.session();

    @Test
    void ingestsASnapshotThenAddsNothingForTheSameFolderAndANewVersionForAChangedFile() {
        Path input = folder("in", CONTRIBUTIONS, EMPLOYERS, REGISTRY, CARDS, StandardCharsets.UTF_8);
        Warehouse wh = new Warehouse(Location.local(dir.resolve("wh")));

        // 1. first snapshot: no claims, no quotas
        IngestReport first = IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, wh, defaultQuotas());

        FileIngest contributions = first.file("contributions");
        assertThat(contributions.file()).isEqualTo("contributions.csv");
        assertThat(contributions.format()).isEqualTo("csv");
        assertThat(List.of(contributions.rowsRead(), contributions.rowsAccepted(), contributions.rowsRejected()))
                .containsExactly(4L, 2L, 2L);
        assertThat(contributions.rejectReasons()).containsOnly(Map.entry("BAD_ID", 1L), Map.entry("DUPLICATE_ROW", 1L));
        assertThat(first.files()).allSatisfy(f -> {
            assertThat(f.rowsRead()).isEqualTo(f.rowsAccepted() + f.rowsRejected());
            assertThat(f.changed()).isTrue();
        });
        assertThat(first.files()).extracting(FileIngest::table).containsExactly(
                "contributions", "employers", "registry", "claims", "cards", "quotas");
        assertThat(first.files()).extracting(FileIngest::rowsRead).containsExactly(4L, 2L, 2L, 0L, 2L, 2L);
        assertThat(first.file("claims").format()).as("missing claims: an empty version").isEqualTo("none");
        assertThat(Warehouse.read(spark, wh.bronze("claims")).count()).isZero();
        assertThat(first.file("quotas").format()).as("missing quotas: the default file").isEqualTo("default");
        assertThat(first.file("quotas").rowsAccepted()).isEqualTo(2);
        assertThat(Warehouse.read(spark, wh.bronze("quotas")).columns())
                .containsExactly("year", "region_code", "region_name", "target_persons", "source_line", "source_file");

        Dataset<Row> bronze = Warehouse.read(spark, wh.bronze("contributions"));
        StructType expected = Tables.CONTRIBUTIONS.schema().add("source_line", DataTypes.LongType)
                .add("source_file", DataTypes.StringType);
        assertThat(Arrays.stream(bronze.schema().fields()).map(f -> f.name() + ":" + f.dataType().simpleString()))
                .containsExactlyElementsOf(Arrays.stream(expected.fields())
                        .map(f -> f.name() + ":" + f.dataType().simpleString()).toList());
        assertThat(bronze.orderBy("source_line").collectAsList()).extracting(r -> r.getAs("source_line"))
                .containsExactly(2L, 4L);

        List<Row> rejects = RejectsTable.read(spark, wh).orderBy("table", "line").collectAsList();
        assertThat(rejects).extracting(r -> r.getAs("table") + "|" + r.getAs("file") + "|" + r.getAs("line") + "|"
                + r.getAs("column") + "|" + r.getAs("reason")).containsExactly(
                "cards|cards.csv|3|status|UNKNOWN_CODE",
                "contributions|contributions.csv|3|person_id|BAD_ID",
                "contributions|contributions.csv|5|null|DUPLICATE_ROW");
        assertThat(rejects.get(1).<String>getAs("raw")).startsWith(badChecksum(HUANG) + ",黄丽,");
        assertThat(rejects.get(2).<String>getAs("raw")).as("a copy's raw line, read from the file again")
                .isEqualTo(CONTRIBUTIONS.lines().toList().get(4));

        // 2. the same folder again: nothing new
        Map<String, Long> before = IngestJob.currentVersions(spark, wh);
        IngestReport second = IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, wh, defaultQuotas());

        assertThat(IngestJob.currentVersions(spark, wh)).isEqualTo(before).containsKeys("contributions", "_rejects");
        assertThat(second.files()).allSatisfy(f -> assertThat(f.changed()).isFalse());
        assertThat(second.file("contributions").rowsRejected()).isEqualTo(2);
        assertThat(second.file("contributions").rejectReasons()).isEqualTo(contributions.rejectReasons());
        Dataset<Row> runs = Warehouse.read(spark, wh.ingestRuns());
        assertThat(runs.count()).isEqualTo(12);
        assertThat(runs.filter(col("changed")).count()).isEqualTo(6);
        assertThat(second.summaryText()).contains("contributions.csv", "BAD_ID 1", "same content");

        // 3. a corrected contributions file and a claims file: new versions of those two only
        write(input.resolve("contributions.csv"), CONTRIBUTIONS.replace(badChecksum(HUANG), HUANG));
        write(input.resolve("claims.csv"), CLAIMS);
        IngestReport third = IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, wh, defaultQuotas());

        Map<String, Long> after = IngestJob.currentVersions(spark, wh);
        assertThat(after.get("contributions")).isEqualTo(before.get("contributions") + 1);
        assertThat(after.get("claims")).isEqualTo(before.get("claims") + 1);
        assertThat(after.get("employers")).isEqualTo(before.get("employers"));
        assertThat(after.get("_rejects")).isGreaterThan(before.get("_rejects"));
        assertThat(third.file("contributions").rowsAccepted()).isEqualTo(3);
        assertThat(third.file("claims").format()).isEqualTo("csv");
        assertThat(Warehouse.read(spark, wh.bronze("claims")).count()).isEqualTo(1);
        assertThat(RejectsTable.read(spark, wh).collectAsList())
                .extracting(r -> r.getAs("table") + ":" + r.getAs("reason"))
                .as("contributions' rejects replaced, cards' kept")
                .containsExactlyInAnyOrder("contributions:DUPLICATE_ROW", "cards:UNKNOWN_CODE");
        assertThat(Warehouse.readVersion(spark, wh.bronze("contributions"), before.get("contributions")).count())
                .as("the earlier snapshot by time travel").isEqualTo(2);
    }

    @Test
    void aMissingFileOrColumnStopsTheRunBeforeAnythingIsWritten() {
        Path input = folder("in", CONTRIBUTIONS, EMPLOYERS, null,
                CARDS.replace("card_no", "card_number"), StandardCharsets.UTF_8);
        write(input.resolve("claims.csv"), CLAIMS);
        write(input.resolve("claims.parquet").resolve("part-0.parquet"), "");
        Warehouse wh = new Warehouse(Location.local(dir.resolve("wh")));

        assertThatThrownBy(() -> IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, wh, defaultQuotas()))
                .isInstanceOf(InputContractException.class)
                .hasMessageContaining("table claims is given more than once")
                .hasMessageContaining("missing required file for table registry")
                .hasMessageContaining("registry.csv")
                .hasMessageContaining("person_id, name, household_county, status, status_from, status_to, removal_reason")
                .hasMessageContaining("cards.csv: missing column card_no")
                .hasMessageContaining("expected columns: person_id, card_no, financial_enabled, status, activated_on");
        assertThat(wh.root().exists()).isFalse();
    }

    @Test
    void aFileInTheWrongEncodingStopsTheRunBeforeAnythingIsWritten() {
        Charset gbk = Charset.forName("GBK");
        // contributions.csv is good UTF-8; employers.csv, checked after it, is GBK
        Path input = folder("in", CONTRIBUTIONS, null, REGISTRY, CARDS, StandardCharsets.UTF_8);
        write(input.resolve("employers.csv"), EMPLOYERS, gbk);
        Warehouse wh = new Warehouse(Location.local(dir.resolve("wh")));

        assertThatThrownBy(() -> IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, wh, defaultQuotas()))
                .isInstanceOf(InputContractException.class)
                .hasMessage("employers.csv: 2 of its 2 data lines are not valid UTF-8, more than 50% ("
                        + EncodingCheck.MAX_UNDECODABLE_SHARE + "): the file is in another encoding, nothing was"
                        + " written. It looks like GBK: try --encoding GBK.");
        assertThat(wh.root().exists()).as("nothing written").isFalse();

        // a header line that does not decode either: still the encoding message, not a header one
        write(input.resolve("employers.csv"), EMPLOYERS.replaceFirst("bank_account\n", "bank_account,备注\n"), gbk);
        assertThatThrownBy(() -> IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, wh, defaultQuotas()))
                .isInstanceOf(InputContractException.class)
                .hasMessageStartingWith("employers.csv: 2 of its 2 data lines and its header line are not valid UTF-8")
                .hasMessageContaining("try --encoding GBK")
                .hasMessageNotContaining("missing column");
        assertThat(wh.root().exists()).isFalse();

        // --conf spark.wengang.ingest.maxUndecodableShare=1 never refuses: the lines are rejects, bytes kept
        spark.conf().set(EncodingCheck.MAX_UNDECODABLE_SHARE, "1");
        try {
            FileIngest employers = IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, wh, defaultQuotas())
                    .file("employers");
            assertThat(List.of(employers.rowsRead(), employers.rowsAccepted(), employers.rowsRejected()))
                    .containsExactly(2L, 0L, 2L);
            assertThat(employers.rejectReasons()).containsOnly(Map.entry("MALFORMED_LINE", 2L));
        } finally {
            spark.conf().unset(EncodingCheck.MAX_UNDECODABLE_SHARE);
        }
        List<Row> rejects = RejectsTable.read(spark, wh).filter(col("table").equalTo("employers"))
                .orderBy("line").collectAsList();
        assertThat(rejects).extracting(r -> r.<String>getAs("raw")).allSatisfy(raw -> assertThat(raw).contains("\uFFFD"));
        assertThat(rejects).extracting(r -> new String(Base64.getDecoder().decode(r.<String>getAs("raw_base64")), gbk))
                .as("the original bytes, read as GBK")
                .containsExactly(FACTORY + ",广州某电子厂,440106,ENTERPRISE,N,6222000011110001",
                        AGENCY + ",广州某劳务派遣公司,440111,ENTERPRISE,Y,6222000011110002");
    }

    @Test
    void anUndecodableLineIsAMalformedLineWithItsBytesKeptAndOldRejectsTablesGainTheColumn() throws Exception {
        byte[] gbkLine = (CHEN + ",陈明," + FACTORY + ",,440100,202306,110,5000.00,400.00,800.00,PAID,2023-06-15,"
                + "REGULAR").getBytes(Charset.forName("GBK"));
        Path input = folder("in", CONTRIBUTIONS, EMPLOYERS, REGISTRY, CARDS, StandardCharsets.UTF_8);
        Path contributionsFile = input.resolve("contributions.csv");
        Files.write(contributionsFile, concat(gbkLine, "\r\n".getBytes(StandardCharsets.US_ASCII)),
                StandardOpenOption.APPEND);
        Warehouse wh = new Warehouse(Location.local(dir.resolve("wh")));
        // a warehouse from before raw_base64: its rejects table has the six contract columns only
        StructType before = new StructType().add("table", DataTypes.StringType).add("file", DataTypes.StringType)
                .add("line", DataTypes.LongType).add("column", DataTypes.StringType)
                .add("reason", DataTypes.StringType).add("raw", DataTypes.StringType);
        spark.createDataFrame(List.of(RowFactory.create("cards", "cards.csv", 3L, "status", "UNKNOWN_CODE", "x")),
                before).write().format("delta").partitionBy("table").save(wh.rejects());
        assertThat(RejectsTable.read(spark, wh).select("raw", "raw_base64").collectAsList())
                .extracting(Row::toString).containsExactly("[x,null]");

        FileIngest contributions = IngestJob.run(spark, Location.local(input), StandardCharsets.UTF_8, wh, defaultQuotas())
                .file("contributions");

        assertThat(List.of(contributions.rowsRead(), contributions.rowsAccepted(), contributions.rowsRejected()))
                .as("read = accepted + rejected").containsExactly(5L, 2L, 3L);
        assertThat(contributions.rejectReasons()).containsOnly(Map.entry("BAD_ID", 1L),
                Map.entry("DUPLICATE_ROW", 1L), Map.entry("MALFORMED_LINE", 1L));
        List<Row> rejects = RejectsTable.read(spark, wh).filter(col("table").equalTo("contributions"))
                .orderBy("line").collectAsList();
        assertThat(rejects).extracting(r -> r.getAs("line") + ":" + r.getAs("reason") + ":" + (r.isNullAt(
                r.fieldIndex("raw_base64")) ? "decoded" : "bytes kept"))
                .containsExactly("3:BAD_ID:decoded", "5:DUPLICATE_ROW:decoded", "6:MALFORMED_LINE:bytes kept");
        Row malformed = rejects.get(2);
        assertThat(malformed.<String>getAs("raw")).startsWith(CHEN + ",\uFFFD");
        assertThat(Base64.getDecoder().decode(malformed.<String>getAs("raw_base64")))
                .as("the line's original bytes (line end left out)").isEqualTo(gbkLine);
        assertThat(RejectsTable.withAllColumns(Warehouse.readVersion(spark, wh.rejects(), 0)).columns())
                .as("the version before the column, read again").contains("raw_base64");

        Path csv = dir.resolve("out").resolve("rejects.csv");
        IngestJob.writeRejectsCsv(spark, wh, Location.local(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("table,file,line,column,reason,raw,raw_base64");
        assertThat(lines).filteredOn(l -> l.startsWith("contributions,contributions.csv,6,,MALFORMED_LINE,"))
                .singleElement().asString().endsWith("," + Base64.getEncoder().encodeToString(gbkLine)); // base64 needs no quotes
        assertThat(lines).filteredOn(l -> l.startsWith("contributions,contributions.csv,3,")).singleElement()
                .asString().endsWith(",");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** An input folder with the given CSV files (null: left out). */
    Path folder(String name, String contributions, String employers, String registry, String cards, Charset cs) {
        Path in = dir.resolve(name);
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("contributions.csv", contributions);
        files.put("employers.csv", employers);
        files.put("registry.csv", registry);
        files.put("cards.csv", cards);
        files.forEach((file, text) -> {
            if (text != null) {
                write(in.resolve(file), text, cs);
            }
        });
        write(in.resolve(".keep"), "");
        return in;
    }

    byte[] defaultQuotas() {
        return DEFAULT_QUOTAS.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
