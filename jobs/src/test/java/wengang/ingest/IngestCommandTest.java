package wengang.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static wengang.ingest.IngestJobTest.AGENCY;
import static wengang.ingest.IngestJobTest.CHEN;
import static wengang.ingest.IngestJobTest.FACTORY;
import static wengang.ingest.IngestJobTest.HUANG;
import static wengang.ingest.IngestTestData.write;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import wengang.engine.Location;
import wengang.cli.ExitCode;
import wengang.cli.WengangCommand;
import wengang.engine.Warehouse;
import wengang.testing.TestSpark;

/** {@code wengang ingest}: a folder of every format, the printed summary, rejects.csv, exit codes. */
class IngestCommandTest {
    @TempDir
    Path dir;

    final SparkSession spark = TestSpark.session();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int execute(String... args) {
        CommandLine cl = WengangCommand.commandLine(new WengangCommand(settings -> TestSpark.session()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void ingestsGbkCsvParquetAndDeltaTablesAndWritesSortedRejects() throws IOException {
        Charset gbk = Charset.forName("GBK");
        Path in = dir.resolve("in");
        write(in.resolve("contributions.csv"), IngestJobTest.CONTRIBUTIONS, gbk);
        write(in.resolve("registry.csv"), IngestJobTest.REGISTRY, gbk);
        write(in.resolve("Quotas.CSV"), "year,region_code,region_name,target_persons\n2023,440100,广州市,-5\n", gbk);
        StructType employers = new StructType()
                .add("employer_id", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("registered_district", DataTypes.IntegerType).add("unit_type", DataTypes.StringType)
                .add("dispatch_licensed", DataTypes.BooleanType).add("bank_account", DataTypes.StringType)
                .add("remark", DataTypes.StringType);
        spark.createDataFrame(List.of(
                        RowFactory.create(FACTORY, "广州某电子厂", 440106, "ENTERPRISE", false, "6222000011110001", null),
                        RowFactory.create(AGENCY, "广州某劳务派遣公司", 44011, "ENTERPRISE", true, "6222000011110002", "x")),
                        employers)
                .coalesce(1).write().parquet(in.resolve("employers.parquet").toString());
        StructType cards = new StructType()
                .add("PERSON_ID", DataTypes.StringType).add("card_no", DataTypes.StringType)
                .add("financial_enabled", DataTypes.BooleanType).add("status", DataTypes.StringType)
                .add("activated_on", DataTypes.DateType);
        spark.createDataFrame(List.of(
                        RowFactory.create(CHEN.substring(0, 17) + "5", "C001", true, "ACTIVE", null),
                        RowFactory.create(HUANG, "C002", true, "ACTIVE", java.sql.Date.valueOf("2023-03-01"))),
                        cards)
                .coalesce(1).write().format("delta").save(in.resolve("cards").toString());
        Path wh = dir.resolve("wh");

        int code = execute("ingest", "--input", in.toString(), "--encoding", "GBK", "--warehouse", wh.toString(),
                "--out", dir.resolve("out").toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("contributions.csv", "employers.parquet", "Quotas.CSV",
                "rejects: 5 rows");
        List<String> rejects = Files.readAllLines(dir.resolve("out").resolve("rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects).hasSize(6);
        assertThat(rejects.get(0)).isEqualTo("table,file,line,column,reason,raw,raw_base64");
        assertThat(rejects.subList(1, 6)).satisfiesExactly(
                l -> assertThat(l).startsWith("cards,cards,1,person_id,BAD_ID,"),
                l -> assertThat(l).startsWith("contributions,contributions.csv,3,person_id,BAD_ID,"),
                l -> assertThat(l).startsWith("contributions,contributions.csv,5,,DUPLICATE_ROW,"),
                l -> assertThat(l).isEqualTo("employers,employers.parquet,2,registered_district,UNKNOWN_CODE,"
                        + "\"{\"\"employer_id\"\":\"\"" + AGENCY + "\"\",\"\"name\"\":\"\"广州某劳务派遣公司\"\","
                        + "\"\"registered_district\"\":44011,\"\"unit_type\"\":\"\"ENTERPRISE\"\","
                        + "\"\"dispatch_licensed\"\":true,\"\"bank_account\"\":\"\"6222000011110002\"\","
                        + "\"\"remark\"\":\"\"x\"\"}\","),
                l -> assertThat(l).isEqualTo("quotas,Quotas.CSV,2,target_persons,NEGATIVE_AMOUNT,"
                        + "\"2023,440100,广州市,-5\","));

        Warehouse warehouse = new Warehouse(Location.local(wh));
        assertThat(Warehouse.read(spark, warehouse.bronze("registry")).orderBy("source_line").collectAsList())
                .as("GBK names decoded").extracting(r -> r.<String>getAs("name")).containsExactly("陈明", "黄丽");
        assertThat(Warehouse.read(spark, warehouse.bronze("cards")).collectAsList())
                .extracting(r -> r.getAs("card_no") + "@" + r.getAs("source_line") + ":" + r.getAs("activated_on"))
                .containsExactly("C002@2:2023-03-01");
        assertThat(Warehouse.read(spark, warehouse.bronze("employers")).filter(col("dispatch_licensed")).count())
                .isZero();
        assertThat(Warehouse.read(spark, warehouse.ingestRuns()).filter(col("table").equalTo("cards"))
                .select("format", "encoding", "file").first().toString()).isEqualTo("[delta,null,cards]");
    }

    @Test
    void aGbkFolderReadAsUtf8ExitsWithBadInputAndNamesTheFileThenIngestsWithEncodingGbk() {
        Charset gbk = Charset.forName("GBK");
        Path in = dir.resolve("in");
        write(in.resolve("contributions.csv"), IngestJobTest.CONTRIBUTIONS, gbk);
        write(in.resolve("employers.csv"), IngestJobTest.EMPLOYERS, gbk);
        write(in.resolve("registry.csv"), IngestJobTest.REGISTRY, gbk);
        write(in.resolve("cards.csv"), IngestJobTest.CARDS, gbk);
        Path wh = dir.resolve("wh");

        int code = execute("ingest", "--input", in.toString(), "--warehouse", wh.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("input folder breaks the contract",
                "contributions.csv: 4 of its 4 data lines are not valid UTF-8",
                "employers.csv: 2 of its 2 data lines are not valid UTF-8",
                "registry.csv: 2 of its 2 data lines are not valid UTF-8",
                "It looks like GBK: try --encoding GBK.")
                .doesNotContain("cards.csv", "missing column");
        assertThat(Files.exists(wh)).as("no table written").isFalse();

        assertThat(execute("ingest", "--input", in.toString(), "--encoding", "GBK", "--warehouse", wh.toString()))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("contributions.csv");
        Warehouse warehouse = new Warehouse(Location.local(wh));
        assertThat(Warehouse.read(spark, warehouse.bronze("contributions")).orderBy("source_line").collectAsList())
                .extracting(r -> r.<String>getAs("name")).containsExactly("陈明", "陈明");
        assertThat(Warehouse.read(spark, warehouse.bronze("employers")).count()).isEqualTo(2);
        assertThat(RejectsTable.read(spark, warehouse).filter(col("reason").equalTo("MALFORMED_LINE")).count())
                .isZero();
    }

    @Test
    void anUnknownEncodingIsAUsageErrorAndAMissingFolderBreaksTheContract() {
        assertThat(execute("ingest", "--input", dir.toString(), "--encoding", "NO-SUCH-CHARSET",
                "--warehouse", dir.resolve("wh").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown encoding 'NO-SUCH-CHARSET'");

        assertThat(execute("ingest", "--input", dir.resolve("nowhere").toString(),
                "--warehouse", dir.resolve("wh").toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("nowhere");
        assertThat(Files.exists(dir.resolve("wh"))).isFalse();
    }
}
